import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AuditEntry } from '@mandate/shared';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { multipart, testApp } from '../../test-support/api.ts';
import { signIn, type Caller } from '../../test-support/auth.ts';
import { ITU_FIXTURE } from '../../test-support/fixtures.ts';
import { withCaller } from '../../http/context.ts';
import { systemCaller } from '../auth/actor.ts';
import { importDocuments } from '../library/import.service.ts';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`audit trail on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Caller;
    let viewer: Caller;
    const history = async (entity: string, id: number | string): Promise<AuditEntry[]> => {
      const res = await viewer.inject(`/api/audit?entity=${entity}&id=${id}&order=asc`);
      expect(res.statusCode).toBe(200);
      return res.json().items;
    };
    let imports = 0;
    /** Each import as its own system run, so its rows can be told apart by request id. */
    const importAs = (text: string) =>
      importDocuments(withCaller(t.ctx, { ...systemCaller(), requestId: `import-${(imports += 1)}` }), [{ name: 'fixture.txt', content: Buffer.from(text) }]);
    const send = (method: 'POST' | 'PATCH', url: string, payload: object, version?: number) =>
      editor.inject({ method, url, payload, headers: version === undefined ? {} : { 'if-match': `"${version}"` } });

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      editor = await signIn(app, t.ctx, 'editor');
      viewer = await signIn(app, t.ctx, 'viewer');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('is append-only in the database itself: UPDATE and DELETE on audit rows fail', async () => {
      const db = t.db.kysely;
      await db.insertInto('audit_log').values({ at: FIXED_NOW().toISOString(), actor_id: null, actor_label: 'test', request_id: 'r', entity: 'plan', entity_id: 'trigger-test', action: 'update', before: null, after: null, diff: '{}' }).execute();
      await expect(sql`update audit_log set actor_label = 'forged'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('audit_log').where('actor_label', '=', 'test').execute()).rejects.toThrow(/append-only/);
      const rows = await db.selectFrom('audit_log').select('actor_label').where('request_id', '=', 'r').execute();
      expect(rows).toEqual([{ actor_label: 'test' }]);
    });

    it('records an import: the document, each clause and each suggestion; a re-import records only what changed', async () => {
      await importAs(ITU_FIXTURE);
      const doc = (await viewer.inject('/api/documents')).json().items[0];
      const [created] = await history('document', doc.id);
      expect(created).toMatchObject({ action: 'create', before: null, actor: { id: null, label: 'system' }, after: { number: '901', status: 'in_force' } });
      expect(created!.after).toMatchObject({ clauseChanges: { added: 8, changed: 0, removed: 0 } });
      const clauseRows = await viewer.inject(`/api/audit?entity=clause&requestId=${created!.requestId}&limit=100`);
      expect(clauseRows.json().total).toBe(8);
      const sugg = await viewer.inject(`/api/audit?entity=suggestion&requestId=${created!.requestId}`);
      expect(sugg.json().items.map((e: AuditEntry) => e.action)).toEqual(['create', 'create']);

      const version = (await viewer.inject(`/api/documents/${doc.id}`)).json().version;
      await importAs(ITU_FIXTURE);
      expect(await history('document', doc.id)).toHaveLength(1);
      expect((await viewer.inject(`/api/documents/${doc.id}`)).headers.etag).toBe(`"${version}"`);

      const edited = ITU_FIXTURE.replace('1 to keep fixtures short;', '1 to keep fixtures very short;').replace('invites Member States\n\nto contribute further fixtures.\n', '');
      await importAs(edited);
      const [, updated] = await history('document', doc.id);
      expect(updated).toMatchObject({ action: 'update', after: { clauseChanges: { added: 0, changed: 1, removed: 1 } } });
      const rows = (await viewer.inject(`/api/audit?entity=clause&requestId=${updated!.requestId}`)).json().items as AuditEntry[];
      const changed = rows.find((r) => r.action === 'update')!;
      expect(changed.diff).toEqual({ text: ['to keep fixtures short;', 'to keep fixtures very short;'] });
      expect(rows.find((r) => r.action === 'delete')).toMatchObject({ after: null, before: { heading: 'invites Member States' } });
      expect((await history('clause', changed.entityId)).map((e) => e.action)).toEqual(['create', 'update']);
      expect((await viewer.inject(`/api/documents/${doc.id}`)).headers.etag).toBe(`"${version + 1}"`);

      // Back to the original: the clause comes back (as a new clause) and the suggestion links to it again.
      await importAs(ITU_FIXTURE);
      const restored = (await history('document', doc.id)).at(-1)!;
      expect(restored.after).toMatchObject({ clauseChanges: { added: 1, changed: 1, removed: 0 } });
      const relinked = (await viewer.inject(`/api/audit?entity=suggestion&requestId=${restored.requestId}`)).json().items;
      expect(relinked).toMatchObject([{ action: 'update', diff: { clauseIds: [[], [expect.any(Number)]] } }]);
    });

    it('records action items: create (with the units it had to create), change, progress update, with the caller and the request id', async () => {
      const res = await send('POST', '/api/actions', { title: 'Write the audit guide', responsible: ['Audit Unit'], tags: ['trust'] });
      expect(res.statusCode).toBe(201);
      const id = res.json().id;
      const [created] = await history('action', id);
      expect(created).toMatchObject({ action: 'create', actor: { id: editor.user!.id, label: editor.user!.email }, requestId: res.headers['x-request-id'] });
      expect(created!.after).toMatchObject({ title: 'Write the audit guide', responsible: ['Audit Unit'], version: 1 });
      expect(created!.after).not.toHaveProperty('updates');
      const org = (await viewer.inject(`/api/audit?entity=organisation&requestId=${created!.requestId}`)).json().items;
      expect(org).toMatchObject([{ action: 'create', after: { name: 'Audit Unit', type: 'unit' } }]);

      const patched = await send('PATCH', `/api/actions/${id}`, { title: 'Write the audit handbook', dueDate: '2026-12-31' }, 1);
      expect(patched.statusCode).toBe(200);
      expect(patched.headers.etag).toBe('"2"');
      const progress = await send('POST', `/api/actions/${id}/updates`, { date: '2026-06-01', text: 'First draft circulated.', statusTo: 'in_progress', progress: 40 }, 2);
      expect(progress.statusCode).toBe(201);
      expect(progress.headers.etag).toBe('"3"');

      const [, update, added] = await history('action', id);
      expect(update).toMatchObject({ action: 'update', requestId: patched.headers['x-request-id'] });
      expect(update!.diff).toEqual({ title: ['Write the audit guide', 'Write the audit handbook'], dueDate: [null, '2026-12-31'] });
      expect(update!.before).toMatchObject({ version: 1 });
      expect(update!.after).toMatchObject({ version: 2, title: 'Write the audit handbook' });
      expect(added).toMatchObject({ action: 'progress', requestId: progress.headers['x-request-id'] });
      expect(added!.diff).toMatchObject({ status: ['not_started', 'in_progress'], progress: [0, 40], addedUpdate: [null, { text: 'First draft circulated.', statusTo: 'in_progress' }] });
    });

    it('records suggestion decisions and what they did to action items', async () => {
      const pending = (await viewer.inject('/api/suggestions?status=pending')).json().items;
      const [tsb, ms] = [...pending].sort((a, b) => b.addressee.localeCompare(a.addressee));
      const accepted = await send('POST', `/api/suggestions/${tsb.id}/accept`, { tags: ['x'] }, tsb.version);
      expect(accepted.statusCode).toBe(201);
      const action = accepted.json();
      const decisions = (await history('suggestion', tsb.id)).filter((e) => e.action === 'accept');
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({ diff: { status: ['pending', 'accepted'], actionId: [null, action.id] } });
      expect((await history('action', action.id))[0]).toMatchObject({ action: 'create', requestId: accepted.headers['x-request-id'] });

      const dismissed = await send('POST', `/api/suggestions/${ms.id}/dismiss`, {}, ms.version);
      const reopened = await send('POST', `/api/suggestions/${ms.id}/reopen`, {}, dismissed.json().version);
      const merged = await send('POST', `/api/suggestions/${ms.id}/merge`, { actionId: action.id }, reopened.json().version);
      expect(merged.statusCode).toBe(200);
      const rows = (await history('suggestion', ms.id)).filter((e) => e.action !== 'create' && e.action !== 'update');
      expect(rows.map((e) => [e.action, e.diff.status])).toEqual([
        ['dismiss', ['pending', 'dismissed']],
        ['reopen', ['dismissed', 'pending']],
        ['merge', ['pending', 'merged']],
      ]);
      const actionRows = await history('action', action.id);
      expect(actionRows.at(-1)).toMatchObject({ action: 'update', requestId: merged.headers['x-request-id'] });
      const [sourcesBefore, sourcesAfter] = actionRows.at(-1)!.diff.sources as [unknown[], unknown[]];
      expect(sourcesAfter.length - sourcesBefore.length).toBe(1);
    });

    it('records plan imports: one row for the file, one per item it created or changed', async () => {
      const csv = 'ref,title,status,progress,responsible\nP-1,Plan item one,ongoing,10,TSB\nP-2,Plan item two,not_started,0,TSB\n';
      const res = await editor.inject({ method: 'POST', url: '/api/actions/import', ...multipart('file', [{ name: 'plan.csv', content: csv }]) });
      expect(res.statusCode).toBe(200);
      const rows = (await viewer.inject(`/api/audit?requestId=${res.headers['x-request-id']}&order=asc&limit=100`)).json().items as AuditEntry[];
      expect(rows.filter((r) => r.entity === 'action').map((r) => [r.action, (r.after as { ref: string }).ref])).toEqual([
        ['create', 'P-1'],
        ['create', 'P-2'],
      ]);
      expect(rows.at(-1)).toMatchObject({ entity: 'plan', entityId: 'plan.csv', action: 'import', after: { created: 2, updated: 0 } });
    });

    it('serves the trail filtered and paged, and exports it as CSV and NDJSON', async () => {
      const all = (await viewer.inject('/api/audit?limit=1')).json();
      expect(all.items).toHaveLength(1);
      expect(all.total).toBeGreaterThan(20);
      const mine = (await viewer.inject(`/api/audit?actor=${encodeURIComponent(editor.user!.email)}&limit=500`)).json();
      expect(mine.total).toBeGreaterThan(5);
      expect(mine.items.every((e: AuditEntry) => e.actor.label === editor.user!.email)).toBe(true);
      expect((await viewer.inject(`/api/audit?actor=${editor.user!.id}`)).json().total).toBe(mine.total);
      expect((await viewer.inject('/api/audit?from=2026-06-15&to=2026-06-15')).json().total).toBe(all.total);
      expect((await viewer.inject('/api/audit?to=2026-06-14')).json().total).toBe(0);
      expect((await viewer.inject('/api/audit?from=2026-06-15T10:00:00.001Z')).json().total).toBe(0);
      expect((await viewer.inject('/api/audit?entity=nothing')).statusCode).toBe(400);

      const nd = await viewer.inject(`/api/audit/export?format=ndjson&actor=${editor.user!.id}`);
      expect(nd.headers['content-type']).toMatch(/ndjson/);
      const lines = nd.body.trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
      expect(lines).toHaveLength(mine.total);
      expect(lines.map((e) => e.id)).toEqual(mine.items.map((e: AuditEntry) => e.id).reverse());
      const csv = await viewer.inject('/api/audit/export?format=csv&entity=organisation');
      expect(csv.headers['content-disposition']).toMatch(/attachment; filename="audit-.*\.csv"/);
      const [header, ...body] = csv.body.replace(/^\ufeff/, '').trim().split('\n');
      expect(header).toBe('id,at,actor_id,actor,request_id,entity,entity_id,action,diff,before,after');
      expect(body.length).toBe((await viewer.inject('/api/audit?entity=organisation')).json().total);
    });
  });
}
