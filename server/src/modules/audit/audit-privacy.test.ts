import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AuditEntry } from '@mandate/shared';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { createTestUser, signIn, signInAs, withToken, type Caller } from '../../test-support/auth.ts';
import { withCaller } from '../../http/context.ts';
import { HttpProblem } from '../../http/problem.ts';
import { createAction } from '../actions/actions.service.ts';
import { createToken } from '../auth/tokens.service.ts';
import { auditEntries, findAudit } from './audit.service.ts';

/**
 * The audit trail is internal reading, but entries about accounts, sessions
 * and tokens name people by email, show their roles and the IP addresses
 * they signed in from: only admins see those, whichever way they ask (page,
 * count, CSV or NDJSON export, or the service directly).
 */
for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`who sees account entries in the audit trail on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let admin: Caller;
    let viewer: Caller;
    let editor: Caller;
    const SECRET_EMAIL = 'someone.private@example.org';

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      admin = await signIn(app, t.ctx, 'admin');
      viewer = await signIn(app, t.ctx, 'viewer');
      editor = await withToken(app, t.ctx, 'editor');
      // Account history: a user created, signed in (the session records the IP), given a token.
      const someone = await createTestUser(t.ctx, 'contributor', { email: SECRET_EMAIL });
      await signInAs(app, someone);
      await createToken(t.ctx, someone.id, { name: 'script', scopes: ['read'], expiresAt: null });
      // Plan history, made by the system so that no email appears in it.
      await createAction(t.ctx, { title: 'Visible history', description: '', status: 'in_progress', progress: 0, responsible: [], collaborators: [], reportsTo: '', dueDate: null, recurrence: '', tags: [], clauseIds: [], isPublic: false });
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const entities = (items: AuditEntry[]) => new Set(items.map((e) => e.entity));

    it('shows admins everything, accounts included', async () => {
      const page = (await admin.inject('/api/audit?limit=500')).json() as { items: AuditEntry[] };
      expect(entities(page.items)).toEqual(new Set(['user', 'session', 'token', 'action']));
      expect(JSON.stringify(page)).toContain(SECRET_EMAIL);
    });

    for (const who of ['viewer', 'editor'] as const) {
      it(`hides account entries from a ${who}: page, count and both exports`, async () => {
        const caller = who === 'viewer' ? viewer : editor;
        const page = await caller.inject('/api/audit?limit=500');
        expect(page.statusCode).toBe(200);
        const body = page.json() as { items: AuditEntry[]; total: number };
        expect(entities(body.items)).toEqual(new Set(['action']));
        expect(body.total).toBe(body.items.length);
        for (const format of ['csv', 'ndjson']) {
          const file = await caller.inject(`/api/audit/export?format=${format}`);
          expect(file.statusCode).toBe(200);
          expect(file.body, format).not.toMatch(/"entity":"(user|session|token)"|,(user|session|token),/);
          expect(file.body, format).toContain('Visible history');
        }
        for (const res of [page, await caller.inject('/api/audit/export?format=csv')]) {
          expect(res.body).not.toContain(SECRET_EMAIL);
          expect(res.body).not.toMatch(/"ip"|127\.0\.0\.1/);
        }
      });

      it(`refuses a ${who} asking for account entries by name (403)`, async () => {
        const caller = who === 'viewer' ? viewer : editor;
        for (const entity of ['user', 'session', 'token']) {
          expect((await caller.inject(`/api/audit?entity=${entity}`)).statusCode, entity).toBe(403);
          expect((await caller.inject(`/api/audit/export?entity=${entity}`)).statusCode, entity).toBe(403);
        }
        // Filters that would otherwise reach them (by request or actor) still leave them out.
        const byActor = (await caller.inject(`/api/audit?actor=${encodeURIComponent(SECRET_EMAIL)}`)).json();
        expect(byActor.items.filter((e: AuditEntry) => ['user', 'session', 'token'].includes(e.entity))).toEqual([]);
      });
    }

    it('is enforced in the service, not only over HTTP', async () => {
      const asViewer = withCaller(t.ctx, { actor: { kind: 'user', userId: viewer.user!.id, label: viewer.user!.email, role: 'viewer', units: [], regions: [] }, requestId: 'test' });
      const page = await findAudit(asViewer, { limit: 500, offset: 0, order: 'desc' });
      expect(entities(page.items)).toEqual(new Set(['action']));
      await expect(findAudit(asViewer, { entity: 'session', limit: 10, offset: 0, order: 'desc' })).rejects.toBeInstanceOf(HttpProblem);
      const exported: AuditEntry[] = [];
      for await (const e of auditEntries(asViewer, {})) exported.push(e);
      expect(entities(exported)).toEqual(new Set(['action']));
      // An admin token without the admin scope reads like a non-admin.
      const asScopedAdmin = withCaller(t.ctx, { actor: { kind: 'user', userId: admin.user!.id, label: admin.user!.email, role: 'admin', units: [], regions: [], scopes: ['read'] }, requestId: 'test' });
      expect(entities((await findAudit(asScopedAdmin, { limit: 500, offset: 0, order: 'desc' })).items)).toEqual(new Set(['action']));
    });
  });
}
