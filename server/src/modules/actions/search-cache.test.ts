import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { FIXED_NOW, openSqliteTestDb, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { signIn, type Caller } from '../../test-support/auth.ts';
import { seedActions } from '../../../../bench/seed-actions.ts';
import { listActions } from './actions.repository.ts';
import { actionQuery } from '@mandate/shared';

/**
 * Broad searches (more matches than SCAN_SORT_INDEX_ABOVE) test a kept match
 * set instead of re-running FTS5: they must answer exactly what the plain
 * full-text path answers, and a write must be seen at once.
 */
describe('kept match sets for broad searches (SQLite)', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let admin: Caller;
  beforeAll(async () => {
    t = await openSqliteTestDb(FIXED_NOW);
    await seedActions(t.db.kysely, 4000);
    app = await testApp(t);
    admin = await signIn(app, t.ctx, 'admin');
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const page = async (query: string) => (await admin.inject({ url: `/api/actions?${query}` })).json();
  const plainFts = async (query: string) => {
    const q = actionQuery.parse(Object.fromEntries(new URLSearchParams(query)));
    const rows = await listActions(t.db.kysely, q, { dialect: 'sqlite', today: t.ctx.today() });
    return rows.map((r) => r.ref);
  };

  it('pages through a broad search exactly as the plain full-text query does', async () => {
    for (const query of ['q=report&limit=50', 'q=report%20tsag&limit=50&offset=100', 'q=report&sort=dueDate&order=desc&limit=20&offset=40', 'q=report&status=in_progress&limit=50']) {
      const res = await page(query);
      expect(res.items.map((i: { ref: string }) => i.ref)).toEqual(await plainFts(query));
    }
    expect((await page('q=report')).total).toBeGreaterThan(3000);
    expect(t.db.idSets!.size).toBeGreaterThan(0);
  });

  it('sees a new matching item at once, and one that stops matching', async () => {
    const first = 'q=report&limit=1&sort=title';
    const before = await page(first);
    const created = await admin.inject({ method: 'POST', url: '/api/actions', payload: { title: 'AAA report first of all', responsible: ['TSB'], clauseIds: [] } });
    expect(created.statusCode).toBe(201);
    const after = await page(first);
    expect(after.total).toBe(before.total + 1);
    expect(after.items[0].title).toBe('AAA report first of all');
    const id = after.items[0].id;
    const renamed = await admin.inject({ method: 'PATCH', url: `/api/actions/${id}`, payload: { title: 'Nothing to see', description: '' }, headers: { 'if-match': `"${after.items[0].version}"` } });
    expect(renamed.statusCode).toBe(200);
    const again = await page(first);
    expect(again.total).toBe(before.total);
    expect(again.items[0].id).toBe(before.items[0].id);
  });
});
