import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { BackupError } from './backup-error.ts';
import { writeAtomically } from './atomic-file.ts';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface SqliteBackupResult {
  bytes: number;
  pages: number;
}

/**
 * Copies a live SQLite database with SQLite's online backup API. All pages go
 * in one step: the copy then reads one snapshot (WAL readers never block the
 * server's writers), whereas small steps restart whenever another connection
 * commits, which on a busy server may never finish.
 */
export async function backupSqliteFile(source: string, out: string): Promise<SqliteBackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  let pages = 0;
  await writeAtomically(out, async (tmp) => {
    const db = new SQLite(source, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const progress = await db.backup(tmp, { progress: () => 0x7fffffff });
      pages = progress.totalPages;
    } finally {
      db.close();
    }
    checkSqliteCopy(tmp);
  });
  return { bytes: fs.statSync(out).size, pages };
}

export function isSqliteFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    fs.readSync(fd, buf, 0, 16, 0);
    return buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Checks a copy we own (a fresh backup, or the copy of a backup about to
 * replace a database): it must be sound and be a Mandate database. Returns its
 * applied migrations. The copy is switched to a rollback journal so it is one
 * self-contained file (the online backup carries over the source's WAL flag,
 * and a WAL file without its -wal/-shm companions cannot be opened read-only).
 */
export function checkSqliteCopy(file: string): string[] {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
  } catch (err) {
    throw new BackupError(`cannot open ${file} as a SQLite database: ${(err as Error).message}`);
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${file} is damaged (quick_check: ${String(check)})`);
    const hasMigrations = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (!hasMigrations) throw new BackupError(`${file} is a SQLite file but not a Mandate database`);
    return db.prepare('select name from kysely_migration order by name').pluck().all() as string[];
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} cannot be read as a Mandate database: ${(err as Error).message}`);
  } finally {
    db.close();
  }
}
