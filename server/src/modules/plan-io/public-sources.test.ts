import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { anonymous, signIn, type Caller } from '../../test-support/auth.ts';
import { ITU_FIXTURE, ITU_FIXTURE_OLD } from '../../test-support/fixtures.ts';
import { importDocuments } from '../library/import.service.ts';
import { patchDocument } from '../library/document-patch.service.ts';
import { createAction } from '../actions/actions.service.ts';

/**
 * A public action item may cite clauses of documents that are not public.
 * The public reads the item (detail, list, every export format) without those
 * sources: their labels and clause keys would say what the library holds.
 * Signed-in readers see every source.
 */
for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`sources of public items shown to the public on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let viewer: Caller;
    let actionId: number;
    const PUBLIC_REV = 'Rev. Testville, 2026';
    const PRIVATE_REV = 'Testville, 2022';

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      viewer = await signIn(app, t.ctx, 'viewer');
      await importDocuments(t.ctx, [
        { name: 'new.txt', content: Buffer.from(ITU_FIXTURE) },
        { name: 'old.txt', content: Buffer.from(ITU_FIXTURE_OLD) },
      ]);
      const docs = await t.db.kysely.selectFrom('documents').select(['id', 'revision']).execute();
      const publicDoc = docs.find((d) => d.revision === PUBLIC_REV)!;
      await patchDocument(t.ctx, publicDoc.id, { isPublic: true });
      // One operative clause from each revision: the old one stays internal.
      const clauses = await t.db.kysely.selectFrom('clauses').select(['id', 'document_id']).where('path', '=', 'resolves/1').execute();
      expect(clauses).toHaveLength(2);
      actionId = (await createAction(t.ctx, { title: 'Keep fixtures short', description: '', status: 'in_progress', progress: 10, responsible: ['SG17'], collaborators: [], reportsTo: '', dueDate: null, recurrence: '', tags: [], clauseIds: clauses.map((c) => c.id), isPublic: true })).id;
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const exported = async (caller: Caller, format: 'csv' | 'json' | 'xlsx'): Promise<string> => {
      const res = await caller.inject(`/api/actions/export?format=${format}`);
      expect(res.statusCode).toBe(200);
      if (format !== 'xlsx') return res.body;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const cells: string[] = [];
      wb.eachSheet((ws) => ws.eachRow((row) => cells.push(JSON.stringify(row.values))));
      return cells.join('\n');
    };

    it('the public detail and list name only clauses of public documents', async () => {
      const detail = (await anonymous(app).inject(`/api/actions/${actionId}`)).json();
      expect(detail.sources.map((s: { label: string }) => s.label)).toEqual([expect.stringContaining(PUBLIC_REV)]);
      expect(JSON.stringify(detail)).not.toContain(PRIVATE_REV);
      const list = (await anonymous(app).inject('/api/actions')).json();
      expect(JSON.stringify(list)).not.toContain(PRIVATE_REV);
      const internal = (await viewer.inject(`/api/actions/${actionId}`)).json();
      expect(internal.sources).toHaveLength(2);
    });

    for (const format of ['csv', 'json', 'xlsx'] as const) {
      it(`the public ${format} export names only clauses of public documents`, async () => {
        const pub = await exported(anonymous(app), format);
        expect(pub).toContain(`${PUBLIC_REV}#resolves/1`);
        expect(pub).not.toContain(PRIVATE_REV);
        const internal = await exported(viewer, format);
        expect(internal).toContain(`${PRIVATE_REV}#resolves/1`);
      });
    }
  });
}
