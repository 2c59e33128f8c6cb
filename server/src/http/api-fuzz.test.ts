import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, FIXED_NOW, type TestDb } from '../test-support/test-db.ts';
import { testApp } from '../test-support/api.ts';
import { anonymous, callerWith, withToken, type Caller } from '../test-support/auth.ts';
import { ITU_FIXTURE } from '../test-support/fixtures.ts';
import { bodyFor, expectWellFormed, FUZZ_RUNS, FUZZ_TIMEOUT, malformedBody, nastyString, pathIdFor, queryFor, within, type QueryParam } from '../test-support/fuzz.ts';
import { importDocuments } from '../modules/library/import.service.ts';
import { createAction } from '../modules/actions/actions.service.ts';

/**
 * Property tests over every route of /api/openapi.json (so a new route is
 * covered the day it is added): hostile query strings, path ids and bodies,
 * sent by an admin with a token, by the anonymous public and with forged
 * credentials (tokens, session cookies, CSRF tokens). Whatever arrives, the answer is a success or a 4xx problem+json
 * without internals, within a few seconds: never a 5xx, a crash or a hang.
 */

interface Operation {
  method: string;
  path: string;
  query: QueryParam[];
  body?: object;
}

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: object }[]; requestBody?: { content: Record<string, { schema: object }> } }>>;
}

function operationsOf(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
      body: op.requestBody?.content['application/json']?.schema,
    })),
  );
}

const IF_MATCH = fc.constantFrom(undefined, '"1"', '"2"', 'W/"1"', '*', '', '"-1"', '"99999999999999999999"', 'garbage', '"1", "2"');
/** An over-limit JSON body (the limit is 1 MB): must be a 413 problem, not a 500 or a parsed body. */
const OVERSIZED = JSON.stringify({ title: 'x'.repeat(1_100_000) });

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`every API route under hostile input on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let ops: Operation[] = [];
    let admin: Caller;
    /** Ids that exist, so some requests reach the services instead of stopping at "not found". */
    let existing: number[] = [];
    /** The fuzzing admin's own account and token: disabling or revoking them would end the test, not find a bug. */
    let protectedIds: Set<string>;

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      await importDocuments(t.ctx, [{ name: 'fixture.txt', content: Buffer.from(ITU_FIXTURE) }]);
      await createAction(t.ctx, { title: 'Fuzzed item', description: '', status: 'in_progress', progress: 10, responsible: ['SG17'], collaborators: [], reportsTo: '', dueDate: null, recurrence: '', tags: ['x'], clauseIds: [], isPublic: true });
      admin = await withToken(app, t.ctx, 'admin', ['read', 'write', 'admin']);
      const token = await t.db.kysely.selectFrom('api_tokens').select('id').where('user_id', '=', admin.user!.id).executeTakeFirstOrThrow();
      protectedIds = new Set([String(admin.user!.id), String(token.id)]);
      existing = [1, 2, 3].filter((id) => !protectedIds.has(String(id)));
      ops = operationsOf((await app.inject('/api/openapi.json')).json() as OpenApi);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('finds the routes to fuzz in the OpenAPI document', ({ expect }) => {
      expect(ops.length).toBeGreaterThan(30);
    });

    // One property per route, generated after the app has described itself.
    it('answers every route with a success or a 4xx problem, never a 5xx or a hang', async () => {
      const callers = fc.constantFrom<'admin' | 'anonymous' | 'forged'>('admin', 'admin', 'admin', 'anonymous', 'anonymous', 'forged');
      // Forged credentials: a made-up token in odd shapes, or a session cookie and CSRF token that match nothing.
      const forgery = fc.oneof(
        fc.constantFrom('Bearer mdt_forged0000000000000000000000', 'Bearer', 'Bearer  ', 'Basic YWRtaW46YWRtaW4=', `Bearer mdt_${'a'.repeat(5000)}`, "Bearer mdt_' OR 1=1 --").map((authorization) => ({ authorization })),
        nastyString.map((v) => ({ cookie: `mandate_session=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, ''))}`, 'x-csrf-token': encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '')) })),
      );
      for (const op of ops) {
        const request = fc.record({
          who: callers,
          // Number() as the route's coercion reads it: " 1" and "0x1" are 1 too.
          id: pathIdFor(existing).filter((id) => !protectedIds.has(String(Number(decodeURIComponent(id))))),
          query: queryFor(op.query),
          ifMatch: IF_MATCH,
          forgery,
          body: fc.oneof(
            { weight: 6, arbitrary: bodyFor(op.body).map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })) },
            { weight: 2, arbitrary: malformedBody },
            { weight: 1, arbitrary: fc.constant({ payload: OVERSIZED, contentType: 'application/json' }) },
            { weight: 1, arbitrary: fc.constant(null) },
          ),
        });
        await fc.assert(
          fc.asyncProperty(request, async (r) => {
            const caller = r.who === 'admin' ? admin : r.who === 'anonymous' ? anonymous(app) : callerWith(app, r.forgery, null);
            const url = op.path.replace('{id}', r.id) + r.query;
            const headers: Record<string, string> = {};
            if (r.ifMatch !== undefined) headers['if-match'] = r.ifMatch;
            if (r.body?.contentType) headers['content-type'] = r.body.contentType;
            const what = `${r.who} ${op.method} ${url.slice(0, 200)} body=${String(r.body?.payload ?? '').slice(0, 120)}`;
            const sendsBody = r.body !== null && op.method !== 'GET' && op.method !== 'DELETE';
            const res = await within(10_000, what, caller.inject({ method: op.method as 'GET', url, headers, ...(sendsBody ? { payload: r.body!.payload } : {}) }));
            expectWellFormed(res, what);
          }),
          { numRuns: FUZZ_RUNS, endOnFailure: true },
        );
      }
    }, FUZZ_TIMEOUT * 2);
  });
}
