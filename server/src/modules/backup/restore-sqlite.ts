import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { BackupError } from './backup-error.ts';
import { appliedMigrations, readCatalog } from './backup-catalog.ts';
import { checkMigrations } from './ndjson-format.ts';
import { checkSqliteCopy } from './sqlite-file.ts';
import { fsyncPath } from './atomic-file.ts';
import { checkTargetEmpty, openTarget, restoreInto, stamp, type BackupFormat, type RestoreOptions, type TargetResult } from './restore-into.ts';

/**
 * SQLite target. An NDJSON backup into an empty database loads in place, in
 * one transaction. Everything else replaces the file whole: the restored
 * database is built in a staging file beside the target, checked, flushed, and
 * renamed over it, so a crash at any point leaves either the old database or
 * the new one. With --force the old file stays as FILE.replaced-<time>.
 */
export async function restoreSqliteTarget(file: string, format: BackupFormat, opts: RestoreOptions): Promise<TargetResult> {
  const target = path.resolve(opts.url);
  const db = await openTarget(opts.url);
  let occupied: string[];
  let migrations: string[];
  try {
    occupied = await checkTargetEmpty(db, opts.force);
    migrations = await appliedMigrations(db.kysely as unknown as Kysely<unknown>);
    if (occupied.length === 0 && format === 'ndjson') {
      return { target: db.location, rows: await restoreInto(db, file, format), replaced: null };
    }
  } finally {
    await db.close();
  }

  assertNotInUse(target);
  const staging = `${target}.restoring-${process.pid}`;
  const replaced = occupied.length > 0 ? `${target}.replaced-${stamp(opts.clock)}` : null;
  try {
    removeSqliteFiles(staging);
    if (format === 'sqlite') {
      fs.copyFileSync(file, staging);
      checkMigrations(checkSqliteCopy(staging), migrations);
    }
    // Opening migrates a backup taken before later migrations, like any database.
    const staged = await openTarget(staging);
    let rows: Record<string, number>;
    try {
      rows = format === 'ndjson' ? await restoreInto(staged, file, format) : await countRows(staged.kysely as unknown as Kysely<unknown>);
    } finally {
      await staged.close();
    }
    await fsyncPath(staging);
    assertNotInUse(target);
    if (replaced) fs.linkSync(target, replaced); // The old data, audit trail included, stays readable.
    removeSqliteFiles(target, ['-wal', '-shm']);
    fs.renameSync(staging, target);
    await fsyncPath(path.dirname(target));
    return { target, rows, replaced };
  } catch (err) {
    removeSqliteFiles(staging);
    throw err;
  }
}

/**
 * Replacing a file under a running server would leave it serving the old
 * inode (and a stale -wal could be replayed into the new file). After our own
 * connection closed cleanly SQLite removed the -wal; if one is still there,
 * another process has the database open.
 */
function assertNotInUse(target: string) {
  if (fs.existsSync(`${target}-wal`)) {
    throw new BackupError(`${target} is open in another process (is \`mandate serve\` running?); stop it before restoring`);
  }
}

function removeSqliteFiles(file: string, suffixes = ['', '-wal', '-shm', '-journal']) {
  for (const s of suffixes) fs.rmSync(`${file}${s}`, { force: true });
}

async function countRows(k: Kysely<unknown>): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const t of await readCatalog(k, 'sqlite')) {
    const { rows: r } = await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)}`.execute(k);
    rows[t.name] = Number(r[0]!.n);
  }
  return rows;
}
