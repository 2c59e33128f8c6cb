import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { multipart, testApp } from '../../test-support/api.ts';
import { anonymous, createTestUser, signIn, signInAs, type Caller } from '../../test-support/auth.ts';
import { ITU_FIXTURE } from '../../test-support/fixtures.ts';
import { importDocuments } from '../library/import.service.ts';
import { patchDocument } from '../library/document-patch.service.ts';
import { createAction } from '../actions/actions.service.ts';
import { createToken } from './tokens.service.ts';
import { installAccessControl } from './access.ts';
import { waitForOverlapJobs } from '../overlaps/overlaps.service.ts';
import type { AppContext } from '../../http/context.ts';
import { publicMergeFixture } from '../streamline/test-fixtures.ts';

type Who = 'admin' | 'editor' | 'contributor' | 'viewer' | 'anonymous';
const WHO: Who[] = ['admin', 'editor', 'contributor', 'viewer', 'anonymous'];

/** Who may call what. Everyone else is refused: 401 when anonymous, 403 when signed in. */
const PUBLIC: Who[] = WHO;
const SIGNED_IN: Who[] = ['admin', 'editor', 'contributor', 'viewer'];
const CONTRIBUTOR: Who[] = ['admin', 'editor', 'contributor'];
const EDITOR: Who[] = ['admin', 'editor'];
const ADMIN: Who[] = ['admin'];

interface Fixture {
  who: Who;
  /** The system acting directly through the services, to set things up. */
  system: AppContext;
  caller: Caller;
  admin: Caller;
  documentId: number;
  /** Public, and SG17 (the contributor's unit) is responsible for it. */
  actionId: number;
  etag(url: string): Promise<string>;
  freshSuggestion(status?: 'pending' | 'dismissed'): Promise<number>;
  /** A throwaway account for calls that change or end it (passwords, sign-outs). */
  throwaway(): Promise<Caller>;
}
type Call = (f: Fixture) => Promise<InjectOptions & { as?: Caller }> | (InjectOptions & { as?: Caller });

interface Entry {
  allow: Who[];
  call: Call;
  /** Allowed callers get a 2xx/3xx, unless the entry says what else proves they got past the gate. */
  allowedStatus?: number;
}

const json = (method: InjectOptions['method'], url: string, payload?: object, headers?: Record<string, string>) => ({ method, url, payload, headers });
const ifMatch = async (f: Fixture, url: string) => ({ 'if-match': await f.etag(url) });

/** The fixture's 2022 revision, imported by the system (importing it again changes nothing). */
async function olderRevision(f: Fixture): Promise<number> {
  await importDocuments(f.system, [{ name: 'older.txt', content: Buffer.from(ITU_FIXTURE.replace('(Rev. Testville, 2026)', '(Testville, 2022)')) }]);
  return (await f.system.db.kysely.selectFrom('documents').select('id').where('revision', '=', 'Testville, 2022').executeTakeFirstOrThrow()).id;
}

/** Every route of /api/openapi.json, with who may call it and a real request to prove it. */
const MATRIX: Record<string, Entry> = {
  'GET /api/health': { allow: PUBLIC, call: () => ({ url: '/api/health' }) },
  'GET /api/auth/me': { allow: PUBLIC, call: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/login': { allow: PUBLIC, call: async (f) => json('POST', '/api/auth/login', { email: (await f.throwaway()).user!.email, password: 'correct horse battery staple' }) },
  // Single sign-on is not configured here: "not configured" (404), never 401/403, proves the route is public.
  'GET /api/auth/oidc/login': { allow: PUBLIC, allowedStatus: 404, call: () => ({ url: '/api/auth/oidc/login' }) },
  'GET /api/auth/oidc/callback': { allow: PUBLIC, allowedStatus: 404, call: () => ({ url: '/api/auth/oidc/callback?code=x&state=y' }) },
  'POST /api/auth/logout': { allow: SIGNED_IN, call: async (f) => ({ ...json('POST', '/api/auth/logout'), as: f.who === 'anonymous' ? f.caller : await f.throwaway() }) },
  'POST /api/auth/logout-all': { allow: SIGNED_IN, call: async (f) => ({ ...json('POST', '/api/auth/logout-all'), as: f.who === 'anonymous' ? f.caller : await f.throwaway() }) },
  'POST /api/auth/password': {
    allow: SIGNED_IN,
    call: async (f) => ({ ...json('POST', '/api/auth/password', { current: 'correct horse battery staple', password: 'another long passphrase' }), as: f.who === 'anonymous' ? f.caller : await f.throwaway() }),
  },
  'GET /api/users': { allow: ADMIN, call: () => ({ url: '/api/users' }) },
  'POST /api/users': { allow: ADMIN, call: (f) => json('POST', '/api/users', { email: `new-${f.who}-${Math.random()}@x.example`, role: 'viewer' }) },
  'GET /api/users/{id}': { allow: ADMIN, call: (f) => ({ url: `/api/users/${f.admin.user!.id}` }) },
  'PATCH /api/users/{id}': {
    allow: ADMIN,
    call: async (f) => {
      const target = (await f.throwaway()).user!.id;
      return json('PATCH', `/api/users/${target}`, { name: 'Renamed' }, await ifMatch(f, `/api/users/${target}`));
    },
  },
  'GET /api/tokens': { allow: SIGNED_IN, call: () => ({ url: '/api/tokens' }) },
  'POST /api/tokens': { allow: SIGNED_IN, call: () => json('POST', '/api/tokens', { name: 'matrix', scopes: ['read'] }) },
  'DELETE /api/tokens/{id}': {
    allow: SIGNED_IN,
    call: async (f) => {
      // The caller's own token (anonymous callers aim at the admin's).
      const owner = f.caller.user?.id ?? f.admin.user!.id;
      const { id } = await createToken(f.system, owner, { name: '', scopes: ['read'], expiresAt: null });
      return { method: 'DELETE', url: `/api/tokens/${id}` };
    },
  },
  'GET /api/documents': { allow: PUBLIC, call: () => ({ url: '/api/documents' }) },
  'GET /api/documents/facets': { allow: PUBLIC, call: () => ({ url: '/api/documents/facets' }) },
  'GET /api/documents/{id}': { allow: PUBLIC, call: (f) => ({ url: `/api/documents/${f.documentId}` }) },
  'PATCH /api/documents/{id}': { allow: EDITOR, call: async (f) => json('PATCH', `/api/documents/${f.documentId}`, { isPublic: true }, await ifMatch(f, `/api/documents/${f.documentId}`)) },
  'GET /api/documents/{id}/lineage': { allow: PUBLIC, call: (f) => ({ url: `/api/documents/${f.documentId}/lineage` }) },
  'GET /api/documents/{id}/diff': {
    allow: PUBLIC,
    // Against an older revision, imported and published by the system first (importing it again changes nothing).
    call: async (f) => {
      await importDocuments(f.system, [{ name: 'older.txt', content: Buffer.from(ITU_FIXTURE.replace('(Rev. Testville, 2026)', '(Testville, 2022)')) }]);
      const older = await f.system.db.kysely.selectFrom('documents').select('id').where('revision', '=', 'Testville, 2022').executeTakeFirstOrThrow();
      await patchDocument(f.system, older.id, { isPublic: true });
      return { url: `/api/documents/${f.documentId}/diff?against=${older.id}` };
    },
  },
  'GET /api/documents/{id}/carry-over': { allow: SIGNED_IN, call: async (f) => ({ url: `/api/documents/${await olderRevision(f)}/carry-over?to=${f.documentId}` }) },
  'POST /api/documents/{id}/carry-over': {
    allow: EDITOR,
    // A fresh item citing the older revision, carried over to the fixture's clause of the same text.
    call: async (f) => {
      const older = await olderRevision(f);
      const clause = (id: number) => f.system.db.kysely.selectFrom('clauses').select('id').where('document_id', '=', id).where('path', '=', 'resolves/1').executeTakeFirstOrThrow();
      const { id } = await createAction(f.system, { title: 'Carried over by the role matrix', description: '', status: 'in_progress', progress: 0, responsible: [], collaborators: [], reportsTo: '', dueDate: null, recurrence: '', tags: [], clauseIds: [(await clause(older)).id], isPublic: false });
      return json('POST', `/api/documents/${older}/carry-over`, { to: f.documentId, items: [{ actionId: id, clauseIds: [(await clause(f.documentId)).id] }] });
    },
  },
  'POST /api/imports': { allow: EDITOR, call: () => ({ method: 'POST', url: '/api/imports', ...multipart('files', [{ name: 'fixture.txt', content: ITU_FIXTURE }]) }) },
  'GET /api/actions': { allow: PUBLIC, call: () => ({ url: '/api/actions' }) },
  'POST /api/actions': { allow: EDITOR, call: () => json('POST', '/api/actions', { title: 'Created by the role matrix' }) },
  'GET /api/actions/{id}': { allow: PUBLIC, call: (f) => ({ url: `/api/actions/${f.actionId}` }) },
  'PATCH /api/actions/{id}': { allow: CONTRIBUTOR, call: async (f) => json('PATCH', `/api/actions/${f.actionId}`, { progress: 40 }, await ifMatch(f, `/api/actions/${f.actionId}`)) },
  'POST /api/actions/{id}/updates': {
    allow: CONTRIBUTOR,
    call: async (f) => json('POST', `/api/actions/${f.actionId}/updates`, { text: 'Progress reported by the role matrix.' }, await ifMatch(f, `/api/actions/${f.actionId}`)),
  },
  'GET /api/actions/export': { allow: PUBLIC, call: () => ({ url: '/api/actions/export?format=csv' }) },
  'POST /api/actions/import': { allow: EDITOR, call: () => ({ method: 'POST', url: '/api/actions/import', ...multipart('file', [{ name: 'plan.csv', content: 'title,responsible\nImported by the role matrix,SG17\n' }]) }) },
  'GET /api/suggestions': { allow: SIGNED_IN, call: () => ({ url: '/api/suggestions' }) },
  'GET /api/suggestions/{id}': { allow: SIGNED_IN, call: async (f) => ({ url: `/api/suggestions/${await f.freshSuggestion()}` }) },
  'POST /api/suggestions/{id}/accept': { allow: EDITOR, call: async (f) => json('POST', `/api/suggestions/${await f.freshSuggestion()}/accept`, {}, { 'if-match': '"1"' }) },
  'POST /api/suggestions/{id}/merge': { allow: EDITOR, call: async (f) => json('POST', `/api/suggestions/${await f.freshSuggestion()}/merge`, { actionId: f.actionId }, { 'if-match': '"1"' }) },
  'POST /api/suggestions/{id}/dismiss': { allow: EDITOR, call: async (f) => json('POST', `/api/suggestions/${await f.freshSuggestion()}/dismiss`, {}, { 'if-match': '"1"' }) },
  'POST /api/suggestions/{id}/reopen': { allow: EDITOR, call: async (f) => json('POST', `/api/suggestions/${await f.freshSuggestion('dismissed')}/reopen`, {}, { 'if-match': '"1"' }) },
  'GET /api/dashboard': { allow: PUBLIC, call: () => ({ url: '/api/dashboard' }) },
  'GET /api/stats': { allow: PUBLIC, call: () => ({ url: '/api/stats' }) },
  'GET /api/organisations': { allow: PUBLIC, call: () => ({ url: '/api/organisations' }) },
  'GET /api/audit': { allow: SIGNED_IN, call: () => ({ url: '/api/audit' }) },
  'GET /api/audit/export': { allow: SIGNED_IN, call: () => ({ url: '/api/audit/export?format=csv' }) },
  'GET /api/references': { allow: PUBLIC, call: () => ({ url: '/api/references?status=outdated,unknown' }) },
  'GET /api/references/export': { allow: PUBLIC, call: () => ({ url: '/api/references/export?format=csv' }) },
  'GET /api/documents/{id}/citations': { allow: PUBLIC, call: (f) => ({ url: `/api/documents/${f.documentId}/citations` }) },
  // One run at a time (409 otherwise): each call waits for the previous caller's run to end.
  'POST /api/overlaps/runs': { allow: EDITOR, call: async () => (await waitForOverlapJobs(), json('POST', '/api/overlaps/runs', {})) },
  'GET /api/overlaps/runs/latest': { allow: SIGNED_IN, call: () => ({ url: '/api/overlaps/runs/latest' }) },
  'GET /api/overlaps/report': { allow: SIGNED_IN, call: () => ({ url: '/api/overlaps/report?minContainment=0.5' }) },
  'GET /api/overlaps/pairs/{a}/{b}': {
    allow: SIGNED_IN,
    call: async (f) => {
      await importDocuments(f.system, [{ name: 'older.txt', content: Buffer.from(ITU_FIXTURE.replace('(Rev. Testville, 2026)', '(Testville, 2022)')) }]);
      const older = await f.system.db.kysely.selectFrom('documents').select('id').where('revision', '=', 'Testville, 2022').executeTakeFirstOrThrow();
      return { url: `/api/overlaps/pairs/${f.documentId}/${older.id}` };
    },
  },
  'POST /api/streamline/consolidate': { allow: PUBLIC, call: async (f) => json('POST', '/api/streamline/consolidate', { documentIds: [f.documentId, await publicMergeFixture(f.system)] }) },
  'POST /api/streamline/consolidate/export': {
    allow: PUBLIC,
    call: async (f) => json('POST', '/api/streamline/consolidate/export', { documentIds: [f.documentId, await publicMergeFixture(f.system)], format: 'docx', against: f.documentId }),
  },
};

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`role matrix on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    const callers = {} as Record<Who, Caller>;
    let documentId: number;
    let actionId: number;

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      await importDocuments(t.ctx, [{ name: 'fixture.txt', content: Buffer.from(ITU_FIXTURE) }]);
      documentId = (await t.db.kysely.selectFrom('documents').select('id').executeTakeFirstOrThrow()).id;
      await patchDocument(t.ctx, documentId, { isPublic: true });
      actionId = (await createAction(t.ctx, { title: 'Report annually to TSAG', description: '', status: 'in_progress', progress: 10, responsible: ['SG17'], collaborators: [], reportsTo: 'TSAG', dueDate: null, recurrence: '', tags: [], clauseIds: [], isPublic: true })).id;
      callers.admin = await signIn(app, t.ctx, 'admin');
      callers.editor = await signIn(app, t.ctx, 'editor');
      callers.contributor = await signIn(app, t.ctx, 'contributor', { units: ['SG17'] });
      callers.viewer = await signIn(app, t.ctx, 'viewer');
      callers.anonymous = anonymous(app);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const fixture = (who: Who): Fixture => ({
      who,
      system: t.ctx,
      caller: callers[who],
      admin: callers.admin,
      documentId,
      actionId,
      etag: async (url) => (await callers.admin.inject(url)).headers.etag as string,
      freshSuggestion: async (status = 'pending') => {
        const row = await t.db.kysely
          .insertInto('suggestions')
          .values({ document_id: documentId, block_key: `matrix-${Math.random()}`, heading: 'instructs the Director', addressee: 'TSB Director', title: 'A matrix suggestion', description: '', status, created_at: FIXED_NOW().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      },
      // Same role as the caller, so a refusal is about the role, never about whose account it is.
      throwaway: async () => signInAs(app, await createTestUser(t.ctx, who === 'anonymous' ? 'viewer' : who)),
    });

    it('has an entry for every route of /api/openapi.json, and a route for every entry', async () => {
      const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
      expect(routes.filter((r) => !(r in MATRIX)), 'routes without an entry in the role matrix').toEqual([]);
      expect(Object.keys(MATRIX).filter((k) => !routes.includes(k)), 'matrix entries without a route').toEqual([]);
    });

    for (const [route, entry] of Object.entries(MATRIX)) {
      it(`${route}: ${entry.allow.length === WHO.length ? 'everyone' : entry.allow.join(', ')}`, async () => {
        const seen: Record<string, number> = {};
        // Refused callers go first: a refusal must leave nothing behind for the allowed ones to trip on.
        for (const who of [...WHO].sort((a, b) => Number(entry.allow.includes(a)) - Number(entry.allow.includes(b)))) {
          const { as, ...req } = await entry.call(fixture(who));
          const res = await (as ?? callers[who]).inject(req);
          seen[who] = res.statusCode;
        }
        const expected = Object.fromEntries(
          WHO.map((who) => [who, entry.allow.includes(who) ? (entry.allowedStatus ?? 'ok') : who === 'anonymous' ? 401 : 403]),
        );
        const actual = Object.fromEntries(WHO.map((who) => [who, entry.allow.includes(who) && !entry.allowedStatus && seen[who]! >= 200 && seen[who]! < 400 ? 'ok' : seen[who]]));
        expect(actual, `statuses seen: ${JSON.stringify(seen)}`).toEqual(expected);
      });
    }

    it('refuses to start when an /api route declares no policy', async () => {
      const bare = Fastify();
      installAccessControl(bare);
      expect(() => bare.get('/api/forgotten', () => 'x')).toThrow(/declares no access policy/);
      await bare.close();
    });
  });
}
