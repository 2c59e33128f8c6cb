import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { multipart, testApp } from '../../test-support/api.ts';
import { signIn, type Caller } from '../../test-support/auth.ts';
import { ITU_FIXTURE } from '../../test-support/fixtures.ts';
import { importDocuments } from '../library/import.service.ts';
import { exportPlan } from './plan-export.service.ts';
import { importPlan } from './plan-import.service.ts';
import { HttpProblem } from '../../http/problem.ts';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`plan export and import on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    // Internal reads and every write need a signed-in user: these tests act as an admin with a real session.
    let admin: Caller;
    const snapshot = async () => (await admin.inject({ url: '/api/actions?limit=500' })).json();

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      admin = await signIn(app, t.ctx, 'admin');
      await importDocuments(t.ctx, [{ name: 'fixture.txt', content: Buffer.from(ITU_FIXTURE) }]);
      const suggestions = (await admin.inject({ url: '/api/suggestions' })).json().items;
      const a = (await admin.inject({ method: 'POST', url: `/api/suggestions/${suggestions[0].id}/accept`, payload: { collaborators: ['IETF', 'ISO'], tags: ['a', 'b'], dueDate: '2027-03-01' }, headers: { 'if-match': `"${suggestions[0].version}"` } })).json();
      const upd = await admin.inject({ method: 'POST', url: `/api/actions/${a.id}/updates`, payload: { date: '2026-02-01', text: 'Started; "quoted", with commas\nand a new line.', statusTo: 'in_progress', progress: 30, evidence: [{ label: 'TD 12', url: 'https://example.org/td12' }] }, headers: { 'if-match': `"${a.version}"` } });
      expect(upd.statusCode).toBe(201);
      await admin.inject({ method: 'POST', url: '/api/actions', payload: { title: 'Ünïcödé — العربية — 中文', description: 'x;y', status: 'ongoing', recurrence: 'annually', responsible: ['TSB'] } });
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    for (const format of ['csv', 'xlsx'] as const) {
      it(`round-trips the plan through ${format} without changing anything`, async () => {
        const before = await snapshot();
        const file = await exportPlan(t.ctx, format);
        const result = await importPlan(t.ctx, { name: `plan.${format}`, content: file.content });
        expect(result).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2, updatesAdded: 0 });
        expect(await snapshot()).toEqual(before);
        const again = await exportPlan(t.ctx, format);
        if (format === 'csv') expect(again.content.toString()).toBe(file.content.toString());
      });
    }

    it('rebuilds the plan and its timeline from an XLSX export in an empty database', async () => {
      const file = await exportPlan(t.ctx, 'xlsx');
      const other = await dialect.open(FIXED_NOW);
      try {
        await importDocuments(other.ctx, [{ name: 'fixture.txt', content: Buffer.from(ITU_FIXTURE) }]);
        const r = await importPlan(other.ctx, { name: 'plan.xlsx', content: file.content });
        expect(r).toMatchObject({ created: 2, updatesAdded: 1 });
        const a = (await exportPlan(t.ctx, 'csv')).content.toString();
        const b = (await exportPlan(other.ctx, 'csv')).content.toString();
        expect(b).toBe(a);
      } finally {
        await other.cleanup();
      }
    });

    it('applies edits made in the spreadsheet', async () => {
      const csv = (await exportPlan(t.ctx, 'csv')).content.toString().replace('Ongoing', 'On hold');
      const r = await importPlan(t.ctx, { name: 'plan.csv', content: Buffer.from(csv) });
      expect(r).toMatchObject({ updated: 1, unchanged: 1 });
      expect((await admin.inject({ url: '/api/actions?status=on_hold' })).json().total).toBe(1);
    });

    it('rejects a CSV with bad rows whole, naming each row and column', async () => {
      const before = await snapshot();
      const csv = [
        'ref,title,status,progress,due_date,sources',
        'A-0900,Fine row,In progress,10,2026-01-01,',
        'A-0901,Bad status,doing,10,,',
        'A-0902,Bad progress,Completed,140,,',
        ',,Completed,,31/12/2026,',
        'A-0904,Bad source,Completed,100,,WTSA/resolution/999/x#resolves/1',
      ].join('\n');
      const upload = multipart('file', [{ name: 'plan.csv', content: csv }]);
      const res = await admin.inject({ method: 'POST', url: '/api/actions/import', ...upload });
      expect(res.statusCode).toBe(400);
      const locations = res.json().errors.map((e: { location: string }) => e.location);
      expect(locations).toEqual(expect.arrayContaining(['row 3, column status', 'row 4, column progress', 'row 5, column title', 'row 5, column due_date']));
      expect(await snapshot()).toEqual(before);

      const unresolved = 'ref,title,sources\nA-0904,Bad source,WTSA/resolution/999/x#resolves/1\n';
      await expect(importPlan(t.ctx, { name: 'p.csv', content: Buffer.from(unresolved) })).rejects.toThrow(HttpProblem);
      expect(await snapshot()).toEqual(before);
    });

    it('rejects unknown columns and non-spreadsheets', async () => {
      const err = await importPlan(t.ctx, { name: 'p.csv', content: Buffer.from('title,colour\nx,blue\n') }).catch((e) => e);
      expect(err).toBeInstanceOf(HttpProblem);
      expect(err.errors[0]).toMatchObject({ location: 'row 1, column B' });
      expect(err.errors[0].message).toMatch(/unknown column "colour"/);
      const notXlsx = await importPlan(t.ctx, { name: 'p.xlsx', content: Buffer.from('hello') }).catch((e) => e);
      expect(notXlsx.status).toBe(400);
      const exported = await admin.inject({ url: '/api/actions/export?format=xlsx&status=ongoing,on_hold' });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toMatch(/spreadsheetml/);
    });

    it('exports formula-like text so spreadsheets show it instead of running it, and imports it back unchanged', async () => {
      const created = await admin.inject({ method: 'POST', url: '/api/actions', payload: { title: '=HYPERLINK("http://evil.example","click")', description: '@SUM(1+1)', reportsTo: '+TSAG', recurrence: '-1' } });
      expect(created.statusCode).toBe(201);
      const csv = (await exportPlan(t.ctx, 'csv')).content.toString();
      expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(csv).toMatch(/'@SUM\(1\+1\),[^\n]*'\+TSAG,[^\n]*'-1/);
      expect(await importPlan(t.ctx, { name: 'plan.csv', content: Buffer.from(csv) })).toMatchObject({ updated: 0, created: 0 });
      expect((await admin.inject(`/api/actions/${created.json().id}`)).json()).toMatchObject({ title: '=HYPERLINK("http://evil.example","click")', description: '@SUM(1+1)', reportsTo: '+TSAG', recurrence: '-1' });
    });

    it('keeps evidence written in plain words as a label, readable and stable through export and import', async () => {
      // Such a cell used to be stored with the words as its URL: the item's detail then failed its response schema (a 500, for good).
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Action plan').addRows([['ref', 'title'], ['W-0001', 'Evidence in words']]);
      wb.addWorksheet('Progress updates').addRows([['ref', 'date', 'text', 'evidence'], ['W-0001', '2026-02-01', 'Met.', 'Minutes C-19/35; javascript:alert(1); TD 12 <https://example.org/td12>; https://example.org/r']]);
      await importPlan(t.ctx, { name: 'words.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
      const id = (await t.db.kysely.selectFrom('actions').select('id').where('ref', '=', 'W-0001').executeTakeFirstOrThrow()).id;
      const res = await admin.inject(`/api/actions/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().updates[0].evidence).toEqual([
        { label: 'Minutes C-19/35', url: '' },
        { label: 'javascript:alert(1)', url: '' },
        { label: 'TD 12', url: 'https://example.org/td12' },
        { label: 'https://example.org/r', url: 'https://example.org/r' },
      ]);
      const file = await exportPlan(t.ctx, 'xlsx');
      expect(await importPlan(t.ctx, { name: 'again.xlsx', content: file.content })).toMatchObject({ updatesAdded: 0 });
      expect((await admin.inject(`/api/actions/${id}`)).json().updates).toHaveLength(1);
    });
  });
}
