import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { ACTION_STATUSES, actionQuery, type ActionQuery } from '@mandate/shared';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { signIn, type Caller } from '../../test-support/auth.ts';
import { seedActions } from '../../../../bench/seed-actions.ts';
import { countActions, listActions } from './actions.repository.ts';
import type { Db } from '../../db/database.ts';

/**
 * On SQLite the list answers from kept match lists (match-lists.ts). Whatever
 * the filters, order and page, it must answer exactly what the plain SQL query
 * answers (the path PostgreSQL takes), and see every write at once.
 */
for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`kept match lists answer as the SQL query does on ${dialect.name}`, () => {
    let t: TestDb;
    let other: Db;
    let app: FastifyInstance;
    let admin: Caller;
    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      await seedActions(t.db.kysely, 3000, t.ctx.today());
      // Some items public, so the public view has something to narrow.
      await sql`update actions set is_public = 1 where id % 3 = 0`.execute(t.db.kysely);
      other = await t.openAnother();
      app = await testApp(t);
      admin = await signIn(app, t.ctx, 'admin');
    });
    afterAll(async () => {
      await app?.close();
      await other?.close();
      await t?.cleanup();
    });

    const viaApi = async (query: string, caller: 'admin' | 'public' = 'admin') => {
      const res = caller === 'admin' ? await admin.inject({ url: `/api/actions?${query}` }) : await app.inject({ url: `/api/actions?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      return { refs: body.items.map((i: { ref: string }) => i.ref), total: body.total };
    };
    const viaSql = async (query: string, publicOnly = false) => {
      const q: ActionQuery = actionQuery.parse(Object.fromEntries(new URLSearchParams(query)));
      const opts = { dialect: t.db.dialect, today: t.ctx.today(), publicOnly };
      const { limit: _l, offset: _o, sort: _s, order: _d, ...filter } = q;
      return { refs: (await listActions(t.db.kysely, q, opts)).map((r) => r.ref), total: await countActions(t.db.kysely, filter, opts) };
    };

    it('pages, sorts and filters exactly as SQL, for the admin and for the public', async () => {
      const queries = [
        'limit=50',
        'limit=50&offset=2990',
        'sort=title&order=desc&limit=20&offset=40',
        'sort=dueDate&limit=30',
        'sort=dueDate&order=desc&limit=30&offset=100',
        'sort=lastUpdate&order=desc&limit=25',
        'sort=progress&limit=50&offset=7',
        'sort=status&order=desc&limit=10',
        'status=in_progress,on_hold&sort=dueDate&limit=50',
        'responsible=SG17&limit=50&offset=50',
        'tag=climate&status=completed&limit=100',
        'documentId=3&limit=50',
        'overdue=true&sort=dueDate&limit=50',
        'overdue=false&limit=50&offset=500',
        'stale=true&sort=lastUpdate&limit=40',
        'q=report&limit=50',
        'q=report%20tsag&limit=50&offset=100',
        'q=ipv6&status=in_progress&tag=climate&limit=50',
        'q=workshop&responsible=TSB&overdue=true&sort=title&limit=5',
        'q=%2B%2B%2B&limit=50',
        'q=zzzzunknownword&limit=50',
        'responsible=Nobody&limit=50',
      ];
      for (const query of queries) {
        expect(await viaApi(query), query).toEqual(await viaSql(query));
        expect(await viaApi(query, 'public'), `public ${query}`).toEqual(await viaSql(query, true));
      }
    });

    it('agrees with SQL on random combinations of filters, orders and pages', async () => {
      // At most two conditions, so most combinations still match something to page through.
      const condition = fc.oneof(
        fc.subarray([...ACTION_STATUSES], { minLength: 1 }).map((s) => `status=${s.join(',')}`),
        fc.constantFrom('TSB', 'SG17', 'BDT', 'IETF').map((r) => `responsible=${r}`),
        fc.constantFrom('climate', 'AI', 'IoT').map((x) => `tag=${x}`),
        fc.integer({ min: 1, max: 41 }).map((d) => `documentId=${d}`),
        fc.boolean().map((b) => `overdue=${b}`),
        fc.boolean().map((b) => `stale=${b}`),
        fc.constantFrom('report', 'ipv6', 'study group', 'work').map((w) => `q=${encodeURIComponent(w)}`),
      );
      const filters = fc.uniqueArray(condition, { maxLength: 2, selector: (c) => c.split('=')[0] });
      let pages = 0;
      const query = fc.tuple(filters, fc.constantFrom('ref', 'title', 'status', 'progress', 'dueDate', 'lastUpdate'), fc.constantFrom('asc', 'desc'), fc.integer({ min: 0, max: 150 }), fc.integer({ min: 1, max: 100 }));
      await fc.assert(
        fc.asyncProperty(query, fc.boolean(), async ([f, sort, order, offset, limit], pub) => {
          const text = [...f, `sort=${sort}`, `order=${order}`, `offset=${offset}`, `limit=${limit}`].join('&');
          const expected = await viaSql(text, pub);
          if (expected.refs.length > 1) pages += 1;
          expect(await viaApi(text, pub ? 'public' : 'admin'), text).toEqual(expected);
        }),
        { numRuns: 120, seed: 20261124 },
      );
      // The property is only worth something if most cases had a page to compare.
      expect(pages).toBeGreaterThan(60);
    });

    it('sees a new matching item at once, one that stops matching, and a write by another process', async () => {
      const first = 'q=report&limit=1&sort=title';
      const before = await viaApi(first);
      const created = await admin.inject({ method: 'POST', url: '/api/actions', payload: { title: 'AAA report first of all', responsible: ['TSB'], clauseIds: [] } });
      expect(created.statusCode).toBe(201);
      const after = await viaApi(first);
      expect(after.total).toBe(before.total + 1);
      expect(after.refs[0]).toBe(created.json().ref);
      const renamed = await admin.inject({ method: 'PATCH', url: `/api/actions/${created.json().id}`, payload: { title: 'Nothing to see', description: '' }, headers: { 'if-match': `"${created.json().version}"` } });
      expect(renamed.statusCode).toBe(200);
      expect(await viaApi(first)).toEqual(before);

      const tagged = await viaApi('tag=climate&limit=5');
      await sql`delete from action_tags where tag = 'climate' and action_id = (select id from actions where ref = ${tagged.refs[0]})`.execute(other.kysely);
      const untagged = await viaApi('tag=climate&limit=5');
      expect(untagged.total).toBe(tagged.total - 1);
      expect(untagged.refs).not.toContain(tagged.refs[0]);
      expect(untagged).toEqual(await viaSql('tag=climate&limit=5'));
    });
  });
}
