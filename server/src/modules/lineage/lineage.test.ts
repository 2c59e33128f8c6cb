import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DocumentDiff, DocumentLineage } from '@mandate/shared';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { anonymous, signIn, type Caller } from '../../test-support/auth.ts';
import { ITU_FIXTURE, ITU_FIXTURE_OLD } from '../../test-support/fixtures.ts';
import { importDocuments } from '../library/import.service.ts';
import { patchDocument } from '../library/document-patch.service.ts';

/**
 * The 2022 revision of the fixture as it might have read: no "invites"
 * section yet, one more resolves item (so "reviewed at every assembly" was 3),
 * and the report to TSAG not yet annual.
 */
const OLDER = ITU_FIXTURE_OLD.replace('1 to keep fixtures short;', '1 to keep fixtures short;\n\n2 to translate the fixtures into the six official languages;')
  .replace('2 that fixtures shall be reviewed', '3 that fixtures shall be reviewed')
  .replace('2 to report annually to TSAG on their use,', '2 to report to TSAG on their use,')
  .replace('\n\ninvites Member States\n\nto contribute further fixtures.', '');

/** Another resolution altogether. */
const OTHER = ITU_FIXTURE.replace('RESOLUTION 901', 'RESOLUTION 902').replace('Keeping test fixtures honest', 'Naming test fixtures');

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`lineage and revision diff on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let viewer: Caller;
    let public_: Caller;
    const ids = { newer: 0, older: 0, other: 0 };

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      const s = await importDocuments(t.ctx, [
        { name: 'new.txt', content: Buffer.from(ITU_FIXTURE) },
        { name: 'old.txt', content: Buffer.from(OLDER) },
        { name: 'other.txt', content: Buffer.from(OTHER) },
      ]);
      expect(s.failed).toEqual([]);
      const rows = await t.db.kysely.selectFrom('documents').select(['id', 'number', 'year']).execute();
      ids.newer = rows.find((r) => r.number === '901' && r.year === 2026)!.id;
      ids.older = rows.find((r) => r.number === '901' && r.year === 2022)!.id;
      ids.other = rows.find((r) => r.number === '902')!.id;
      // The public sees the current revision and the other resolution, not the 2022 text.
      await patchDocument(t.ctx, ids.newer, { isPublic: true });
      await patchDocument(t.ctx, ids.other, { isPublic: true });
      viewer = await signIn(app, t.ctx, 'viewer');
      public_ = anonymous(app);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('lists the revisions of a lineage, newest first, from any of them', async () => {
      for (const id of [ids.newer, ids.older]) {
        const res = await viewer.inject(`/api/documents/${id}/lineage`);
        expect(res.statusCode).toBe(200);
        const body = res.json() as DocumentLineage;
        expect(body.documentId).toBe(id);
        expect(body.items.map((r) => [r.id, r.revision, r.year, r.status])).toEqual([
          [ids.newer, 'Rev. Testville, 2026', 2026, 'in_force'],
          [ids.older, 'Testville, 2022', 2022, 'superseded'],
        ]);
        expect(body.items[0]!.label).toBe('WTSA Resolution 901 (Rev. Testville, 2026)');
      }
      const alone = (await viewer.inject(`/api/documents/${ids.other}/lineage`)).json() as DocumentLineage;
      expect(alone.items.map((r) => r.id)).toEqual([ids.other]);
    });

    it('diffs a document against its previous revision by default', async () => {
      const res = await viewer.inject(`/api/documents/${ids.newer}/diff`);
      expect(res.statusCode).toBe(200);
      const d = res.json() as DocumentDiff;
      expect([d.older.id, d.newer.id, d.sameLineage]).toEqual([ids.older, ids.newer, true]);
      expect(d.older.label).toBe('WTSA Resolution 901 (Testville, 2022)');
      expect(d.summary).toEqual({ unchanged: 6, changed: 1, added: 1, removed: 1, moved: 0 });
      const report = d.clauses.find((c) => c.op === 'changed')!;
      expect(report.old!.path).toBe(report.new!.path);
      expect(report.words).toContainEqual({ op: 'insert', text: 'annually ' });
      expect(report.similarity).toBeGreaterThan(0.5);
      // Renumbered (3 → 2) with the same text: unchanged, both paths given.
      expect(d.clauses.find((c) => c.old?.path === 'resolves/3')).toMatchObject({ op: 'unchanged', new: { path: 'resolves/2' }, similarity: 1 });
      expect(d.clauses.find((c) => c.op === 'removed')!.old!.text).toMatch(/six official languages/);
      expect(d.clauses.find((c) => c.op === 'added')!.new).toMatchObject({ heading: 'invites Member States', text: 'to contribute further fixtures.' });
      // Every clause of both revisions once.
      expect(d.clauses.filter((c) => c.old).length).toBe(d.older.clauseCount);
      expect(d.clauses.filter((c) => c.new).length).toBe(d.newer.clauseCount);
    });

    it('reads older to newer whichever way round it is asked, and the oldest compares with the next', async () => {
      const reversed = (await viewer.inject(`/api/documents/${ids.older}/diff?against=${ids.newer}`)).json() as DocumentDiff;
      const fromOldest = (await viewer.inject(`/api/documents/${ids.older}/diff`)).json() as DocumentDiff;
      const forward = (await viewer.inject(`/api/documents/${ids.newer}/diff?against=${ids.older}`)).json() as DocumentDiff;
      expect(reversed).toEqual(forward);
      expect(fromOldest).toEqual(forward);
    });

    it('compares documents of different lineages too, and says so', async () => {
      const d = (await viewer.inject(`/api/documents/${ids.other}/diff?against=${ids.newer}`)).json() as DocumentDiff;
      expect(d.sameLineage).toBe(false);
      expect(d.summary).toMatchObject({ unchanged: 8, changed: 0 });
    });

    it('answers problems for unknown documents and bad requests', async () => {
      const problems = [
        [`/api/documents/999999/lineage`, 404],
        [`/api/documents/999999/diff`, 404],
        [`/api/documents/${ids.newer}/diff?against=999999`, 404],
        [`/api/documents/${ids.newer}/diff?against=${ids.newer}`, 400],
        [`/api/documents/${ids.newer}/diff?against=first`, 400],
        [`/api/documents/${ids.newer}/diff?against=99999999999`, 400],
        [`/api/documents/${ids.other}/diff`, 400],
      ] as const;
      for (const [url, status] of problems) {
        const res = await viewer.inject(url);
        expect([url, res.statusCode]).toEqual([url, status]);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body).not.toMatch(/\.ts:\d+/);
      }
      expect((await viewer.inject(`/api/documents/${ids.other}/diff`)).json().detail).toMatch(/no other revision/);
    });

    it('shows anonymous callers public revisions only', async () => {
      const lineage = (await public_.inject(`/api/documents/${ids.newer}/lineage`)).json() as DocumentLineage;
      expect(lineage.items.map((r) => r.id)).toEqual([ids.newer]);
      expect((await public_.inject(`/api/documents/${ids.older}/lineage`)).statusCode).toBe(401);
      expect((await public_.inject(`/api/documents/${ids.older}/diff`)).statusCode).toBe(401);
      expect((await public_.inject(`/api/documents/${ids.newer}/diff?against=${ids.older}`)).statusCode).toBe(401);
      // The previous revision is not public: there is nothing to compare with by default.
      expect((await public_.inject(`/api/documents/${ids.newer}/diff`)).statusCode).toBe(400);
      const publicPair = await public_.inject(`/api/documents/${ids.newer}/diff?against=${ids.other}`);
      expect(publicPair.statusCode).toBe(200);
      expect((publicPair.json() as DocumentDiff).sameLineage).toBe(false);
    });
  });
}
