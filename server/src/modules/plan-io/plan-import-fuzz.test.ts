import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { multipart, testApp } from '../../test-support/api.ts';
import { withToken, type Caller } from '../../test-support/auth.ts';
import { ITU_FIXTURE } from '../../test-support/fixtures.ts';
import { expectWellFormed, FUZZ_RUNS, FUZZ_TIMEOUT, nastyString, within } from '../../test-support/fuzz.ts';
import { mutated, truncated } from '../../test-support/mutate.ts';
import { HttpProblem } from '../../http/problem.ts';
import { importDocuments } from '../library/import.service.ts';
import { addUpdate, createAction } from '../actions/actions.service.ts';
import { exportPlan } from './plan-export.service.ts';
import { importPlan } from './plan-import.service.ts';

/**
 * Property tests for plan import (CSV and XLSX), through the service and
 * through POST /api/actions/import. Starting from real exports of a real
 * plan: bytes damaged or cut, cells replaced with hostile text (then written
 * back as valid CSV or a valid workbook, so the rows reach validation and the
 * database), XML inside the workbook damaged. The import succeeds or is
 * refused with a 4xx naming the problem, and a refusal changes nothing.
 */

type Grid = string[][];
/** Long and incompressible, as PostgreSQL's index limit (~2.7 KB after compression) needs to be tested. */
const LONG = randomBytes(3000).toString('base64');
const cellEdit = fc.tuple(fc.nat(), fc.nat(), fc.oneof(nastyString, fc.constantFrom('Completed', '100', '-1', 'abc', '2026-02-30', 'PP/resolution/2/Rev. Dubai, 2018#resolves/1', 'a; b; ; c', LONG, `${LONG}; y`)));

/** The grid with a few cells replaced (rows past the header, any column). */
function withHostileCells(grid: Grid): fc.Arbitrary<Grid> {
  return fc.array(cellEdit, { minLength: 1, maxLength: 5 }).map((edits) => {
    const g = grid.map((r) => [...r]);
    for (const [r, c, v] of edits) {
      const row = g[1 + (r % Math.max(g.length - 1, 1))];
      if (row) row[c % row.length] = v;
    }
    return g;
  });
}

async function toXlsx(sheets: Record<string, Grid>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(sheets)) wb.addWorksheet(name).addRows(grid);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The workbook with one XML part replaced (by a damaged copy), zipped again: exceljs's XML parser gets the blow. */
async function withPart(xlsx: Uint8Array, part: string, xml: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.file(part, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const XML_PARTS = ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/styles.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels'];

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`plan import of hostile files on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Caller;
    let csv: Uint8Array;
    let xlsx: Uint8Array;
    let planGrid: Grid;
    let updatesGrid: Grid;
    const xmlParts: Record<string, Uint8Array> = {};

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      editor = await withToken(app, t.ctx, 'editor');
      await importDocuments(t.ctx, [{ name: 'fixture.txt', content: Buffer.from(ITU_FIXTURE) }]);
      const clauseIds = (await t.db.kysely.selectFrom('clauses').select('id').limit(2).execute()).map((c) => c.id);
      const a = await createAction(t.ctx, { title: 'Report annually', description: 'd', status: 'in_progress', progress: 10, responsible: ['SG17'], collaborators: ['ISO'], reportsTo: 'TSAG', dueDate: '2027-01-01', recurrence: 'annually', tags: ['x'], clauseIds, isPublic: false });
      await addUpdate(t.ctx, a.id, { text: 'Started', date: '2026-01-02', statusTo: 'in_progress', progress: 20, evidence: [{ label: 'TD', url: 'https://example.org/td' }] }, a.version);
      csv = new Uint8Array((await exportPlan(t.ctx, 'csv')).content);
      xlsx = new Uint8Array((await exportPlan(t.ctx, 'xlsx')).content);
      planGrid = parse(Buffer.from(csv).toString('utf8'), { bom: true }) as Grid;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
      const zip = await JSZip.loadAsync(xlsx);
      for (const part of XML_PARTS) {
        const f = zip.file(part);
        if (f) xmlParts[part] = await f.async('uint8array');
      }
      updatesGrid = [];
      wb.getWorksheet('Progress updates')!.eachRow((row) => updatesGrid.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const hostilePlan = () =>
      fc.oneof(
        fc.record({ name: fc.constant('plan.csv'), content: fc.oneof(mutated(csv), truncated(csv), fc.uint8Array({ maxLength: 1024 })) }),
        fc.record({ name: fc.constant('plan.csv'), content: withHostileCells(planGrid).map((g) => new TextEncoder().encode(stringify(g))) }),
        fc.record({ name: fc.constant('plan.xlsx'), content: fc.oneof(mutated(xlsx), truncated(xlsx), fc.uint8Array({ maxLength: 1024 })) }),
        fc.record({ name: fc.constant('plan.xlsx'), content: fc.tuple(withHostileCells(planGrid), withHostileCells(updatesGrid)).map(([p, u]) => toXlsx({ 'Action plan': p, 'Progress updates': u })) }),
        fc.record({ name: fc.constant('plan.xlsx'), content: fc.constantFrom(...Object.keys(xmlParts)).chain((part) => mutated(xmlParts[part]!).map((xml) => withPart(xlsx, part, xml))) }),
      );

    const counts = async () => {
      const n = async (table: 'actions' | 'progress_updates') => Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      return { actions: await n('actions'), updates: await n('progress_updates') };
    };

    it('the import service imports or refuses with a 4xx naming the problem, and a refusal changes nothing', async () => {
      await fc.assert(
        fc.asyncProperty(hostilePlan(), async (file) => {
          const content = await file.content;
          const before = await counts();
          try {
            const r = await within(20_000, `import ${file.name}`, importPlan(t.ctx, { name: file.name, content }));
            expect(r.rows).toBeGreaterThan(0);
          } catch (err) {
            if (!(err instanceof HttpProblem)) throw err;
            expect(err.status).toBeGreaterThanOrEqual(400);
            expect(err.status).toBeLessThan(500);
            expect(await counts()).toEqual(before);
          }
        }),
        { numRuns: FUZZ_RUNS * 2, endOnFailure: true },
      );
    }, FUZZ_TIMEOUT);

    it('names an over-long cell in any column or sheet instead of failing in the database', async () => {
      for (const col of planGrid[0]!) {
        const grid = [planGrid[0]!, planGrid[0]!.map((c) => (c === col ? LONG : c === 'title' ? 'Long cell' : ''))];
        const res = await editor.inject({ method: 'POST', url: '/api/actions/import', ...multipart('file', [{ name: 'plan.csv', content: stringify(grid) }]) });
        expectWellFormed(res, `long ${col}`);
      }
      const updates = [updatesGrid[0]!, updatesGrid[1]!.map((c, i) => (updatesGrid[0]![i]!.toLowerCase() === 'text' ? LONG.repeat(10) : c))];
      await expect(importPlan(t.ctx, { name: 'plan.xlsx', content: await toXlsx({ 'Action plan': planGrid, 'Progress updates': updates }) })).rejects.toMatchObject({ status: 400 });
    });

    it('POST /api/actions/import answers 200 or a 4xx problem for any file', async () => {
      await fc.assert(
        fc.asyncProperty(hostilePlan(), async (file) => {
          const content = Buffer.from(await file.content);
          const res = await within(20_000, `upload ${file.name}`, editor.inject({ method: 'POST', url: '/api/actions/import', ...multipart('file', [{ name: file.name, content }]) }));
          expectWellFormed(res, `POST /api/actions/import ${file.name}`);
        }),
        { numRuns: FUZZ_RUNS, endOnFailure: true },
      );
    }, FUZZ_TIMEOUT);
  });
}
