import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../db/dialect.ts';
import { BackupError } from './backup-error.ts';

/**
 * Every table a backup carries, in an order where a table comes after the
 * tables its foreign keys point to (so a restore can insert in file order).
 * A migrated table missing from this list stops backups with an error: a
 * backup that silently skipped a new table would be discovered only on the day
 * it is needed.
 */
export const TABLE_ORDER: readonly string[] = [
  'users',
  'user_scopes',
  'sessions',
  'api_tokens',
  'documents',
  'clauses',
  'organisations',
  'actions',
  'action_parties',
  'action_tags',
  'action_clauses',
  'progress_updates',
  'suggestions',
  'suggestion_clauses',
  'clause_references',
  'overlap_runs',
  'overlap_run_documents',
  'overlap_pairs',
  'overlap_boilerplate',
  'audit_log',
];

export interface CatalogTable {
  name: string;
  /** Columns in name order (the physical order differs between dialects). */
  columns: string[];
  /** Primary key columns, in key order: rows are dumped in this order. */
  key: string[];
  /** Key columns that are not integers: compared byte-wise ("C" collation) on PostgreSQL, as SQLite does. */
  textKeys: Set<string>;
}

const INTEGER_TYPES = new Set(['integer', 'int', 'int2', 'int4', 'int8', 'smallint', 'bigint']);

interface FoundTable {
  name: string;
  columns: { name: string; type: string }[];
}

/**
 * The data tables of the migrated schema, found by introspection so tables
 * other modules add are included, minus what each dialect derives by itself:
 * SQLite's FTS virtual and shadow tables and PostgreSQL's generated columns
 * (the tsvector), which a restore rebuilds.
 */
export async function readCatalog(db: Kysely<unknown>, dialect: DialectName): Promise<CatalogTable[]> {
  const found = dialect === 'postgres' ? await postgresTables(db) : await sqliteTables(db);
  const unknown = found.filter((t) => !TABLE_ORDER.includes(t.name)).map((t) => t.name);
  if (unknown.length > 0) {
    throw new BackupError(
      `table(s) ${unknown.join(', ')} are not in the backup table order; add them to TABLE_ORDER in server/src/modules/backup/backup-catalog.ts, after the tables they reference`,
    );
  }
  const byName = new Map(found.map((t) => [t.name, t]));
  const catalog: CatalogTable[] = [];
  for (const name of TABLE_ORDER) {
    const t = byName.get(name);
    if (!t) continue; // Listed ahead of its migration (or dropped): nothing to carry.
    const key = await primaryKey(db, dialect, name);
    if (key.length === 0) throw new BackupError(`table ${name} has no primary key; a backup needs one to page through it in a stable order`);
    const types = new Map(t.columns.map((c) => [c.name, c.type.toLowerCase()]));
    catalog.push({
      name,
      columns: t.columns.map((c) => c.name).sort(),
      key,
      textKeys: new Set(key.filter((k) => !INTEGER_TYPES.has(types.get(k) ?? ''))),
    });
  }
  return catalog;
}

async function sqliteTables(db: Kysely<unknown>): Promise<FoundTable[]> {
  const { rows } = await sql<{ name: string }>`select name from pragma_table_list where schema = 'main' and type in ('virtual', 'shadow')`.execute(db);
  const derived = new Set(rows.map((r) => r.name));
  return (await db.introspection.getTables())
    .filter((t) => !t.isView && !derived.has(t.name))
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => ({ name: c.name, type: c.dataType })) }));
}

/**
 * The current schema only, straight from pg_catalog: Kysely's introspector
 * walks every schema of the database and fails when another one is dropped
 * meanwhile (tests and tenants share a database). Generated columns are left out.
 */
async function postgresTables(db: Kysely<unknown>): Promise<FoundTable[]> {
  const { rows } = await sql<{ table: string; column: string; type: string }>`
    select c.relname as "table", a.attname as "column", t.typname as "type"
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    join pg_type t on t.oid = a.atttypid
    where n.nspname = current_schema() and c.relkind in ('r', 'p')
      and c.relname not in ('kysely_migration', 'kysely_migration_lock')
    order by c.relname, a.attnum`.execute(db);
  const tables = new Map<string, FoundTable>();
  for (const r of rows) {
    const t = tables.get(r.table) ?? { name: r.table, columns: [] };
    t.columns.push({ name: r.column, type: r.type });
    tables.set(r.table, t);
  }
  return [...tables.values()];
}

async function primaryKey(db: Kysely<unknown>, dialect: DialectName, table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table}) where pk > 0 order by pk`.execute(db);
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ name: string }>`select a.attname as name
    from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(${table}))::regclass and i.indisprimary
    order by array_position(i.indkey::int2[], a.attnum)`.execute(db);
  return rows.map((r) => r.name);
}

/** The names of the applied migrations, oldest first: a dump records them so a restore can tell whether it understands the file. */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}
