import fs from 'node:fs';
import { isPostgresUrl } from '../../db/database.ts';
import { BackupError } from './backup-error.ts';
import { readNdjsonHeader } from './ndjson-reader.ts';
import { isSqliteFile } from './sqlite-file.ts';
import type { BackupFormat, RestoreOptions, RestoreResult } from './restore-into.ts';
import { restoreSqliteTarget } from './restore-sqlite.ts';
import { restorePostgresTarget } from './restore-postgres.ts';

export type { BackupFormat, RestoreOptions, RestoreResult } from './restore-into.ts';

/**
 * Restores a backup into an empty database. With `force`, a database holding
 * data is not emptied row by row (the audit log refuses DELETE, and it should):
 * the backup is built beside it — a new SQLite file, a new PostgreSQL schema —
 * and swapped in atomically; the old one is kept under a "replaced" name.
 */
export async function restoreBackup(file: string, opts: RestoreOptions): Promise<RestoreResult> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`no backup file at ${file}`);
  const format: BackupFormat = isSqliteFile(file) ? 'sqlite' : 'ndjson';
  if (format === 'ndjson') await readNdjsonHeader(file); // A foreign file is refused before anything is touched.
  const target = isPostgresUrl(opts.url) ? restorePostgresTarget : restoreSqliteTarget;
  return { format, ...(await target(file, format, opts)) };
}

