import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { signIn, type Caller } from '../../test-support/auth.ts';
import { ITU_FIXTURE } from '../../test-support/fixtures.ts';
import { importDocuments } from '../library/import.service.ts';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`action plan on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    // Internal reads and every write need a signed-in user: these tests act as an admin with a real session.
    let admin: Caller;
    let documentId: number;
    const post = (url: string, payload: unknown = {}, headers: Record<string, string> = {}) => admin.inject({ method: 'POST', url, payload: payload as object, headers });

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      admin = await signIn(app, t.ctx, 'admin');
      await importDocuments(t.ctx, [{ name: 'fixture.txt', content: Buffer.from(ITU_FIXTURE) }]);
      documentId = (await admin.inject({ url: '/api/documents' })).json().items[0].id;
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('suggests one action per addressed operative block, with the addressee responsible', async () => {
      const res = (await admin.inject({ url: `/api/suggestions?documentId=${documentId}&status=pending` })).json();
      const addressees = res.items.map((s: { addressee: string }) => s.addressee).sort();
      expect(addressees).toEqual(['Member States', 'TSB Director']);
      const tsb = res.items.find((s: { addressee: string }) => s.addressee === 'TSB Director');
      expect(tsb.clauseIds).toHaveLength(2);
    });

    it('accepts, merges and dismisses suggestions, and can undo a dismissal', async () => {
      const [tsb, ms] = (await admin.inject({ url: '/api/suggestions?status=pending' })).json().items.sort((a: { addressee: string }, b: { addressee: string }) => b.addressee.localeCompare(a.addressee));
      const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
      const accepted = await post(`/api/suggestions/${tsb.id}/accept`, { dueDate: '2026-01-31', tags: ['fixtures'] }, ifMatch(tsb.version));
      expect(accepted.statusCode).toBe(201);
      const action = accepted.json();
      expect(action).toMatchObject({ responsible: ['TSB Director'], status: 'not_started', dueDate: '2026-01-31', tags: ['fixtures'] });
      expect(action.sources).toHaveLength(2);
      expect((await post(`/api/suggestions/${tsb.id}/accept`, {}, ifMatch(tsb.version + 1))).statusCode).toBe(409);

      const dismissed = (await post(`/api/suggestions/${ms.id}/dismiss`, {}, ifMatch(ms.version))).json();
      expect(dismissed.status).toBe('dismissed');
      const reopened = (await post(`/api/suggestions/${ms.id}/reopen`, {}, ifMatch(dismissed.version))).json();
      expect(reopened.status).toBe('pending');
      const merged = (await post(`/api/suggestions/${ms.id}/merge`, { actionId: action.id }, ifMatch(reopened.version))).json();
      expect(merged.sources).toHaveLength(3);
      const doc = (await admin.inject({ url: `/api/documents/${documentId}` })).json();
      const withAction = doc.clauses.filter((c: { actions: unknown[] }) => c.actions.length > 0);
      expect(withAction).toHaveLength(3);
    });

    it('creates, filters, searches and sorts action items', async () => {
      const base = { responsible: ['SG17'], collaborators: ['IETF'], reportsTo: 'TSAG', tags: ['security'] };
      for (const [i, title] of ['Draft a security guideline for testing', 'Organise a workshop on numbering', 'Publish the annual report'].entries()) {
        const res = await post('/api/actions', { ...base, title, status: i === 2 ? 'completed' : 'in_progress', dueDate: i === 0 ? '2025-12-31' : null, recurrence: i === 2 ? 'annually' : '' });
        expect(res.statusCode).toBe(201);
        expect(res.headers.etag).toBe('"1"');
      }
      const all = (await admin.inject({ url: '/api/actions?limit=10' })).json();
      expect(all.total).toBe(4);
      expect((await admin.inject({ url: '/api/actions?q=guidelines' })).json().items.map((a: { title: string }) => a.title)).toEqual(['Draft a security guideline for testing']);
      expect((await admin.inject({ url: '/api/actions?q=worksh' })).json().total).toBe(1);
      expect((await admin.inject({ url: '/api/actions?status=completed' })).json().total).toBe(1);
      expect((await admin.inject({ url: '/api/actions?status=completed,in_progress' })).json().total).toBe(3);
      expect((await admin.inject({ url: '/api/actions?responsible=SG17' })).json().total).toBe(3);
      expect((await admin.inject({ url: '/api/actions?tag=fixtures' })).json().total).toBe(1);
      expect((await admin.inject({ url: `/api/actions?documentId=${documentId}` })).json().total).toBe(1);
      const overdue = (await admin.inject({ url: '/api/actions?overdue=true' })).json();
      expect(overdue.items.map((a: { dueDate: string }) => a.dueDate).sort()).toEqual(['2025-12-31', '2026-01-31']);
      expect(overdue.items.every((a: { overdue: boolean }) => a.overdue)).toBe(true);
      const sorted = (await admin.inject({ url: '/api/actions?sort=title&order=desc' })).json().items.map((a: { title: string }) => a.title);
      expect(sorted).toEqual([...sorted].sort().reverse());
    });

    it('treats search and filter text as data, never as SQL or FTS syntax', async () => {
      for (const q of [`'; drop table actions; --`, '"unbalanced', 'NEAR(a b', '*', 'title:x OR 1=1', '%_\\']) {
        const res = await admin.inject({ url: `/api/actions?q=${encodeURIComponent(q)}&responsible=${encodeURIComponent(q)}&tag=${encodeURIComponent(q)}` });
        expect(res.statusCode).toBe(200);
        expect(res.json().total).toBe(0);
      }
      expect((await admin.inject({ url: '/api/actions' })).json().total).toBe(4);
    });

    it('records progress updates on the timeline and refuses stale writes with 412', async () => {
      const { id, version } = (await admin.inject({ url: '/api/actions?q=workshop' })).json().items[0];
      const upd = await post(`/api/actions/${id}/updates`, { date: '2026-05-02', text: 'Workshop held in Geneva.', statusTo: 'completed', evidence: [{ label: 'Report', url: 'https://example.org/r.pdf' }] }, { 'if-match': `"${version}"` });
      expect(upd.statusCode).toBe(201);
      const detail = upd.json();
      expect(detail).toMatchObject({ status: 'completed', progress: 100, lastUpdate: '2026-05-02' });
      expect(detail.updates[0]).toMatchObject({ statusFrom: 'in_progress', statusTo: 'completed', evidence: [{ label: 'Report' }] });

      const etag = upd.headers.etag as string;
      const ok = await admin.inject({ method: 'PATCH', url: `/api/actions/${id}`, payload: { status: 'on_hold' }, headers: { 'if-match': etag } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().updates[0].text).toMatch(/completed to on hold/);
      const stale = await admin.inject({ method: 'PATCH', url: `/api/actions/${id}`, payload: { title: 'x' }, headers: { 'if-match': etag } });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().current.status).toBe('on_hold');
    });

    it('validates bodies and reports every bad field', async () => {
      const res = await post('/api/actions', { title: '', status: 'done', progress: 140, dueDate: '31/12/2026', clauseIds: [987654] });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors.length).toBeGreaterThanOrEqual(4);
      const missing = await post('/api/actions', { title: 'ok', clauseIds: [987654] });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().errors[0].message).toMatch(/987654/);
    });

    it('rolls up the dashboard', async () => {
      const d = (await admin.inject({ url: '/api/dashboard' })).json();
      expect(d.totals.actions).toBe(4);
      expect(d.byStatus.find((s: { status: string }) => s.status === 'in_progress').count).toBe(1);
      expect(d.byResponsible[0]).toMatchObject({ name: 'SG17', count: 3 });
      expect(d.byDocument[0].count).toBe(1);
      expect(d.totals.overdue).toBe(2);
      expect(d.overdue).toHaveLength(2);
    });
  });
}
