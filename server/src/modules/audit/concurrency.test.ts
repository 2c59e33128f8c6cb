import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AuditEntry } from '@mandate/shared';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { signIn } from '../../test-support/auth.ts';

const WRITERS = 50;
/** Each writer re-reads and tries again after a 412, at most this many times in all: enough for many to win, few enough that some give up. */
const ATTEMPTS = 3;

interface Attempt {
  writer: number;
  status: number;
  requestId: string;
  sentVersion: number;
  body: { title?: string; version?: number; current?: { title: string; version: number } };
}

/**
 * The test: 50 concurrent writers at one action item, through the
 * real HTTP stack (a listening server, fetch, no inject), each doing GET then
 * PATCH with the ETag it read. Accepted writes must all be in the audit trail
 * as an unbroken chain (each based on the one before: nothing lost), the
 * final state must be the last accepted write, and everything else a 412.
 */
for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`${WRITERS} concurrent writers on one action item, ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let base: string;
    let headers: Record<string, string>;
    let id: number;

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      headers = { ...(await signIn(app, t.ctx, 'editor')).headers, 'content-type': 'application/json' };
      const res = await fetch(`${base}/api/actions`, { method: 'POST', headers, body: JSON.stringify({ title: 'Contended item' }) });
      id = ((await res.json()) as { id: number }).id;
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    async function writer(n: number): Promise<Attempt[]> {
      const attempts: Attempt[] = [];
      for (let i = 0; i < ATTEMPTS; i += 1) {
        const read = await fetch(`${base}/api/actions/${id}`, { headers });
        expect(read.status).toBe(200);
        await read.arrayBuffer();
        const etag = read.headers.get('etag')!;
        const res = await fetch(`${base}/api/actions/${id}`, { method: 'PATCH', headers: { ...headers, 'if-match': etag }, body: JSON.stringify({ title: `writer ${n}` }) });
        attempts.push({ writer: n, status: res.status, requestId: res.headers.get('x-request-id')!, sentVersion: Number(etag.replaceAll('"', '')), body: await res.json() });
        if (res.status !== 412) break;
      }
      return attempts;
    }

    it('accepts exactly one write per version, audits every accepted one, and refuses the rest with 412', async () => {
      const attempts = (await Promise.all(Array.from({ length: WRITERS }, (_, n) => writer(n)))).flat();
      const accepted = attempts.filter((a) => a.status === 200);
      const rejected = attempts.filter((a) => a.status === 412);
      const gaveUp = new Set(attempts.map((a) => a.writer)).size - accepted.length;
      console.log(`[concurrency ${dialect.name}] ${JSON.stringify({ writers: WRITERS, attempts: attempts.length, accepted: accepted.length, rejected412: rejected.length, writersThatGaveUp: gaveUp })}`);

      // Nothing but success or a clean precondition failure; and there was real contention.
      expect(attempts.filter((a) => a.status !== 200 && a.status !== 412)).toEqual([]);
      expect(accepted.length).toBeGreaterThan(0);
      expect(rejected.length).toBeGreaterThan(0);
      for (const r of rejected) expect(r.body.current!.version).toBeGreaterThan(r.sentVersion);
      for (const a of accepted) expect(a.body).toMatchObject({ title: `writer ${a.writer}`, version: a.sentVersion + 1 });

      // The audit trail holds exactly the accepted writes, by request id and value.
      const trail = (await app.inject({ url: `/api/audit?entity=action&id=${id}&order=asc&limit=500`, headers })).json().items as AuditEntry[];
      const updates = trail.filter((e) => e.action === 'update');
      expect(updates.map((e) => e.requestId).sort()).toEqual(accepted.map((a) => a.requestId).sort());
      const byRequest = new Map(accepted.map((a) => [a.requestId, a]));
      for (const e of updates) expect((e.after as { title: string }).title).toBe(`writer ${byRequest.get(e.requestId)!.writer}`);

      // An unbroken chain: each accepted write was based on the state the previous one left (no update lost).
      type State = { title: string; version: number };
      let previous = trail[0]!.after as State;
      for (const e of updates) {
        const [before, after] = [e.before as State, e.after as State];
        expect(before).toMatchObject({ title: previous.title, version: previous.version });
        expect(after.version).toBe(before.version + 1);
        previous = after;
      }

      // The final state is the last accepted write, by audit order.
      const final = await fetch(`${base}/api/actions/${id}`, { headers });
      expect(await final.json()).toMatchObject({ title: previous.title, version: 1 + accepted.length });
      expect(final.headers.get('etag')).toBe(`"${1 + accepted.length}"`);
    });
  });
}
