import path from 'node:path';
import { isPostgresUrl } from '../../db/database.ts';
import { BackupError } from './backup-error.ts';
import { writeNdjsonBackup } from './dump.service.ts';
import { backupSqliteFile } from './sqlite-file.ts';
import { openTarget, type BackupFormat } from './restore-into.ts';

export interface BackupOptions {
  /** The source: a SQLite file path or a postgres:// URL. */
  url: string;
  out: string;
  format?: BackupFormat;
  /** PostgreSQL only: the schema to read (tests use one schema each). */
  schema?: string;
  clock?: () => Date;
}

export interface BackupResult {
  format: BackupFormat;
  file: string;
  bytes: number;
  /** Rows per table (NDJSON) — a SQLite copy is page for page, so it reports pages. */
  rows?: Record<string, number>;
  pages?: number;
}

/**
 * The format follows --format, else the file name (.ndjson/.jsonl or
 * .sqlite/.db), else the source: an exact SQLite copy for SQLite (fastest to
 * take and restore, search index included), the portable NDJSON for PostgreSQL.
 */
export function chooseFormat(url: string, out: string, format?: string): BackupFormat {
  if (format !== undefined) {
    if (format !== 'sqlite' && format !== 'ndjson') throw new BackupError(`unknown format "${format}"; use sqlite or ndjson`);
    return format;
  }
  const ext = path.extname(out).toLowerCase();
  if (['.ndjson', '.jsonl', '.json'].includes(ext)) return 'ndjson';
  if (['.sqlite', '.sqlite3', '.db'].includes(ext)) return 'sqlite';
  return isPostgresUrl(url) ? 'ndjson' : 'sqlite';
}

export async function backupDatabase(opts: BackupOptions): Promise<BackupResult> {
  const format = chooseFormat(opts.url, opts.out, opts.format);
  const file = path.resolve(opts.out);
  if (format === 'sqlite') {
    if (isPostgresUrl(opts.url)) throw new BackupError('the sqlite format copies a SQLite database; for PostgreSQL use --format ndjson');
    // The raw file, not openDatabase: a backup must not create or migrate what it copies.
    const r = await backupSqliteFile(path.resolve(opts.url), opts.out);
    return { format, file, bytes: r.bytes, pages: r.pages };
  }
  const db = await openTarget(opts.url, opts.schema);
  try {
    const r = await writeNdjsonBackup(db, opts.out, (opts.clock ?? (() => new Date()))().toISOString());
    return { format, file, bytes: r.bytes, rows: r.rows };
  } finally {
    await db.close();
  }
}
