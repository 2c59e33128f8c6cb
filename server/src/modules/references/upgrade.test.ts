import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.ts';
import type { DialectName } from '../../db/dialect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { initialSchema } from '../../db/migrations/0001_initial.ts';
import { trustSchema } from '../../db/migrations/0002_trust.ts';
import { TEST_PG_URL, postgresAvailable } from '../../test-support/test-db.ts';

/** A database as the release before references left it: migrated to 0002 only. */
async function openOldDatabase(dialect: DialectName) {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-upgrade-'));
    const sqlite = new SQLite(path.join(dir, 'old.sqlite'));
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, schema: undefined, cleanup: async () => { await db.destroy(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `mandate_up_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: TEST_PG_URL, options: `-c search_path=${schema}` }) }) });
  return {
    db,
    schema,
    cleanup: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

const CLAUSE = 'that Resolution 71 (Rev. Dubai, 2018) of this conference and Recommendation ITU-T A.1 apply;';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe.skipIf(dialect === 'postgres' && !postgresAvailable)(`upgrading a ${dialect} database to 0003_references`, () => {
    it('fills the new table from the clause texts already stored', async () => {
      const old = await openOldDatabase(dialect);
      try {
        const provider = { getMigrations: async () => ({ '0001_initial': initialSchema(dialect), '0002_trust': trustSchema(dialect) }) };
        const first = await new Migrator({ db: old.db, provider, ...(old.schema ? { migrationTableSchema: old.schema } : {}) }).migrateToLatest();
        expect(first.error).toBeUndefined();
        const db = old.db as Kysely<Database>;
        const now = '2026-01-01T00:00:00Z';
        const doc = await db
          .insertInto('documents')
          .values({ body: 'PP', kind: 'resolution', number: '64', revision: 'Rev. Dubai, 2018', year: 2018, place: 'Dubai', title: 'Old', status: 'in_force', preamble: '', source_format: 'text', source_name: 'old.txt', created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        const clause = await db.insertInto('clauses').values({ document_id: doc.id, seq: 0, kind: 'preambular', heading: 'considering', addressee: null, num: 'a', path: 'considering/a', text: CLAUSE }).returning('id').executeTakeFirstOrThrow();

        await migrateToLatest(old.db, dialect, old.schema);

        const rows = await db.selectFrom('clause_references').select(['document_id', 'clause_id', 'text', 'start_offset', 'target_body', 'target_number']).orderBy('start_offset').execute();
        expect(rows).toEqual([
          { document_id: doc.id, clause_id: clause.id, text: 'Resolution 71 (Rev. Dubai, 2018)', start_offset: 5, target_body: 'PP', target_number: '71' },
          { document_id: doc.id, clause_id: clause.id, text: 'Recommendation ITU-T A.1', start_offset: CLAUSE.indexOf('Recommendation'), target_body: 'ITU-T', target_number: 'A.1' },
        ]);
        // Deleting the document takes its citations with it.
        await db.deleteFrom('documents').where('id', '=', doc.id).execute();
        expect(await db.selectFrom('clause_references').selectAll().execute()).toEqual([]);
      } finally {
        await old.cleanup();
      }
    });
  });
}
