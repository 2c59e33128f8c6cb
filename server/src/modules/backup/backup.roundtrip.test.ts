import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { actionInput, actionQuery } from '@mandate/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, TEST_PG_URL, openPostgresTestDb, openSqliteTestDb, postgresAvailable, type TestDb } from '../../test-support/test-db.ts';
import { openDatabase } from '../../db/database.ts';
import { createContext } from '../../http/context.ts';
import { createAction, findActions } from '../actions/actions.service.ts';
import { backupDatabase } from './backup.service.ts';
import { restoreBackup } from './restore.service.ts';
import { AWKWARD_TEXT, buildRealisticDb } from './backup-test-data.ts';

const clock = () => new Date('2026-06-15T12:00:00Z');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-backup-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function schemaOf(t: TestDb): Promise<string> {
  const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(t.db.kysely);
  return rows[0]!.s;
}

/** Byte-for-byte, with the first differing line in the failure message rather than two 1 MB strings. */
function expectIdentical(a: string, b: string) {
  const x = fs.readFileSync(a);
  const y = fs.readFileSync(b);
  if (x.equals(y)) return;
  const la = x.toString('utf8').split('\n');
  const lb = y.toString('utf8').split('\n');
  const i = la.findIndex((l, n) => l !== lb[n]);
  expect({ line: i + 1, got: lb[i] }).toEqual({ line: i + 1, got: la[i] });
  expect(y.length).toBe(x.length);
}

async function newActionWorks(t: TestDb) {
  // Sequences (PostgreSQL) and AUTOINCREMENT counters (SQLite) continue after the restored ids.
  const max = (await t.db.kysely.selectFrom('actions').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m as number;
  const created = await createAction(t.ctx, actionInput.parse({ title: 'After restore' }));
  expect(created.id).toBe(max + 1);
}

async function searchFinds(t: TestDb) {
  // The search index (FTS5 on SQLite, the generated tsvector on PostgreSQL) is rebuilt, not carried in the dump.
  const r = await findActions(t.ctx, actionQuery.parse({ q: 'annuel' }));
  expect(r.total).toBe(3);
}

describe.skipIf(!postgresAvailable)('NDJSON round trip between SQLite and PostgreSQL', () => {
  it('SQLite → dump → PostgreSQL → dump gives byte-identical dumps', async () => {
    const src = await openSqliteTestDb(FIXED_NOW);
    const dst = await openPostgresTestDb(FIXED_NOW);
    try {
      await buildRealisticDb(src.ctx);
      const a = path.join(dir, 'sqlite.ndjson');
      const b = path.join(dir, 'sqlite-pg.ndjson');
      const dumped = await backupDatabase({ url: src.db.location, out: a, format: 'ndjson', clock });
      expect(dumped.rows).toMatchObject({ documents: expect.any(Number), audit_log: expect.any(Number), user_scopes: 8, sessions: 2 });
      for (const t of ['documents', 'clauses', 'actions', 'action_parties', 'action_tags', 'progress_updates', 'suggestions', 'organisations', 'audit_log']) {
        expect(dumped.rows?.[t], t).toBeGreaterThan(0);
      }
      const schema = await schemaOf(dst);
      const restored = await restoreBackup(a, { url: TEST_PG_URL, schema });
      expect(restored.rows).toEqual(dumped.rows);
      await backupDatabase({ url: TEST_PG_URL, schema, out: b, format: 'ndjson', clock });
      expectIdentical(a, b);
      expect(fs.readFileSync(a, 'utf8')).toContain(JSON.stringify(AWKWARD_TEXT));
      await searchFinds(dst);
      await newActionWorks(dst);
    } finally {
      await src.cleanup();
      await dst.cleanup();
    }
  });

  it('PostgreSQL → dump → SQLite → dump gives byte-identical dumps', async () => {
    const src = await openPostgresTestDb(FIXED_NOW);
    const dstFile = path.join(dir, 'from-pg.sqlite');
    try {
      await buildRealisticDb(src.ctx);
      const schema = await schemaOf(src);
      const a = path.join(dir, 'pg.ndjson');
      const b = path.join(dir, 'pg-sqlite.ndjson');
      const dumped = await backupDatabase({ url: TEST_PG_URL, schema, out: a, clock });
      expect(dumped.format).toBe('ndjson');
      const restored = await restoreBackup(a, { url: dstFile });
      expect(restored.rows).toEqual(dumped.rows);
      await backupDatabase({ url: dstFile, out: b, format: 'ndjson', clock });
      expectIdentical(a, b);
      const dst = await openDatabase({ url: dstFile });
      const t = { db: dst, ctx: createContext(dst, FIXED_NOW), openAnother: () => openDatabase({ url: dstFile }), cleanup: () => dst.close() };
      try {
        await searchFinds(t);
        await newActionWorks(t);
      } finally {
        await t.cleanup();
      }
    } finally {
      await src.cleanup();
    }
  });

  it('a SQLite copy restores into PostgreSQL too (read as a database, streamed across)', async () => {
    const src = await openSqliteTestDb(FIXED_NOW);
    const dst = await openPostgresTestDb(FIXED_NOW);
    try {
      await buildRealisticDb(src.ctx);
      const copy = path.join(dir, 'copy-for-pg.sqlite');
      await backupDatabase({ url: src.db.location, out: copy, clock });
      const restored = await restoreBackup(copy, { url: TEST_PG_URL, schema: await schemaOf(dst) });
      expect(restored.format).toBe('sqlite');
      const a = path.join(dir, 'copy-src.ndjson');
      const b = path.join(dir, 'copy-pg.ndjson');
      await backupDatabase({ url: src.db.location, out: a, clock });
      await backupDatabase({ url: TEST_PG_URL, schema: await schemaOf(dst), out: b, clock });
      expectIdentical(a, b);
    } finally {
      await src.cleanup();
      await dst.cleanup();
    }
  });
});
