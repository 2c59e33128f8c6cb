import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { CitedEntry, CitingEntry, DocumentCitations, ReferenceItem, ReferencePage } from '@mandate/shared';
import { DIALECTS, FIXED_NOW, SHARED_DATA, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { anonymous, signIn, type Caller } from '../../test-support/auth.ts';
import { importDocuments } from '../library/import.service.ts';
import { patchDocument } from '../library/document-patch.service.ts';
import { reindexReferences } from './reindex-references.ts';
import { PP71_BUCHAREST } from './test-fixtures.ts';

const PP18 = path.join(SHARED_DATA, 'itu-pp18/pp18_final_acts_akn.xml');

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`references on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let viewer: Caller;
    const ids = { pp71: 0, pp64: 0, pp123: 0, pp71new: 0 };
    const get = async <T,>(url: string, as: Caller = viewer): Promise<T> => {
      const res = await as.inject(url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as T;
    };
    const docId = async (number: string, revision: string) =>
      (await t.db.kysely.selectFrom('documents').select('id').where('body', '=', 'PP').where('kind', '=', 'resolution').where('number', '=', number).where('revision', '=', revision).executeTakeFirstOrThrow()).id;

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      viewer = await signIn(app, t.ctx, 'viewer');
      const s = await importDocuments(t.ctx, [{ name: 'pp18_final_acts_akn.xml', content: fs.readFileSync(PP18) }]);
      expect(s.failed).toEqual([]);
      ids.pp71 = await docId('71', 'Rev. Dubai, 2018');
      ids.pp64 = await docId('64', 'Rev. Dubai, 2018');
      ids.pp123 = await docId('123', 'Rev. Dubai, 2018');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('stores the citations of every clause at import, with offsets into the clause text', async () => {
      const rows = await t.db.kysely
        .selectFrom('clause_references as r')
        .innerJoin('clauses as c', 'c.id', 'r.clause_id')
        .select(['r.text', 'r.start_offset', 'r.end_offset', 'c.text as clause', 'c.document_id', 'r.document_id as refDoc'])
        .execute();
      expect(rows.length).toBeGreaterThan(400);
      for (const r of rows) {
        expect(r.clause.slice(r.start_offset, r.end_offset)).toBe(r.text);
        expect(r.refDoc).toBe(r.document_id);
      }
    });

    it('resolves PP-18 citations of its own texts: "Resolution 71 (Rev. Dubai, 2018)"', async () => {
      const page = await get<ReferencePage>('/api/references?status=resolved&limit=500');
      const of71 = page.items.filter((i) => i.text === 'Resolution 71 (Rev. Dubai, 2018)');
      expect(of71.length).toBeGreaterThan(10);
      for (const i of of71) expect(i).toMatchObject({ status: 'resolved', document: { id: ids.pp71, label: 'PP Resolution 71 (Rev. Dubai, 2018)', status: 'in_force' }, current: null });
      expect(page.counts.resolved).toBe(page.total);
    });

    it('calls citations of older revisions outdated and points at the revision in force', async () => {
      const page = await get<ReferencePage>('/api/references?status=outdated&limit=500');
      expect(page.items.every((i) => i.status === 'outdated')).toBe(true);
      const busan = page.items.find((i) => i.citing.id === ids.pp64 && i.text === 'Resolution 71 (Rev. Busan, 2014)');
      expect(busan).toMatchObject({ clausePath: 'recalling/f', document: null, current: { id: ids.pp71 }, targetLabel: 'PP Resolution 71 (Rev. Busan, 2014)' });
      // A text recounting its own history ("recalling Resolution 125 (Rev. Busan, 2014)" in Resolution 125) is not reported.
      expect(page.items.filter((i) => i.current?.id === i.citing.id || i.document?.id === i.citing.id)).toEqual([]);
    });

    it('leaves out citations of texts the library keeps nothing of, unless asked', async () => {
      const [kept, only, all] = await Promise.all(['exclude', 'only', 'include'].map((e) => get<ReferencePage>(`/api/references?external=${e}&limit=1`)));
      expect(only!.total).toBeGreaterThan(100);
      expect(all!.total).toBe(kept!.total + only!.total);
      const external = await get<ReferencePage>('/api/references?external=only&limit=500');
      expect(external.items.every((i) => i.external && i.status === 'unknown')).toBe(true);
      expect(external.items.map((i) => i.target.body)).toEqual(expect.arrayContaining(['ITU-T', 'WTDC', 'UNGA']));
    });

    it('turns a resolved citation outdated once a newer revision is imported', async () => {
      const s = await importDocuments(t.ctx, [{ name: 'pp71-bucharest.txt', content: Buffer.from(PP71_BUCHAREST) }]);
      expect(s.failed).toEqual([]);
      ids.pp71new = await docId('71', 'Rev. Bucharest, 2022');
      const page = await get<ReferencePage>(`/api/references?documentId=${ids.pp123}&status=outdated`);
      const cite = page.items.find((i) => i.text === 'Resolution 71 (Rev. Dubai, 2018)');
      expect(cite).toMatchObject({ status: 'outdated', document: { id: ids.pp71, status: 'superseded' }, current: { id: ids.pp71new, label: 'PP Resolution 71 (Rev. Bucharest, 2022)' } });
      // Superseded texts are left out of the report unless asked for: PP 71 (Rev. Dubai, 2018) now is one.
      expect((await get<ReferencePage>(`/api/references?documentId=${ids.pp71}`)).total).toBe(0);
      expect((await get<ReferencePage>(`/api/references?documentId=${ids.pp71}&citing=all`)).total).toBeGreaterThan(0);
    });

    it('draws a document’s citation graph: what it cites and who cites it (or an older revision of it)', async () => {
      const g = await get<DocumentCitations>(`/api/documents/${ids.pp71new}/citations`);
      expect(g.document).toMatchObject({ id: ids.pp71new, status: 'in_force' });
      expect(g.cites.map((c: CitedEntry) => [c.targetLabel, c.status, c.external])).toEqual([
        ['PP Resolution 64 (Rev. Dubai, 2018)', 'resolved', false],
        ['PP Resolution 2 (Rev. Dubai, 2018)', 'resolved', false],
        ['Recommendation ITU-T A.1', 'unknown', true],
      ]);
      expect(g.cites[0]).toMatchObject({ document: { id: ids.pp64 }, count: 1, clauses: [{ path: 'considering/b' }] });
      const from123 = g.citedBy.find((c: CitingEntry) => c.citing.id === ids.pp123)!;
      expect(from123).toMatchObject({ status: 'outdated', targetLabel: 'PP Resolution 71 (Rev. Dubai, 2018)' });
      expect(from123.count).toBeGreaterThanOrEqual(from123.clauses.length);
      expect(from123.clauses.map((c) => c.path)).toEqual(expect.arrayContaining(['considering/a', 'considering/b']));
      // The older revision is cited too: by the same documents, for the same citations.
      const old = await get<DocumentCitations>(`/api/documents/${ids.pp71}/citations`);
      expect(old.citedBy.map((c) => c.citing.id)).toContain(ids.pp123);
      expect(old.cites.every((c) => c.document?.id !== ids.pp71)).toBe(true);
      expect((await viewer.inject('/api/documents/2147483000/citations')).statusCode).toBe(404);
    });

    it('replaces a document’s citations when it is imported again with new text, and keeps them when the text is the same', async () => {
      const before = await t.db.kysely.selectFrom('clause_references').select('id').where('document_id', '=', ids.pp71new).orderBy('id').execute();
      await importDocuments(t.ctx, [{ name: 'pp71-bucharest.txt', content: Buffer.from(PP71_BUCHAREST) }]);
      expect(await t.db.kysely.selectFrom('clause_references').select('id').where('document_id', '=', ids.pp71new).orderBy('id').execute()).toEqual(before);
      const changed = PP71_BUCHAREST.replace('Resolution 64 (Rev. Dubai, 2018) of this conference and ', '');
      await importDocuments(t.ctx, [{ name: 'pp71-bucharest.txt', content: Buffer.from(changed) }]);
      const g = await get<DocumentCitations>(`/api/documents/${ids.pp71new}/citations`);
      expect(g.cites.map((c) => c.targetLabel)).toEqual(['PP Resolution 2 (Rev. Dubai, 2018)', 'Recommendation ITU-T A.1']);
    });

    it('shows anonymous callers public documents only, resolved against the public library', async () => {
      const visitor = anonymous(app);
      expect((await get<ReferencePage>('/api/references', visitor)).total).toBe(0);
      expect((await visitor.inject(`/api/documents/${ids.pp123}/citations`)).statusCode).toBe(401);
      await patchDocument(t.ctx, ids.pp123, { isPublic: true });
      await patchDocument(t.ctx, ids.pp71, { isPublic: true });
      const page = await get<ReferencePage>('/api/references?citing=all&external=include&limit=500', visitor);
      expect(page.total).toBeGreaterThan(0);
      const visible = new Set([ids.pp123, ids.pp71]);
      const linked = page.items.flatMap((i: ReferenceItem) => [i.citing, i.document, i.current, ...i.candidates]).filter((d) => d !== null);
      expect(linked.every((d) => visible.has(d.id))).toBe(true);
      // The revision in force (Bucharest) is not public: visitors see the citation outdated, with nothing to point at.
      expect(page.items.find((i) => i.citing.id === ids.pp123 && i.text === 'Resolution 71 (Rev. Dubai, 2018)')).toMatchObject({ status: 'outdated', document: { id: ids.pp71 }, current: null });
      const g = await get<DocumentCitations>(`/api/documents/${ids.pp71}/citations`, visitor);
      expect(g.citedBy.map((c) => c.citing.id)).toEqual([ids.pp123]);
    });

    it('validates the query, pages, and exports the report as CSV', async () => {
      for (const q of ['status=bogus', 'status=', 'external=maybe', 'limit=0', 'documentId=abc']) {
        const res = await viewer.inject(`/api/references?${q}`);
        expect(res.statusCode, q).toBe(400);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      }
      const all = await get<ReferencePage>('/api/references?status=outdated,unknown&limit=500');
      const second = await get<ReferencePage>('/api/references?status=outdated,unknown&limit=5&offset=5');
      expect(second.items).toEqual(all.items.slice(5, 10));
      expect(all.total).toBe(all.counts.outdated + all.counts.unknown);
      const csv = await viewer.inject('/api/references/export?format=csv&status=outdated,unknown');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/attachment; filename="references-\d{4}-\d{2}-\d{2}\.csv"/);
      const lines = csv.body.replace(/^\ufeff/, '').trim().split('\n');
      expect(lines[0]).toMatch(/^status,external,citing_document/);
      expect(lines).toHaveLength(all.total + 1);
    });

    it('re-extracts every citation from the stored clause texts (the upgrade backfill)', async () => {
      const count = async () => Number((await t.db.kysely.selectFrom('clause_references').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const report = await get<ReferencePage>('/api/references?limit=1');
      await t.db.kysely.deleteFrom('clause_references').execute();
      expect(await reindexReferences(t.db.kysely)).toMatchObject({ references: before });
      expect(await count()).toBe(before);
      expect((await get<ReferencePage>('/api/references?limit=1')).counts).toEqual(report.counts);
    });
  });
}
