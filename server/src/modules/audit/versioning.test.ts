import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { signIn, type Caller } from '../../test-support/auth.ts';
import { ITU_FIXTURE } from '../../test-support/fixtures.ts';
import { importDocuments } from '../library/import.service.ts';

/** No lost updates: every write names the version it is based on; a missing one is 428, a stale one 412 with the current state. */
for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`If-Match on every write, on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let alice: Caller;
    let bob: Caller;
    let actionId: number;
    const write = (who: Caller, method: 'POST' | 'PATCH', url: string, payload: object, ifMatch?: string) =>
      who.inject({ method, url, payload, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      await importDocuments(t.ctx, [{ name: 'fixture.txt', content: Buffer.from(ITU_FIXTURE) }]);
      alice = await signIn(app, t.ctx, 'editor');
      bob = await signIn(app, t.ctx, 'editor');
      actionId = (await write(alice, 'POST', '/api/actions', { title: 'Versioned item' })).json().id;
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('action items: ETag on read; 428 without If-Match, 400 when malformed, 412 with the current state and who changed it', async () => {
      const read = await alice.inject(`/api/actions/${actionId}`);
      expect(read.headers.etag).toBe('"1"');
      for (const [method, url, body] of [
        ['PATCH', `/api/actions/${actionId}`, { title: 'x' }],
        ['POST', `/api/actions/${actionId}/updates`, { text: 'x' }],
      ] as const) {
        const missing = await write(alice, method, url, body);
        expect(missing.statusCode).toBe(428);
        expect(missing.headers['content-type']).toMatch(/problem\+json/);
        expect((await write(alice, method, url, body, '*')).statusCode).toBe(428);
        expect((await write(alice, method, url, body, 'version 1')).statusCode).toBe(400);
      }
      expect((await alice.inject(`/api/actions/${actionId}`)).json()).toMatchObject({ title: 'Versioned item', updates: [], version: 1 });

      const bobs = await write(bob, 'PATCH', `/api/actions/${actionId}`, { title: "Bob's title" }, read.headers.etag as string);
      expect(bobs.statusCode).toBe(200);
      const stale = await write(alice, 'PATCH', `/api/actions/${actionId}`, { title: "Alice's title" }, read.headers.etag as string);
      expect(stale.statusCode).toBe(412);
      expect(stale.json()).toMatchObject({ current: { title: "Bob's title", version: 2 }, lastChange: { actor: bob.user!.email } });
      const staleUpdate = await write(alice, 'POST', `/api/actions/${actionId}/updates`, { text: 'Done.' }, '"1"');
      expect(staleUpdate.statusCode).toBe(412);
      expect(staleUpdate.json().current.updates).toEqual([]);
      // Weak form (a compressing proxy may weaken the ETag) of the current version is accepted.
      expect((await write(alice, 'POST', `/api/actions/${actionId}/updates`, { text: 'Done.' }, 'W/"2"')).statusCode).toBe(201);
    });

    it('suggestions: version in lists and ETag on read; decisions need If-Match; two reviewers cannot both decide', async () => {
      const list = (await alice.inject('/api/suggestions?status=pending')).json().items;
      const s = list[0];
      expect(s.version).toBe(1);
      expect((await alice.inject(`/api/suggestions/${s.id}`)).headers.etag).toBe('"1"');
      expect((await write(alice, 'POST', `/api/suggestions/${s.id}/dismiss`, {})).statusCode).toBe(428);
      expect((await write(alice, 'POST', `/api/suggestions/${s.id}/accept`, {})).statusCode).toBe(428);
      expect((await write(alice, 'POST', `/api/suggestions/${s.id}/merge`, { actionId })).statusCode).toBe(428);

      const dismissed = await write(bob, 'POST', `/api/suggestions/${s.id}/dismiss`, {}, '"1"');
      expect(dismissed.statusCode).toBe(200);
      expect(dismissed.headers.etag).toBe('"2"');
      const late = await write(alice, 'POST', `/api/suggestions/${s.id}/accept`, {}, '"1"');
      expect(late.statusCode).toBe(412);
      expect(late.json()).toMatchObject({ current: { status: 'dismissed', version: 2 }, lastChange: { actor: bob.user!.email } });
      expect((await alice.inject('/api/actions')).json().total).toBe(1);
      // With the current version, the rule about the status speaks: only a pending suggestion can be accepted.
      expect((await write(alice, 'POST', `/api/suggestions/${s.id}/accept`, {}, '"2"')).statusCode).toBe(409);
      expect((await write(alice, 'POST', `/api/suggestions/${s.id}/reopen`, {}, '"1"')).statusCode).toBe(412);
      expect((await write(alice, 'POST', `/api/suggestions/${s.id}/reopen`, {}, '"2"')).json()).toMatchObject({ status: 'pending', version: 3 });
    });

    it('a merge adds its sources without dropping links written meanwhile, and moves the item version on', async () => {
      const s = (await alice.inject('/api/suggestions?status=pending')).json().items[0];
      const item = (await alice.inject(`/api/actions/${actionId}`)).json();
      const other = (await alice.inject('/api/documents')).json().items[0];
      const clauseIds = (await alice.inject(`/api/documents/${other.id}`)).json().clauses.map((c: { id: number }) => c.id) as number[];
      const linked = clauseIds.find((id) => !s.clauseIds.includes(id))!;
      const withSource = await write(bob, 'PATCH', `/api/actions/${actionId}`, { clauseIds: [linked] }, `"${item.version}"`);
      expect(withSource.statusCode).toBe(200);
      const merged = await write(alice, 'POST', `/api/suggestions/${s.id}/merge`, { actionId }, `"${s.version}"`);
      expect(merged.statusCode).toBe(200);
      expect(merged.json().sources.map((x: { clauseId: number }) => x.clauseId).sort()).toEqual([linked, ...s.clauseIds].sort());
      expect(merged.json().version).toBe(withSource.json().version + 1);
      // Bob's ETag from before the merge no longer fits: his next edit sees the merged sources first.
      expect((await write(bob, 'PATCH', `/api/actions/${actionId}`, { clauseIds: [] }, withSource.headers.etag as string)).statusCode).toBe(412);
    });

    it('documents: ETag on read; PATCH needs If-Match and refuses a stale one', async () => {
      const doc = (await alice.inject('/api/documents')).json().items[0];
      const read = await alice.inject(`/api/documents/${doc.id}`);
      const etag = read.headers.etag as string;
      expect(etag).toBe(`"${read.json().version}"`);
      expect((await write(alice, 'PATCH', `/api/documents/${doc.id}`, { isPublic: true })).statusCode).toBe(428);
      const ok = await write(alice, 'PATCH', `/api/documents/${doc.id}`, { isPublic: true }, etag);
      expect(ok.statusCode).toBe(200);
      expect(ok.headers.etag).toBe(`"${read.json().version + 1}"`);
      const stale = await write(bob, 'PATCH', `/api/documents/${doc.id}`, { status: 'suppressed' }, etag);
      expect(stale.statusCode).toBe(412);
      expect(stale.json().current).toMatchObject({ isPublic: true, status: 'in_force' });
      const rows = (await alice.inject(`/api/audit?entity=document&id=${doc.id}`)).json().items;
      expect(rows[0]).toMatchObject({ action: 'update', actor: { label: alice.user!.email }, diff: { isPublic: [false, true] } });
    });
  });
}
