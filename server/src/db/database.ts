import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import type { Database } from './schema.ts';
import type { DialectName } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, for messages (never includes a password). */
  location: string;
  /**
   * A token that changes whenever any connection commits a change, or null when
   * it cannot be told. Lets callers keep derived values (lists, relations)
   * exactly until the next write: see until-change.ts.
   */
  changeToken(): Promise<string | null>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** A file path for SQLite, or a postgres:// URL. */
  url: string;
  /** PostgreSQL only: put every table in this schema (tests use one schema each). */
  schema?: string;
}

export const DEFAULT_SQLITE_PATH = path.join('data', 'mandate.sqlite');

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

// COUNT(*) and SUM() come back from PostgreSQL as int8/numeric strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export async function openDatabase(options: DbOptions): Promise<Db> {
  const db = isPostgresUrl(options.url) ? openPostgres(options) : openSqlite(options.url);
  await migrateToLatest(db.kysely as Kysely<unknown>, db.dialect, isPostgresUrl(options.url) ? options.schema : undefined);
  return db;
}

function openSqlite(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers run while one writer commits. synchronous=NORMAL under WAL
  // can lose the last transactions on power loss (never corrupts): the usual
  // trade for a several-times faster commit; see docs/ARCHITECTURE.md.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  // data_version moves when another connection (a CLI import, another process) commits;
  // total_changes() counts this connection's own writes. Together they see every write.
  // Prepared once: `sqlite.pragma()` would prepare anew on every call, and this runs several times per request.
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  const ownChanges = sqlite.prepare('select total_changes()').pluck();
  const changeToken = async () => `${dataVersion.get() as number}:${ownChanges.get() as number}`;
  return { kysely, dialect: 'sqlite', location: path.resolve(file), changeToken, close: () => kysely.destroy() };
}

/**
 * Kysely prepares every statement anew; on a hot list endpoint preparing costs
 * as much as running. The same SQL text always yields the same plan, so we
 * keep prepared statements (bounded) and hand them back. Kysely uses only
 * `prepare` and `close` of the database it is given.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(source: string) {
      let st = cache.get(source);
      if (!st) {
        st = sqlite.prepare(source);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(source, st);
      }
      return st;
    },
  };
}

function openPostgres(options: DbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(options.url);
  const location = `postgres://${u.host}${u.pathname}${options.schema ? ` (schema ${options.schema})` : ''}`;
  // The snapshot (xmin:xmax:in-progress ids) says which transactions a query sees: two equal snapshots
  // see the same committed data, and any commit in between changes it. No table, trigger or counter needed.
  const snapshot = async () => (await sql<{ s: string }>`select pg_current_snapshot()::text as s`.execute(kysely)).rows[0]!.s;
  return { kysely, dialect: 'postgres', location, changeToken: startedAfterCall(snapshot), close: () => kysely.destroy() };
}

/**
 * Shares one query among the callers that arrive while another is running:
 * they all get the next one, which starts after each of them called, so
 * nobody is answered by a query older than their request. Under load a
 * request costs a fraction of a round trip instead of one each.
 */
export function startedAfterCall<T>(query: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = () => {
    const p = query();
    running = p;
    void p.then(
      () => (running === p ? (running = null) : undefined),
      () => (running === p ? (running = null) : undefined),
    );
    return p;
  };
  return () => {
    if (!running) return start();
    if (!next) {
      next = running.then(
        () => undefined,
        () => undefined,
      ).then(() => {
        next = null;
        return start();
      });
    }
    return next;
  };
}
