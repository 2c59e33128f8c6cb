import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ActionInput } from '@mandate/shared';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { anonymous, signIn, type Caller } from '../../test-support/auth.ts';
import { ITU_FIXTURE, ITU_FIXTURE_OLD } from '../../test-support/fixtures.ts';
import { withCaller, type AppContext } from '../../http/context.ts';
import { importDocuments } from '../library/import.service.ts';
import { patchDocument } from '../library/document-patch.service.ts';
import { createAction, patchAction } from '../actions/actions.service.ts';
import { findSuggestions } from '../actions/suggestions.service.ts';
import { importPlan } from '../plan-io/plan-import.service.ts';
import { createUser } from './users.service.ts';
import { ANONYMOUS, type Actor } from './actor.ts';

const action = (title: string, responsible: string[], extra: Partial<ActionInput> = {}): ActionInput => ({
  title, description: '', status: 'in_progress', progress: 10, responsible, collaborators: [], reportsTo: '', dueDate: null, recurrence: '', tags: [], clauseIds: [], isPublic: false, ...extra,
});

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`roles enforced in the services on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let viewer: Caller;
    const ids = {} as Record<'sg17' | 'sg2' | 'tsb' | 'atu' | 'publicCitingPrivate', number>;
    const docs = {} as Record<'public' | 'private', number>;
    const as = (actor: Partial<Actor>): AppContext => withCaller(t.ctx, { actor: { kind: 'user', userId: 999, label: 'x', role: 'viewer', units: [], regions: [], ...actor }, requestId: 'test' });
    const etag = async (url: string) => ({ 'if-match': (await viewer.inject(url)).headers.etag as string });

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      await importDocuments(t.ctx, [{ name: 'new.txt', content: Buffer.from(ITU_FIXTURE) }, { name: 'old.txt', content: Buffer.from(ITU_FIXTURE_OLD) }]);
      const rows = await t.db.kysely.selectFrom('documents').select(['id', 'revision']).orderBy('id').execute();
      docs.public = rows.find((r) => r.revision.startsWith('Rev.'))!.id;
      docs.private = rows.find((r) => !r.revision.startsWith('Rev.'))!.id;
      await patchDocument(t.ctx, docs.public, { isPublic: true });
      const privateClause = (await t.db.kysely.selectFrom('clauses').select('id').where('document_id', '=', docs.private).executeTakeFirstOrThrow()).id;
      const publicClause = (await t.db.kysely.selectFrom('clauses').select('id').where('document_id', '=', docs.public).executeTakeFirstOrThrow()).id;
      await t.db.kysely.insertInto('organisations').values([
        { name: 'Telecommunication Standardization Bureau', acronym: 'TSB', type: 'unit', region: '' },
        { name: 'African Telecommunications Union', acronym: 'ATU', type: 'partner', region: 'Africa' },
      ]).execute();
      ids.sg17 = (await createAction(t.ctx, action('Study group item', ['SG17'], { clauseIds: [publicClause] }))).id;
      ids.sg2 = (await createAction(t.ctx, action('Numbering item', ['SG2']))).id;
      ids.tsb = (await createAction(t.ctx, action('Bureau item', ['TSB']))).id;
      ids.atu = (await createAction(t.ctx, action('Regional item', ['ATU']))).id;
      ids.publicCitingPrivate = (await createAction(t.ctx, action('Public item citing an internal text', ['SG2'], { isPublic: true, clauseIds: [privateClause, publicClause] }))).id;
      viewer = await signIn(app, t.ctx, 'viewer');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('lets contributors update status, progress and the timeline of their units\' items only', async () => {
      const c = await signIn(app, t.ctx, 'contributor', { units: ['sg17', 'Telecommunication Standardization Bureau'] });
      const patch = async (id: number, payload: object) => c.inject({ method: 'PATCH', url: `/api/actions/${id}`, payload, headers: await etag(`/api/actions/${id}`) });
      const update = async (id: number) => c.inject({ method: 'POST', url: `/api/actions/${id}/updates`, payload: { text: 'Done.', statusTo: 'completed', evidence: [{ label: 'Report', url: 'https://example.org/r' }] }, headers: await etag(`/api/actions/${id}`) });
      expect((await patch(ids.sg17, { status: 'on_hold', progress: 50 })).statusCode).toBe(200); // by name, case-insensitive
      expect((await patch(ids.tsb, { progress: 20 })).statusCode).toBe(200); // by full name; the item names the acronym
      const title = await patch(ids.sg17, { title: 'Renamed', status: 'in_progress' });
      expect(title.statusCode).toBe(403);
      expect(title.json().detail).toMatch(/only the status and progress.*title/);
      expect((await patch(ids.sg2, { status: 'completed' })).statusCode).toBe(403);
      expect((await update(ids.sg17)).statusCode).toBe(201);
      expect((await update(ids.sg2)).statusCode).toBe(403);
      expect((await c.inject({ method: 'POST', url: '/api/actions/999999/updates', payload: { text: 'x' }, headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
      expect((await viewer.inject(`/api/actions/${ids.sg2}`)).json().status).toBe('in_progress');
      // Contributors read everything internal.
      expect((await c.inject('/api/actions')).json().total).toBe(5);
      expect((await c.inject('/api/suggestions')).statusCode).toBe(200);
    });

    it('scopes contributors by region: the responsible organisation\'s region', async () => {
      const c = await signIn(app, t.ctx, 'contributor', { regions: ['africa'] });
      const res = await c.inject({ method: 'POST', url: `/api/actions/${ids.atu}/updates`, payload: { text: 'ATU reports progress.' }, headers: await etag(`/api/actions/${ids.atu}`) });
      expect(res.statusCode).toBe(201);
      expect((await c.inject({ method: 'POST', url: `/api/actions/${ids.tsb}/updates`, payload: { text: 'x' }, headers: await etag(`/api/actions/${ids.tsb}`) })).statusCode).toBe(403);
    });

    it('refuses in the services themselves, whatever the route says', async () => {
      const contributor = as({ role: 'contributor', units: ['SG17'] });
      const expectRefused = (p: Promise<unknown>, status: number) => expect(p).rejects.toMatchObject({ status });
      await expectRefused(createAction(contributor, action('x', ['SG17'])), 403);
      await expectRefused(patchAction(contributor, ids.sg17, { title: 'x' }, 1), 403);
      await expectRefused(importDocuments(contributor, []), 403);
      await expectRefused(importPlan(contributor, { name: 'p.csv', content: Buffer.from('title\nx\n') }), 403);
      await expectRefused(patchDocument(as({ role: 'viewer' }), docs.public, { isPublic: false }), 403);
      await expectRefused(createUser(as({ role: 'editor' }), { email: 'e@x.example', name: '', role: 'admin', units: [], regions: [] }), 403);
      await expectRefused(findSuggestions(withCaller(t.ctx, { actor: ANONYMOUS, requestId: 'x' }), { limit: 5, offset: 0 }), 401);
      // A read-only token of an editor cannot write, even calling the service directly.
      await expectRefused(createAction(as({ role: 'editor', scopes: ['read'] }), action('x', [])), 403);
      await expectRefused(createUser(as({ role: 'admin', scopes: ['read', 'write'] }), { email: 'e@x.example', name: '', role: 'viewer', units: [], regions: [] }), 403);
    });

    it('shows anonymous callers only what is public: lists filtered, counts of public items, internal items refused', async () => {
      const anon = anonymous(app);
      const list = (await anon.inject('/api/actions?limit=50')).json();
      expect(list.items.map((a: { id: number }) => a.id)).toEqual([ids.publicCitingPrivate]);
      expect(list.total).toBe(1);
      // The public item keeps its public source and loses the internal one.
      const detail = (await anon.inject(`/api/actions/${ids.publicCitingPrivate}`)).json();
      expect(detail.sources.map((s: { documentId: number }) => s.documentId)).toEqual([docs.public]);
      expect(detail.documents.map((d: { id: number }) => d.id)).toEqual([docs.public]);
      expect((await viewer.inject(`/api/actions/${ids.publicCitingPrivate}`)).json().sources).toHaveLength(2);
      const hidden = await anon.inject(`/api/actions/${ids.sg17}`);
      expect(hidden.statusCode).toBe(401);
      expect((await anon.inject('/api/actions/999999')).statusCode).toBe(404);

      expect((await anon.inject('/api/documents')).json().items.map((d: { id: number }) => d.id)).toEqual([docs.public]);
      expect((await anon.inject(`/api/documents/${docs.private}`)).statusCode).toBe(401);
      const doc = (await anon.inject(`/api/documents/${docs.public}`)).json();
      expect(doc.actionCount).toBe(1);
      expect(doc.clauses.flatMap((c: { actions: { id: number }[] }) => c.actions.map((a) => a.id))).toEqual([ids.publicCitingPrivate]);
      expect(doc.clauses.every((c: { suggestions: unknown[] }) => c.suggestions.length === 0)).toBe(true);
      expect((await viewer.inject(`/api/documents/${docs.public}`)).json().actionCount).toBe(2);
      expect((await anon.inject('/api/documents/facets')).json().years).toEqual([2026]);

      const dash = (await anon.inject('/api/dashboard')).json();
      expect(dash.totals).toMatchObject({ actions: 1, documents: 1, pendingSuggestions: 0 });
      expect((await viewer.inject('/api/dashboard')).json().totals).toMatchObject({ actions: 5, documents: 2 });
      expect((await anon.inject('/api/stats')).json()).toMatchObject({ actions: 1, documents: 1, suggestions: 0 });
      const orgs = (await anon.inject('/api/organisations?limit=50')).json().items;
      expect(orgs.find((o: { name: string }) => o.name === 'SG2').actionCount).toBe(1);
      const exported = (await anon.inject('/api/actions/export?format=json')).json();
      expect(exported.actions.map((a: { title: string }) => a.title)).toEqual(['Public item citing an internal text']);
    });
  });
}
