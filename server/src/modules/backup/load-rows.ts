import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../db/dialect.ts';
import { BackupError } from './backup-error.ts';
import type { CatalogTable } from './backup-catalog.ts';
import type { Row, RowRecord } from './ndjson-format.ts';

/** Both drivers cap bound parameters per statement (SQLite 32766, PostgreSQL 65535); stay well below. */
const MAX_PARAMS = 20_000;
const MAX_ROWS = 500;

/**
 * Inserts a stream of rows, in the caller's transaction, into an empty schema
 * of the same shape. Rows must come in TABLE_ORDER (a dump always does), so
 * every foreign key finds its target already inserted.
 */
export async function loadRows(trx: Kysely<unknown>, catalog: CatalogTable[], records: AsyncIterable<RowRecord>): Promise<Record<string, number>> {
  const tables = new Map(catalog.map((t, i) => [t.name, { table: t, index: i }]));
  const counts: Record<string, number> = Object.fromEntries(catalog.map((t) => [t.name, 0]));
  let current: { table: CatalogTable; index: number } | undefined;
  let batch: Row[] = [];
  let batchColumns = '';

  const flush = async () => {
    if (current && batch.length > 0) await insertBatch(trx, current.table.name, batch);
    batch = [];
  };

  for await (const rec of records) {
    if (rec.table !== current?.table.name) {
      await flush();
      const next = tables.get(rec.table);
      if (!next) throw new BackupError(`the backup holds table ${rec.table}, which this database does not have`);
      if (current && next.index < current.index) throw new BackupError(`the backup lists ${rec.table} after ${current.table.name}: rows are out of order`);
      current = next;
    }
    const columns = Object.keys(rec.row);
    const unknown = columns.filter((c) => !current!.table.columns.includes(c));
    if (unknown.length > 0) throw new BackupError(`the backup has column(s) ${unknown.join(', ')} in ${rec.table}, which this database does not have`);
    const signature = columns.join('\u0000');
    if (signature !== batchColumns || batch.length >= Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Math.max(1, columns.length)))) {
      await flush();
      batchColumns = signature;
    }
    batch.push(rec.row);
    counts[rec.table] = (counts[rec.table] ?? 0) + 1;
  }
  await flush();
  return counts;
}

async function insertBatch(trx: Kysely<unknown>, table: string, rows: Row[]) {
  const columns = Object.keys(rows[0]!);
  const values = rows.map((r) => sql`(${sql.join(columns.map((c) => r[c] ?? null))})`);
  try {
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(trx);
  } catch (err) {
    // A constraint the rows break (a hand-edited dump, a schema that moved on): say where, the transaction rolls back.
    throw new BackupError(`cannot restore the rows of ${table}: ${(err as Error).message}`);
  }
}

/**
 * What each dialect derives from the rows and a plain insert does not keep
 * right: PostgreSQL sequences still start at 1 after explicit ids were
 * inserted, and SQLite's external-content FTS indexes are rebuilt from their
 * tables rather than trusted.
 */
export async function finishRestore(trx: Kysely<unknown>, dialect: DialectName, catalog: CatalogTable[]): Promise<void> {
  if (dialect === 'postgres') {
    for (const t of catalog) {
      if (t.key.length !== 1 || t.textKeys.size > 0) continue;
      const col = t.key[0]!;
      const { rows } = await sql<{ seq: string | null }>`select pg_get_serial_sequence(quote_ident(${t.name}), ${col}) as seq`.execute(trx);
      const seq = rows[0]?.seq;
      if (!seq) continue;
      // Empty table: the next id is 1 (is_called = false); otherwise the one after max(id).
      await sql`select setval(${seq}, coalesce(max(${sql.ref(col)}), 1), max(${sql.ref(col)}) is not null) from ${sql.table(t.name)}`.execute(trx);
    }
    return;
  }
  const { rows } = await sql<{ name: string }>`select name from sqlite_master
    where type = 'table' and sql like 'create virtual table%using fts5%'`.execute(trx);
  for (const { name } of rows) {
    await sql`insert into ${sql.table(name)} (${sql.ref(name)}) values ('rebuild')`.execute(trx);
  }
}

/** Which tables hold rows: a restore refuses to mix a backup into existing data. */
export async function nonEmptyTables(db: Kysely<unknown>, catalog: CatalogTable[]): Promise<string[]> {
  const out: string[] = [];
  for (const t of catalog) {
    const { rows } = await sql`select 1 from ${sql.table(t.name)} limit 1`.execute(db);
    if (rows.length > 0) out.push(t.name);
  }
  return out;
}
