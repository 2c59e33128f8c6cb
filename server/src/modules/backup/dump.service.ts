import fs from 'node:fs';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect.ts';
import { appliedMigrations, readCatalog, type CatalogTable } from './backup-catalog.ts';
import { headerLine, normaliseRow, trailerLine, type RowRecord } from './ndjson-format.ts';
import { writeAtomically } from './atomic-file.ts';

/** Rows fetched per query: enough to amortise the round trip, small enough that memory stays flat whatever the table size. */
const PAGE_SIZE = 1000;
/** Bytes buffered before a write to the file. */
const FLUSH_BYTES = 1 << 20;

export interface DumpResult {
  rows: Record<string, number>;
  bytes: number;
}

/**
 * Writes the whole database as NDJSON (see ndjson-format.ts). It reads inside
 * one read-only snapshot (a SQLite read transaction under WAL; REPEATABLE READ
 * on PostgreSQL), so the dump is consistent while the server keeps writing.
 */
export async function writeNdjsonBackup(db: Db, out: string, createdAt: string): Promise<DumpResult> {
  let result: DumpResult = { rows: {}, bytes: 0 };
  await writeAtomically(out, async (tmp) => {
    const fh = await fs.promises.open(tmp, 'wx');
    try {
      result = await inSnapshot(db, async (trx) => {
        const rows: Record<string, number> = {};
        let buffer = '';
        let bytes = 0;
        for await (const line of dumpLines(trx, db.dialect, createdAt, rows)) {
          buffer += `${line}\n`;
          if (buffer.length >= FLUSH_BYTES) {
            bytes += await append(fh, buffer);
            buffer = '';
          }
        }
        bytes += await append(fh, buffer);
        return { rows, bytes };
      });
    } finally {
      await fh.close();
    }
  });
  return result;
}

/** writeFile writes all of it (write() may stop short) at the current position, so successive calls append. */
async function append(fh: fs.promises.FileHandle, text: string): Promise<number> {
  await fh.writeFile(text);
  return Buffer.byteLength(text);
}

/** Runs `read` in a consistent snapshot of the database. */
export async function inSnapshot<T>(db: Db, read: (trx: Kysely<unknown>) => Promise<T>): Promise<T> {
  const k = db.kysely as unknown as Kysely<unknown>;
  const builder = db.dialect === 'postgres' ? k.transaction().setIsolationLevel('repeatable read').setAccessMode('read only') : k.transaction();
  return builder.execute(read);
}

/** The dump, line by line: header, every row of every table in order, trailer. Fills `rows` with the count per table. */
export async function* dumpLines(trx: Kysely<unknown>, dialect: DialectName, createdAt: string, rows: Record<string, number> = {}): AsyncGenerator<string> {
  const catalog = await readCatalog(trx, dialect);
  yield headerLine(createdAt, await appliedMigrations(trx));
  for (const table of catalog) rows[table.name] = 0;
  for await (const rec of dumpRecords(trx, dialect, catalog)) {
    rows[rec.table] = (rows[rec.table] ?? 0) + 1;
    yield JSON.stringify(rec);
  }
  yield trailerLine(rows);
}

/** Every row of every table, normalised (see normaliseRow), tables in catalog order, rows by primary key. */
export async function* dumpRecords(trx: Kysely<unknown>, dialect: DialectName, catalog: CatalogTable[]): AsyncGenerator<RowRecord> {
  for (const table of catalog) {
    for await (const row of tableRows(trx, dialect, table)) yield { table: table.name, row: normaliseRow(table.name, table.columns, row) };
  }
}

/** Pages through a table by primary key (keyset pagination: each page is an index range scan, never an OFFSET). */
export async function* tableRows(trx: Kysely<unknown>, dialect: DialectName, table: CatalogTable, pageSize = PAGE_SIZE): AsyncGenerator<Record<string, unknown>> {
  // PostgreSQL would sort text by the database's locale; "C" compares bytes like SQLite, so both dumps list rows alike.
  const keyExprs = table.key.map((k) => (dialect === 'postgres' && table.textKeys.has(k) ? sql`${sql.ref(k)} collate "C"` : sql.ref(k)));
  const keyList = sql.join(keyExprs);
  const columns = sql.join([...new Set([...table.columns, ...table.key])].map((c) => sql.ref(c)));
  let after: unknown[] | null = null;
  for (;;) {
    const where: RawBuilder<unknown> = after ? sql`where (${keyList}) > (${sql.join(after)})` : sql``;
    const { rows } = await sql<Record<string, unknown>>`select ${columns} from ${sql.table(table.name)} ${where} order by ${keyList} limit ${pageSize}`.execute(trx);
    yield* rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = table.key.map((k) => last[k]);
  }
}
