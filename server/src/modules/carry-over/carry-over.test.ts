import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { actionInput, type ActionDetail, type CarryOverProposal, type CarryOverResult, type DocumentDetail } from '@mandate/shared';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { anonymous, signIn, type Caller } from '../../test-support/auth.ts';
import { ITU_FIXTURE, ITU_FIXTURE_OLD } from '../../test-support/fixtures.ts';
import { importDocuments } from '../library/import.service.ts';
import { createAction } from '../actions/actions.service.ts';

/**
 * The 2022 revision as it might have read: one more resolves item (removed
 * in 2026, so "reviewed at every assembly" was 3), the report to TSAG not yet
 * annual, and no "invites" section (added in 2026).
 */
const OLDER = ITU_FIXTURE_OLD.replace('1 to keep fixtures short;', '1 to keep fixtures short;\n\n2 to translate the fixtures into the six official languages;')
  .replace('2 that fixtures shall be reviewed', '3 that fixtures shall be reviewed')
  .replace('2 to report annually to TSAG on their use,', '2 to report to TSAG on their use,')
  .replace('\n\ninvites Member States\n\nto contribute further fixtures.', '');

const INSTRUCTS = 'instructs-the-director-of-the-telecommunication-standardization-bureau';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`plan carry-over on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Caller;
    let viewer: Caller;
    const ids = { older: 0, newer: 0 };
    const oldClause: Record<string, number> = {};
    const newClause: Record<string, number> = {};
    const item = { short: 0, review: 0, report: 0, translate: 0, both: 0, published: 0, onlyNew: 0 };

    const preview = async (as: Caller = viewer) => {
      const res = await as.inject(`/api/documents/${ids.older}/carry-over?to=${ids.newer}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as CarryOverProposal;
    };
    const apply = (payload: object, as: Caller = editor, from = ids.older) => as.inject({ method: 'POST', url: `/api/documents/${from}/carry-over`, payload });
    const action = async (id: number) => (await editor.inject(`/api/actions/${id}`)).json() as ActionDetail;
    const auditRows = async (id: number) =>
      (await t.db.kysely.selectFrom('audit_log').select(['action', 'diff', 'request_id']).where('entity', '=', 'action').where('entity_id', '=', String(id)).orderBy('id').execute());

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      const s = await importDocuments(t.ctx, [
        { name: 'new.txt', content: Buffer.from(ITU_FIXTURE) },
        { name: 'old.txt', content: Buffer.from(OLDER) },
      ]);
      expect(s.failed).toEqual([]);
      const docs = await t.db.kysely.selectFrom('documents').select(['id', 'year']).execute();
      ids.older = docs.find((d) => d.year === 2022)!.id;
      ids.newer = docs.find((d) => d.year === 2026)!.id;
      for (const [doc, into] of [[ids.older, oldClause], [ids.newer, newClause]] as const) {
        for (const c of await t.db.kysely.selectFrom('clauses').select(['id', 'path']).where('document_id', '=', doc).execute()) into[c.path] = c.id;
      }
      const create = async (title: string, paths: string[], status: 'in_progress' | 'completed' = 'in_progress', clauses = oldClause) =>
        (await createAction(t.ctx, actionInput.parse({ title, status, clauseIds: paths.map((p) => clauses[p]!) }))).id;
      item.short = await create('Keep fixtures short', ['resolves/1']);
      item.review = await create('Review fixtures at every assembly', ['resolves/3']);
      item.report = await create('Report to TSAG on fixtures', [`${INSTRUCTS}/2`]);
      item.translate = await create('Translate the fixtures', ['resolves/2']);
      item.both = await create('Keep translated fixtures short', ['resolves/1', 'resolves/2']);
      item.published = await create('Publish the fixtures', [`${INSTRUCTS}/1`], 'completed');
      item.onlyNew = await create('Collect fixtures from members', ['invites-member-states'], 'in_progress', newClause);
      editor = await signIn(app, t.ctx, 'editor');
      viewer = await signIn(app, t.ctx, 'viewer');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('proposes each item citing the older revision for the newer one, with confidence and reason', async () => {
      const p = await preview();
      expect([p.from.id, p.to.id, p.sameLineage]).toEqual([ids.older, ids.newer, true]);
      const byId = new Map(p.items.map((i) => [i.actionId, i]));
      expect(p.items.map((i) => i.actionId).sort()).toEqual([item.short, item.review, item.report, item.translate, item.both, item.published].sort());
      expect(byId.get(item.short)).toMatchObject({ to: [newClause['resolves/1']], reason: 'unchanged', confidence: 1, level: 'high', preselected: true, ref: expect.stringMatching(/^A-/) });
      expect(byId.get(item.review)).toMatchObject({ to: [newClause['resolves/2']], reason: 'renumbered', level: 'high', preselected: true });
      expect(byId.get(item.review)!.links[0]).toMatchObject({ from: { label: 'resolves 3' }, to: { label: 'resolves 2' }, op: 'unchanged' });
      expect(byId.get(item.report)).toMatchObject({ to: [newClause[`${INSTRUCTS}/2`]], reason: 'reworded' });
      expect(byId.get(item.report)!.confidence).toBeLessThan(1);
      // Labels short enough for a table: the addressee, not the whole heading.
      expect(byId.get(item.report)!.links[0]!.from).toMatchObject({ heading: 'instructs TSB Director', number: '2', label: 'instructs TSB Director 2' });
      expect(byId.get(item.translate)).toMatchObject({ to: [], reason: 'removed', confidence: 0, preselected: false });
      expect(byId.get(item.both)).toMatchObject({ to: [newClause['resolves/1']], reason: 'partly removed', confidence: 0.5, level: 'medium', preselected: false });
      // Completed items stay with the old plan unless the editor ticks them.
      expect(byId.get(item.published)).toMatchObject({ reason: 'unchanged', level: 'high', preselected: false, status: 'completed' });

      expect(p.itemsWithoutTarget).toEqual([item.translate]);
      expect(p.unmappedClauses).toEqual([{ clause: expect.objectContaining({ id: oldClause['resolves/2'], label: 'resolves 2' }), actionIds: [item.translate, item.both].sort((a, b) => a - b) }]);
      // The new "invites" clause is cited by an item already: no candidate left.
      expect(p.newClausesWithoutItems).toEqual([]);
      expect(p.targets.every((c) => c.kind === 'operative')).toBe(true);
      expect(p.targets.map((c) => c.id)).toContain(newClause['invites-member-states']);
    });

    it('lists added operative clauses nobody cites, with the suggestion waiting for them', async () => {
      await t.db.kysely.deleteFrom('action_clauses').where('action_id', '=', item.onlyNew).execute();
      const p = await preview();
      expect(p.newClausesWithoutItems).toEqual([{ clause: expect.objectContaining({ id: newClause['invites-member-states'] }), suggestionId: expect.any(Number) }]);
    });

    it('applies the chosen proposals in one transaction: old sources kept, new ones added, one version and audit row per item', async () => {
      const p = await preview();
      const short = p.items.find((i) => i.actionId === item.short)!;
      const report = p.items.find((i) => i.actionId === item.report)!;
      const res = await apply({
        to: ids.newer,
        items: [
          { actionId: item.short, clauseIds: short.to, version: short.version },
          // The editor changed this target to the new clause 1 as well.
          { actionId: item.report, clauseIds: [...report.to, newClause[`${INSTRUCTS}/1`]], version: report.version },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      const result = res.json() as CarryOverResult;
      expect(result.unchanged).toEqual([]);
      expect(result.carried.map((c) => [c.actionId, c.added.length, c.version])).toEqual(
        [[item.short, 1, short.version + 1], [item.report, 2, report.version + 1]].sort((x, y) => x[0]! - y[0]!),
      );

      const after = await action(item.short);
      expect(after.version).toBe(short.version + 1);
      expect(after.sources.map((s) => s.documentId).sort()).toEqual([ids.older, ids.newer].sort());
      expect(after.sources.find((s) => s.documentId === ids.newer)!.label).toBe('WTSA Resolution 901 (Rev. Testville, 2026) · resolves 1');
      const rows = await auditRows(item.short);
      expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
      expect(Object.keys(JSON.parse(rows[1]!.diff))).toEqual(['sources']);
      // Both items' rows come from the one request.
      expect((await auditRows(item.report)).at(-1)!.request_id).toBe(rows[1]!.request_id);

      // Shown as carried over next time, and no longer ticked.
      const again = (await preview()).items.find((i) => i.actionId === item.short)!;
      expect(again).toMatchObject({ alreadyCited: [newClause['resolves/1']], preselected: false });
      // Applying the same again changes nothing: no version, no audit row.
      const repeat = (await apply({ to: ids.newer, items: [{ actionId: item.short, clauseIds: short.to }] })).json() as CarryOverResult;
      expect(repeat).toMatchObject({ carried: [], unchanged: [item.short] });
      expect((await action(item.short)).version).toBe(short.version + 1);
      expect(await auditRows(item.short)).toHaveLength(2);
    });

    it('refuses, changing nothing, clauses outside the newer revision and items that do not cite the older one', async () => {
      const before = await action(item.review);
      const cases: [object, RegExp][] = [
        [{ to: ids.newer, items: [{ actionId: item.review, clauseIds: [newClause['resolves/2']] }, { actionId: item.translate, clauseIds: [oldClause['resolves/1']] }] }, /clause \d+ is not in document/],
        [{ to: ids.newer, items: [{ actionId: item.review, clauseIds: [newClause['resolves/2']] }, { actionId: item.onlyNew, clauseIds: [newClause['resolves/1']] }] }, /does not cite document/],
        [{ to: ids.newer, items: [{ actionId: item.review, clauseIds: [newClause['resolves/2']] }, { actionId: item.review, clauseIds: [newClause['resolves/1']] }] }, /listed twice/],
        [{ to: ids.newer, items: [{ actionId: 999999, clauseIds: [newClause['resolves/1']] }] }, /does not cite document/],
        [{ to: 999999, items: [{ actionId: item.review, clauseIds: [newClause['resolves/1']] }] }, /no such document/],
        [{ to: ids.older, items: [{ actionId: item.review, clauseIds: [oldClause['resolves/1']] }] }, /not to the same one/],
        [{ to: ids.newer, items: [{ actionId: item.review, clauseIds: [] }] }, /./],
        [{ to: ids.newer, items: [] }, /./],
      ];
      for (const [payload, message] of cases) {
        const res = await apply(payload);
        expect([res.statusCode, res.headers['content-type']]).toEqual([400, expect.stringMatching(/application\/problem\+json/)]);
        expect(res.body).toMatch(message);
        expect(res.body).not.toMatch(/\.ts:\d+/);
      }
      expect(await action(item.review)).toEqual(before);
      expect((await apply({ to: ids.newer, items: [{ actionId: item.review, clauseIds: [newClause['resolves/2']] }] }, editor, 999999)).statusCode).toBe(404);
    });

    it('refuses the whole change with 412 when an item changed since the proposal was read', async () => {
      const p = await preview();
      const review = p.items.find((i) => i.actionId === item.review)!;
      const both = p.items.find((i) => i.actionId === item.both)!;
      const patched = await editor.inject({ method: 'PATCH', url: `/api/actions/${item.both}`, payload: { progress: 30 }, headers: { 'if-match': `"${both.version}"` } });
      expect(patched.statusCode).toBe(200);
      const res = await apply({
        to: ids.newer,
        items: [
          { actionId: item.review, clauseIds: review.to, version: review.version },
          { actionId: item.both, clauseIds: both.to, version: both.version },
        ],
      });
      expect(res.statusCode).toBe(412);
      expect(res.json().current.version).toBe(both.version + 1);
      // The other item was rolled back with it.
      expect((await action(item.review)).version).toBe(review.version);
      expect((await action(item.review)).sources.every((s) => s.documentId === ids.older)).toBe(true);
    });

    it('lets viewers preview and only editors apply; the public neither', async () => {
      const contributor = await signIn(app, t.ctx, 'contributor');
      const public_ = anonymous(app);
      expect((await contributor.inject(`/api/documents/${ids.older}/carry-over?to=${ids.newer}`)).statusCode).toBe(200);
      expect((await public_.inject(`/api/documents/${ids.older}/carry-over?to=${ids.newer}`)).statusCode).toBe(401);
      const payload = { to: ids.newer, items: [{ actionId: item.review, clauseIds: [newClause['resolves/2']] }] };
      expect((await apply(payload, viewer)).statusCode).toBe(403);
      expect((await apply(payload, contributor)).statusCode).toBe(403);
      expect((await apply(payload, public_)).statusCode).toBe(401);
    });

    it('answers problems for unknown documents and bad queries', async () => {
      for (const [url, status] of [
        [`/api/documents/999999/carry-over?to=${ids.newer}`, 404],
        [`/api/documents/${ids.older}/carry-over?to=999999`, 404],
        [`/api/documents/${ids.older}/carry-over?to=${ids.older}`, 400],
        [`/api/documents/${ids.older}/carry-over`, 400],
        [`/api/documents/${ids.older}/carry-over?to=new`, 400],
      ] as const) {
        const res = await viewer.inject(url);
        expect([url, res.statusCode]).toEqual([url, status]);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    });

    it('carries the plan of one document over to another lineage too, and says so', async () => {
      await importDocuments(t.ctx, [{ name: 'other.txt', content: Buffer.from(ITU_FIXTURE.replace('RESOLUTION 901', 'RESOLUTION 902')) }]);
      const other = (await t.db.kysely.selectFrom('documents').select('id').where('number', '=', '902').executeTakeFirstOrThrow()).id;
      const p = (await viewer.inject(`/api/documents/${ids.older}/carry-over?to=${other}`)).json() as CarryOverProposal;
      expect(p.sameLineage).toBe(false);
      expect(p.items.find((i) => i.actionId === item.short)!.reason).toBe('unchanged');
      const doc = (await viewer.inject(`/api/documents/${other}`)).json() as DocumentDetail;
      expect(p.targets).toHaveLength(doc.clauses.filter((c) => c.kind === 'operative').length);
    });
  });
}
