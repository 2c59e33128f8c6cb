import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Consolidation } from '@mandate/shared';
import { renderDraftText } from '../../analysis/consolidate/index.ts';
import { extractDocxText } from '../../analysis/extract/docx.ts';
import { ZipArchive } from '../../analysis/extract/zip.ts';
import { DIALECTS, FIXED_NOW, SHARED_DATA, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { anonymous, signIn, type Caller } from '../../test-support/auth.ts';
import { importDocuments } from '../library/import.service.ts';
import { patchDocument } from '../library/document-patch.service.ts';

const PP18 = path.join(SHARED_DATA, 'itu-pp18/pp18_final_acts_akn.xml');
/** A text's paragraphs, each unwrapped to one line. */
const paragraphsOf = (text: string) => text.trim().split('\n\n').map((p) => p.replace(/\n/g, ' '));

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`consolidated drafts on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let viewer: Caller;
    let visitor: Caller;
    /** PP-18 Resolutions 101 (IP-based networks) and 180 (IPv6), which recall the same UNGA resolutions and WTPF opinion. */
    let r101: number;
    let r180: number;
    let r64: number;

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      await importDocuments(t.ctx, [{ name: 'pp18_final_acts_akn.xml', content: fs.readFileSync(PP18) }]);
      const idOf = async (number: string) =>
        (await t.db.kysely.selectFrom('documents').select('id').where('body', '=', 'PP').where('kind', '=', 'resolution').where('number', '=', number).executeTakeFirstOrThrow()).id;
      [r101, r180, r64] = [await idOf('101'), await idOf('180'), await idOf('64')];
      viewer = await signIn(app, t.ctx, 'viewer');
      visitor = anonymous(app);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const consolidateAs = (who: Caller, documentIds: unknown) => who.inject({ method: 'POST', url: '/api/streamline/consolidate', payload: { documentIds } });
    const exportAs = (who: Caller, payload: object) => who.inject({ method: 'POST', url: '/api/streamline/consolidate/export', payload });

    it('consolidates two PP-18 resolutions: shared recitals once, with their origins, and a redline per resolution', async () => {
      const res = await consolidateAs(viewer, [r101, r180]);
      expect(res.statusCode).toBe(200);
      const body = res.json() as Consolidation;
      expect(body.sources.map((s) => [s.id, s.shortLabel, s.label])).toEqual([
        [r101, 'Res 101', 'PP Resolution 101 (Rev. Dubai, 2018)'],
        [r180, 'Res 180', 'PP Resolution 180 (Rev. Dubai, 2018)'],
      ]);
      const agenda = body.draft.clauses.filter((c) => c.text.includes('Resolution 70/1, on transforming our world'));
      expect(agenda).toHaveLength(1);
      expect(agenda[0]!.origin.map((o) => [o.sourceId, o.path])).toEqual([
        [r101, 'recalling/c'],
        [r180, 'considering/a'],
      ]);
      expect(body.draft.title).toBe('Internet Protocol-based networks');
      expect(body.redlines.map((r) => r.sourceId)).toEqual([r101, r180]);
      const r180Changes = body.redlines[1]!;
      // Accepting every change of the redline gives the draft's text.
      const accepted = r180Changes.paragraphs.filter((p) => p.op !== 'delete').map((p) => p.segments.filter((s) => s.op !== 'delete').map((s) => s.text).join(''));
      expect(accepted).toEqual(paragraphsOf(renderDraftText(body.draft)));
      expect(r180Changes.summary.equal + r180Changes.summary.changed).toBeGreaterThan(30);
    });

    it('downloads the draft as DOCX with tracked changes against one resolution', async () => {
      const res = await exportAs(viewer, { documentIds: [r101, r180], format: 'docx', against: r180 });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(res.headers['content-disposition']).toBe('attachment; filename="consolidated-draft-vs-pp-resolution-180-rev-dubai-2018.docx"');
      const xml = new TextDecoder().decode(new ZipArchive(res.rawPayload).read('word/document.xml')!);
      expect(xml).toContain('<w:ins w:id="1" w:author="Mandate" w:date="2026-06-15T10:00:00Z">');
      expect(xml).toMatch(/<w:del w:id="\d+" w:author="Mandate"/);
      expect(xml).toContain('<w:delText');
      const draft = (await consolidateAs(viewer, [r101, r180])).json().draft;
      // Our extractor reads what Word shows with the changes accepted: the draft.
      expect(paragraphsOf(extractDocxText(res.rawPayload))).toEqual(paragraphsOf(renderDraftText(draft)));
    });

    it('downloads the clean draft as text, and a text redline against one resolution', async () => {
      const draft = (await consolidateAs(viewer, [r101, r180])).json().draft;
      const clean = await exportAs(viewer, { documentIds: [r101, r180], format: 'txt' });
      expect(clean.statusCode).toBe(200);
      expect(clean.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(clean.headers['content-disposition']).toBe('attachment; filename="consolidated-draft.txt"');
      expect(clean.body).toBe(renderDraftText(draft));
      const clean2 = await exportAs(viewer, { documentIds: [r101, r180], format: 'docx' });
      expect(extractDocxText(clean2.rawPayload)).not.toBe('');
      const marked = await exportAs(viewer, { documentIds: [r101, r180], format: 'txt', against: r101 });
      expect(marked.body.startsWith('{+DRAFT CONSOLIDATED +}RESOLUTION[- 101 (Rev. Dubai, 2018)-]\n\n')).toBe(true);
    });

    it('lets visitors without an account consolidate public documents only', async () => {
      expect((await consolidateAs(visitor, [r101, r180])).statusCode).toBe(401);
      await patchDocument(t.ctx, r101, { isPublic: true });
      expect((await consolidateAs(visitor, [r101, r180])).statusCode).toBe(401);
      expect((await exportAs(visitor, { documentIds: [r101, r180], format: 'txt' })).statusCode).toBe(401);
      await patchDocument(t.ctx, r180, { isPublic: true });
      expect((await consolidateAs(visitor, [r101, r180])).statusCode).toBe(200);
      expect((await exportAs(visitor, { documentIds: [r101, r180], format: 'docx', against: r101 })).statusCode).toBe(200);
    });

    it('refuses what is not a merge: fewer than two, more than ten or repeated documents, unknown ones, a redline against another', async () => {
      for (const ids of [[r101], [r101, r101], Array.from({ length: 11 }, (_, i) => i + 1), [r101, 'x'], [r101, 2 ** 31]]) {
        const res = await consolidateAs(viewer, ids);
        expect(res.statusCode, JSON.stringify(ids)).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      const missing = await consolidateAs(viewer, [r101, 2_000_000]);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().detail).not.toMatch(/at .*\.ts/);
      expect((await exportAs(viewer, { documentIds: [r101, r180], format: 'txt', against: r64 })).statusCode).toBe(400);
      expect((await exportAs(viewer, { documentIds: [r101, r180], format: 'pdf' })).statusCode).toBe(400);
    });
  });
}
