import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openSqliteTestDb, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { multipart, testApp } from '../../test-support/api.ts';
import { withToken, type Caller } from '../../test-support/auth.ts';
import { buildZip, decoyZip, fileEntry, zerosEntry, type ZipEntry } from '../../test-support/zip-bomb.ts';
import { HttpProblem } from '../../http/problem.ts';
import { createAction } from '../actions/actions.service.ts';
import { exportPlan } from './plan-export.service.ts';
import { importPlan } from './plan-import.service.ts';

/**
 * A plan upload is at most 20 MB, but a workbook is a ZIP: a few hundred KB
 * can inflate to gigabytes, and exceljs (through JSZip) inflates every entry
 * in full, trusting the sizes the archive declares. These bombs must be
 * refused by our own reader before JSZip is even called. (The checks run
 * before the database is touched, so one dialect is enough here; the
 * importer property tests run on both.)
 */
describe('ZIP bombs in a plan workbook', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let editor: Caller;
  /** The entries of a real exported workbook, to hide bombs among. */
  let real: ZipEntry[];
  let realXlsx: Buffer;
  const loadAsync = vi.spyOn(JSZip, 'loadAsync');

  beforeAll(async () => {
    t = await openSqliteTestDb(FIXED_NOW);
    app = await testApp(t);
    editor = await withToken(app, t.ctx, 'editor');
    await createAction(t.ctx, { title: 'Exported once', description: '', status: 'in_progress', progress: 10, responsible: ['SG17'], collaborators: [], reportsTo: '', dueDate: null, recurrence: '', tags: [], clauseIds: [], isPublic: false });
    realXlsx = (await exportPlan(t.ctx, 'xlsx')).content;
    const zip = await JSZip.loadAsync(realXlsx);
    real = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => fileEntry(f.name, await f.async('uint8array'))));
  });
  beforeEach(() => {
    loadAsync.mockClear();
  });
  afterAll(async () => {
    loadAsync.mockRestore();
    await app?.close();
    await t?.cleanup();
  });

  const upload = (content: Buffer) => editor.inject({ method: 'POST', url: '/api/actions/import', ...multipart('file', [{ name: 'plan.xlsx', content }]) });
  const actionCount = async () => Number((await t.db.kysely.selectFrom('actions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('still reads a real workbook (the checks do not refuse honest files)', async () => {
    const r = await importPlan(t.ctx, { name: 'plan.xlsx', content: realXlsx });
    expect(r).toMatchObject({ rows: 1, unchanged: 1 });
    expect(loadAsync).toHaveBeenCalledTimes(1);
  });

  it('refuses 300 MB of zeros hidden in a workbook (by declared size), with 413 through the API', async () => {
    const bomb = buildZip([...real, zerosEntry('xl/media/image1.png', 300)]);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const res = await upload(bomb);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().detail).toMatch(/exceeds 100 MB: refused as a possible ZIP bomb/);
    expect(loadAsync).not.toHaveBeenCalled();
    expect(await actionCount()).toBe(1);
  });

  it('refuses an entry whose compression ratio is absurd, even under the total limit', async () => {
    const err = await importPlan(t.ctx, { name: 'plan.xlsx', content: buildZip([...real, zerosEntry('xl/worksheets/sheet3.xml', 60)]) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpProblem);
    expect(err).toMatchObject({ status: 413, detail: expect.stringMatching(/compression ratio \d+:1 is beyond 100:1/) });
    expect(loadAsync).not.toHaveBeenCalled();
  });

  it('refuses an entry that lies about its size (declares 1 KB, inflates to 300 MB) by inflating under a cap', async () => {
    const liar = zerosEntry('xl/sharedStrings.xml', 300, 1000);
    const res = await upload(buildZip([...real.filter((e) => e.name !== 'xl/sharedStrings.xml'), liar]));
    expect(res.statusCode).toBe(413);
    expect(res.json().errors[0]).toEqual({ location: 'zip entry xl/sharedStrings.xml', message: 'inflates beyond its declared size: refused as a possible ZIP bomb' });
    expect(loadAsync).not.toHaveBeenCalled();
  });

  it('refuses overlapping entries (many directory records pointing at one payload)', async () => {
    const res = await upload(buildZip([zerosEntry('xl/media/a.bin', 1, 1024 * 1024), ...real], { repeatFirst: 120 }));
    expect(res.statusCode).toBe(413);
    expect(loadAsync).not.toHaveBeenCalled();
  });

  it('refuses an archive that shows our reader one directory and JSZip another', async () => {
    // Shown: harmless padding large enough to sit where the hidden offsets need it; hidden: the real workbook plus a liar.
    const hidden = [...real, zerosEntry('xl/media/image1.png', 300, 1000)];
    const padding = fileEntry('pad.bin', randomBytes(2 * 1024 * 1024));
    const shown = [padding, ...Array.from({ length: hidden.length - 1 }, (_, i) => fileEntry(`x${i}.xml`, Buffer.from('<x/>')))];
    const res = await upload(decoyZip(shown, hidden));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toMatch(/central directory does not end where the archive says/);
    expect(loadAsync).not.toHaveBeenCalled();
  });

  it('refuses entity declarations inside the workbook XML (billion laughs, XXE) as unreadable', async () => {
    const zip = await JSZip.loadAsync(realXlsx);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('?>', `?>${laughs}`).replace(/<c r="A2"[^>]*>.*?<\/c>/, '<c r="A2" t="inlineStr"><is><t>&lol1;&xxe;</t></is></c>'));
    const res = await upload(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/root:/);
    expect(await actionCount()).toBe(1);
  });
});
