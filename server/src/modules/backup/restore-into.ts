import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase, type Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { reindexReferences } from '../references/reindex-references.ts';
import { BackupError } from './backup-error.ts';
import { appliedMigrations, readCatalog } from './backup-catalog.ts';
import { checkMigrations } from './ndjson-format.ts';
import { readNdjsonHeader, readNdjsonRows } from './ndjson-reader.ts';
import { finishRestore, loadRows, nonEmptyTables } from './load-rows.ts';
import { checkSqliteCopy } from './sqlite-file.ts';
import { dumpRecords, inSnapshot } from './dump.service.ts';

export type BackupFormat = 'sqlite' | 'ndjson';

export interface RestoreOptions {
  /** The target: a SQLite file path or a postgres:// URL. */
  url: string;
  /** PostgreSQL only: the schema to restore into (tests use one schema each). */
  schema?: string;
  /** Replace a database that already holds data. */
  force?: boolean;
  clock?: () => Date;
}

export interface RestoreResult {
  format: BackupFormat;
  target: string;
  rows: Record<string, number>;
  /** Where the data that was replaced (with --force) is kept: a file or a schema. */
  replaced: string | null;
}

export type TargetResult = Omit<RestoreResult, 'format'>;

export async function openTarget(url: string, schema?: string): Promise<Db> {
  try {
    return await openDatabase({ url, schema });
  } catch (err) {
    throw new BackupError(`cannot open the database ${url.replace(/:\/\/[^@]*@/, '://***@')}: ${(err as Error).message}`);
  }
}

/** The tables already holding rows, and a refusal when there are any and --force was not given. */
export async function checkTargetEmpty(db: Db, force: boolean | undefined): Promise<string[]> {
  const k = db.kysely as unknown as Kysely<unknown>;
  const occupied = await nonEmptyTables(k, await readCatalog(k, db.dialect));
  if (occupied.length > 0 && !force) {
    throw new BackupError(`${db.location} is not empty (${occupied.join(', ')} hold data); restore into an empty database, or pass --force to replace it (the current data is kept aside)`);
  }
  return occupied;
}

/**
 * Loads a backup into `db` (empty, migrated) in one transaction: all rows, then
 * the sequences and search indexes derived from them. A damaged file or a
 * failing row rolls everything back.
 */
export async function restoreInto(db: Db, file: string, format: BackupFormat): Promise<Record<string, number>> {
  const k = db.kysely as unknown as Kysely<unknown>;
  const catalog = await readCatalog(k, db.dialect);
  const migrations = await appliedMigrations(k);
  if (format === 'ndjson') {
    const dumped = (await readNdjsonHeader(file)).migrations;
    checkMigrations(dumped, migrations);
    return k.transaction().execute(async (trx) => {
      const rows = await loadRows(trx, catalog, readNdjsonRows(file));
      await finishRestore(trx, db.dialect, catalog);
      await deriveWhatTheBackupLacks(trx, dumped);
      return rows;
    });
  }
  // A SQLite file into another dialect: read it as a database and stream its rows across.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-restore-'));
  try {
    const copy = path.join(dir, 'backup.sqlite');
    fs.copyFileSync(file, copy);
    const dumped = checkSqliteCopy(copy);
    checkMigrations(dumped, migrations);
    const source = await openTarget(copy);
    try {
      const sourceCatalog = await readCatalog(source.kysely as unknown as Kysely<unknown>, 'sqlite');
      return await inSnapshot(source, (strx) =>
        k.transaction().execute(async (trx) => {
          const rows = await loadRows(trx, catalog, dumpRecords(strx, 'sqlite', sourceCatalog));
          await finishRestore(trx, db.dialect, catalog);
          await deriveWhatTheBackupLacks(trx, dumped);
          return rows;
        }),
      );
    } finally {
      await source.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A backup made before a migration that derives data from existing rows
 * (0003: citations extracted from clause texts) has none of that data:
 * derive it now, as the migration did for databases upgraded in place.
 */
async function deriveWhatTheBackupLacks(trx: Kysely<unknown>, dumped: string[]): Promise<void> {
  if (!dumped.includes('0003_references')) await reindexReferences(trx as unknown as Kysely<Database>);
}

/** A name part for the data kept aside: sortable, no characters that need quoting. */
export function stamp(clock: () => Date = () => new Date()): string {
  return clock().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').toLowerCase();
}
