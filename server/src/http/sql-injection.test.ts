import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, FIXED_NOW, type TestDb } from '../test-support/test-db.ts';
import { testApp } from '../test-support/api.ts';
import { anonymous, withToken, type Caller } from '../test-support/auth.ts';
import { ITU_FIXTURE } from '../test-support/fixtures.ts';
import { expectWellFormed } from '../test-support/fuzz.ts';
import { importDocuments } from '../modules/library/import.service.ts';
import { createAction } from '../modules/actions/actions.service.ts';
import { readCatalog } from '../modules/backup/backup-catalog.ts';

/**
 * Classic SQL injection strings in every filter and search parameter of every
 * list endpoint (read from /api/openapi.json, so a new filter is tried the
 * day it is added), as an admin and as the public. Values are bound, never
 * spliced: the answer is 200 or 400, a filter never adds rows, and every
 * table still holds what it held.
 */

const INJECTIONS = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "admin'--",
  '" OR ""="',
  '1 OR 1=1',
  "'; DROP TABLE actions; --",
  "1; DELETE FROM documents WHERE 1=1; --",
  "') OR ('a'='a",
  "' UNION SELECT id, email, password_hash FROM users --",
  "%' OR '%'='",
  "\\'; DROP TABLE users; --",
  "'||(SELECT pg_sleep(5))||'",
  "1' AND randomblob(100000000) AND '1",
  "' AND 1=CAST((SELECT email FROM users LIMIT 1) AS int) --",
  '$1',
  '?',
  ':name',
  // Full-text syntax: FTS5 and tsquery operators must reach neither parser.
  'a OR b',
  'NEAR(a b)',
  'title:a',
  '-a',
  '"',
  'a & b | !c',
  'a:*',
  '*',
  '%',
  '_',
];

interface Param {
  route: string;
  name: string;
}

/** Filters that compare for equality: an injection string can match no row. */
const SEARCH = new Set(['q']);

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`SQL injection through list filters on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let callers: { who: string; caller: Caller }[] = [];
    let params: Param[] = [];
    const unfiltered = new Map<string, number>();

    const tableCounts = async () => {
      const out: Record<string, number> = {};
      for (const table of await readCatalog(t.db.kysely as unknown as Kysely<unknown>, dialect.name)) {
        const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table.name)}`.execute(t.db.kysely);
        out[table.name] = Number(rows[0]!.n);
      }
      return out;
    };
    /** Rows a list or export answers with: `total` for lists, lines or entries for files. */
    const rowsOf = (route: string, body: string, json: () => unknown) => {
      if (route.endsWith('/export')) return body.trim() === '' ? 0 : body.trim().split('\n').length;
      return (json() as { total: number }).total;
    };

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      await importDocuments(t.ctx, [{ name: 'fixture.txt', content: Buffer.from(ITU_FIXTURE) }]);
      for (const [i, isPublic] of [true, false, false].entries()) {
        await createAction(t.ctx, { title: `Item ${i} on fixtures`, description: 'or and select', status: 'in_progress', progress: 10, responsible: ['SG17'], collaborators: [], reportsTo: '', dueDate: '2020-01-01', recurrence: '', tags: ['t'], clauseIds: [], isPublic });
      }
      callers = [
        { who: 'admin', caller: await withToken(app, t.ctx, 'admin', ['read', 'write', 'admin']) },
        { who: 'anonymous', caller: anonymous(app) },
      ];
      const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, { get?: { parameters?: { in: string; name: string }[] } }> };
      params = Object.entries(doc.paths).flatMap(([route, ops]) => (ops.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ route, name: p.name })));
      for (const route of new Set(params.map((p) => p.route))) {
        for (const { who, caller } of callers) {
          const res = await caller.inject(route.endsWith('/export') ? `${route}?format=${route.startsWith('/api/audit') ? 'ndjson' : 'csv'}` : route);
          if (res.statusCode === 200) unfiltered.set(`${who} ${route}`, rowsOf(route, res.body, () => res.json()));
        }
      }
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('finds the filters of every list endpoint', () => {
      const routes = new Set(params.map((p) => p.route));
      for (const r of ['/api/documents', '/api/actions', '/api/actions/export', '/api/suggestions', '/api/organisations', '/api/audit', '/api/audit/export']) expect(routes).toContain(r);
      expect(params.filter((p) => p.route === '/api/actions').map((p) => p.name)).toEqual(expect.arrayContaining(['q', 'responsible', 'tag', 'status']));
    });

    it('answers 200 or 400, never with more rows than no filter at all, and leaves every table intact', async () => {
      const before = await tableCounts();
      let tried = 0;
      for (const p of params) {
        for (const value of INJECTIONS) {
          for (const { who, caller } of callers) {
            const base = unfiltered.get(`${who} ${p.route}`);
            if (base === undefined) continue; // not readable by this caller at all (401)
            // Exports need a format; the injection goes into the parameter under test (format too, when that is it).
            const format = p.route.endsWith('/export') && p.name !== 'format' ? `&format=${p.route.startsWith('/api/audit') ? 'ndjson' : 'csv'}` : '';
            const url = `${p.route}?${encodeURIComponent(p.name)}=${encodeURIComponent(value)}${format}`;
            const res = await caller.inject(url);
            const what = `${who} ${url}`;
            expectWellFormed(res, what);
            expect([200, 400], what).toContain(res.statusCode);
            if (res.statusCode === 200) {
              const rows = rowsOf(p.route, res.body, () => res.json());
              expect(rows, what).toBeLessThanOrEqual(base);
              // Equality filters: no stored value looks like an injection string. (Paging and sorting do not filter; CSV exports keep their header line.)
              if (!SEARCH.has(p.name) && !['limit', 'offset', 'order', 'sort', 'format'].includes(p.name)) expect(rows, what).toBe(p.route.endsWith('/export') && !p.route.startsWith('/api/audit') ? 1 : 0);
            }
            tried += 1;
          }
        }
      }
      expect(tried).toBeGreaterThan(INJECTIONS.length * 20);
      expect(await tableCounts()).toEqual(before);
    });
  });
}
