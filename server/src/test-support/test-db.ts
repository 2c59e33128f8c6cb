import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../db/database.ts';
import { createContext, type AppContext } from '../http/context.ts';

/** The PostgreSQL server tests use; override with TEST_DATABASE_URL. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const postgresAvailable = await postgresAnswers();
if (!postgresAvailable) {
  console.warn(`\n*** PostgreSQL did not answer at ${TEST_PG_URL}: the PostgreSQL variants of the repository tests are SKIPPED. ***\n`);
}

export interface TestDb {
  db: Db;
  ctx: AppContext;
  /** Another connection to the same database, as another process (a CLI import) would open it; the caller closes it. */
  openAnother(): Promise<Db>;
  cleanup(): Promise<void>;
}

/** A fresh SQLite file in a temp folder, migrated. */
export async function openSqliteTestDb(clock?: () => Date): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-test-'));
  const file = path.join(dir, 'test.sqlite');
  const db = await openDatabase({ url: file });
  return {
    db,
    ctx: createContext(db, clock),
    openAnother: () => openDatabase({ url: file }),
    cleanup: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema in the test PostgreSQL database, migrated, dropped afterwards. */
export async function openPostgresTestDb(clock?: () => Date): Promise<TestDb> {
  const schema = `mandate_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = await openDatabase({ url: TEST_PG_URL, schema });
  return {
    db,
    ctx: createContext(db, clock),
    openAnother: () => openDatabase({ url: TEST_PG_URL, schema }),
    cleanup: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** The dialects every repository test runs against; PostgreSQL is skipped (loudly, above) when no server answers. */
export const DIALECTS = [
  { name: 'sqlite', open: openSqliteTestDb, skip: false },
  { name: 'postgres', open: openPostgresTestDb, skip: !postgresAvailable },
] as const;

/** A fixed clock so overdue/stale tests do not depend on the day they run. */
export const FIXED_NOW = () => new Date('2026-06-15T10:00:00Z');

export const SHARED_DATA = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../../shared/data');
