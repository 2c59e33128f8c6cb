import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { OverlapPairDetail, OverlapReport, OverlapRun, OverlapStatus } from '@mandate/shared';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { anonymous, signIn, type Caller } from '../../test-support/auth.ts';
import { importDocuments } from '../library/import.service.ts';
import { waitForOverlapJobs } from './overlaps.service.ts';
import { ITU_FIXTURE } from '../../test-support/fixtures.ts';
import { GAP_B, OVERLAP_FIXTURES } from './test-fixtures.ts';

const files = (list: { name: string; content: string }[]) => list.map((f) => ({ name: f.name, content: Buffer.from(f.content) }));
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`overlaps API on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Caller;
    let viewer: Caller;
    const ids: Record<number, number> = {};

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      editor = await signIn(app, t.ctx, 'editor');
      viewer = await signIn(app, t.ctx, 'viewer');
      // Not GAP_B yet: it arrives later, to make the report stale.
      await importDocuments(t.ctx, files([...OVERLAP_FIXTURES.filter((f) => f.content !== GAP_B), { name: 'fixture.txt', content: ITU_FIXTURE }]));
    });
    afterAll(async () => {
      await waitForOverlapJobs();
      await app?.close();
      await t?.cleanup();
    });

    const status = async () => (await viewer.inject('/api/overlaps/runs/latest')).json() as OverlapStatus;
    const report = async (q = '') => (await viewer.inject(`/api/overlaps/report${q}`)).json() as OverlapReport;
    const idOf = async (number: string) => (await t.db.kysely.selectFrom('documents').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
    const runAndWait = async (body?: object) => {
      const res = await editor.inject({ method: 'POST', url: '/api/overlaps/runs', ...(body ? { payload: body } : {}) });
      expect(res.statusCode, res.body).toBe(202);
      await waitForOverlapJobs();
      return res.json() as OverlapRun;
    };

    it('is internal: anonymous callers get 401, viewers may read but not start a run', async () => {
      const anon = anonymous(app);
      for (const url of ['/api/overlaps/runs/latest', '/api/overlaps/report', '/api/overlaps/pairs/1/2']) expect((await anon.inject(url)).statusCode).toBe(401);
      expect((await anon.inject({ method: 'POST', url: '/api/overlaps/runs', payload: {} })).statusCode).toBe(401);
      const refused = await viewer.inject({ method: 'POST', url: '/api/overlaps/runs', payload: {} });
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
    });

    it('says when nothing has been analysed yet', async () => {
      expect(await status()).toEqual({ run: null, report: null, stale: null });
      expect(await report()).toMatchObject({ candidates: [], pairs: [], totalPairs: 0, status: { run: null } });
    });

    it('runs the engine in the background (202), then reports pairs and candidates with reasons', async () => {
      const started = await runAndWait();
      expect(started).toMatchObject({ status: 'queued', mode: 'full', startedBy: expect.stringContaining('editor') });
      const s = await status();
      expect(s.run).toMatchObject({ id: started.id, status: 'done', phase: 'done', documents: 5, recomputed: 5, error: null });
      expect(s.run!.done).toBe(s.run!.total);
      expect(s.report?.id).toBe(started.id);
      expect(s.stale).toEqual({ added: 0, changed: 0, removed: 0 });
      for (const n of [911, 913, 914, 915]) ids[n] = await idOf(String(n));
      const r = await report();
      // The enacting formula and the headings every text shares are not overlaps.
      expect(r.pairs.map((p) => [p.a.id, p.b.id])).toEqual([[ids[913], ids[914]]]);
      expect(r.pairs[0]).toMatchObject({ a: { label: 'WTSA Resolution 913 (Rev. Testville, 2026)', status: 'in_force' }, sameLineage: false });
      expect(r.pairs[0]!.containment).toBeGreaterThan(0.9);
      expect(r.candidates.find((c) => c.type === 'suppress')).toMatchObject({ documents: [{ id: ids[913] }, { id: ids[914] }], evidence: { containedIn: ids[914] } });
    });

    it('marks the report stale when documents are added, and an incremental re-run brings them in', async () => {
      await importDocuments(t.ctx, files(OVERLAP_FIXTURES.filter((f) => f.content === GAP_B)));
      expect((await status()).stale).toEqual({ added: 1, changed: 0, removed: 0 });
      const run = await runAndWait({ mode: 'auto' });
      const s = await status();
      expect(s.run).toMatchObject({ id: run.id, status: 'done', mode: 'incremental', documents: 6, baseRunId: s.run!.id - 1 });
      // The new text and those sharing rare word sequences with it, not the whole library.
      expect(s.run!.recomputed).toBeLessThan(6);
      expect(s.stale).toEqual({ added: 0, changed: 0, removed: 0 });
      ids[912] = await idOf('912');

      const r = await report();
      expect(r.pairs.map((p) => [p.a.id, p.b.id])).toEqual([
        [ids[913], ids[914]],
        [ids[911], ids[912]],
      ]);
      expect(r.pairs[0]).toMatchObject({ a: { label: 'WTSA Resolution 913 (Rev. Testville, 2026)', status: 'in_force' }, sameLineage: false });
      expect(r.pairs[0]!.containment).toBeGreaterThan(0.9);
      const byType = Object.fromEntries(r.candidates.map((c) => [c.type, c]));
      expect(byType.suppress).toMatchObject({ documents: [{ id: ids[913] }, { id: ids[914] }], evidence: { containedIn: ids[914] } });
      expect(byType.merge).toMatchObject({ documents: [{ id: ids[911] }, { id: ids[912] }], evidence: { sharedAddressees: ['TSB Director'] } });
      for (const c of r.candidates) expect(c.reason).toMatch(/^[A-Z0-9].*\.$/);
    });

    it('gives the same pairs from a full re-run as the incremental one', async () => {
      const before = (await report()).pairs.map((p) => [p.a.id, p.b.id, p.containment.toFixed(3)]);
      await runAndWait({ mode: 'full' });
      expect((await status()).run).toMatchObject({ mode: 'full', recomputed: 6 });
      expect((await report()).pairs.map((p) => [p.a.id, p.b.id, p.containment.toFixed(3)])).toEqual(before);
    });

    it('filters pairs by containment', async () => {
      const r = await report('?minContainment=0.95');
      expect(r.pairs.map((p) => p.a.id)).toEqual([ids[913]]);
      expect(r.totalPairs).toBe(1);
      expect((await viewer.inject('/api/overlaps/report?minContainment=2')).statusCode).toBe(400);
    });

    it('shows a pair side by side: both texts, and passages that point at the same words on each side', async () => {
      const d = (await viewer.inject(`/api/overlaps/pairs/${ids[912]}/${ids[911]}`)).json() as OverlapPairDetail;
      expect(d.a.document.id).toBe(ids[912]);
      expect(d.a.text).toContain('fellowship programme');
      expect(d.a.changedSince).toBe(false);
      expect(d.passages.length).toBeGreaterThan(0);
      for (const p of d.passages) expect(flat(d.a.text.slice(...p.a))).toBe(flat(d.b.text.slice(...p.b)));
      // The other order gives the same passages, sides swapped.
      const r = (await viewer.inject(`/api/overlaps/pairs/${ids[911]}/${ids[912]}`)).json() as OverlapPairDetail;
      expect(r.passages.map((p) => [p.b, p.a])).toEqual(d.passages.map((p) => [p.a, p.b]));
      expect([r.coverA, r.coverB]).toEqual([d.coverB, d.coverA]);
      // Two texts that do not overlap: their texts, no passages.
      const none = (await viewer.inject(`/api/overlaps/pairs/${ids[911]}/${ids[915]}`)).json() as OverlapPairDetail;
      expect(none.passages).toEqual([]);
      expect((await viewer.inject(`/api/overlaps/pairs/${ids[911]}/${ids[911]}`)).statusCode).toBe(400);
      expect((await viewer.inject(`/api/overlaps/pairs/${ids[911]}/999999`)).statusCode).toBe(404);
      expect((await viewer.inject(`/api/overlaps/pairs/1/abc`)).statusCode).toBe(400);
    });

    it('says which side changed since the run', async () => {
      await importDocuments(t.ctx, files([{ name: 'res912.txt', content: GAP_B.replace('fellowship programme from members', 'fellowship programme from members and sector members') }]));
      expect((await status()).stale).toEqual({ added: 0, changed: 1, removed: 0 });
      const d = (await viewer.inject(`/api/overlaps/pairs/${ids[911]}/${ids[912]}`)).json() as OverlapPairDetail;
      expect([d.a.changedSince, d.b.changedSince]).toEqual([false, true]);
    });
  });
}
