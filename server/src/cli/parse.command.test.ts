import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ituDocx, ituPlainText, textPdf } from '../analysis/extract/test-fixtures.ts';
import { mandate } from '../test-support/cli.ts';

const UNSC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../../shared/data/unsc-resolutions/texts/S_RES_0242_1967_EN_GOLD.txt');


describe('mandate parse (no database)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-parse-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints structure and references with offsets into the file’s UTF-8 text', async () => {
    const r = await mandate(['parse', UNSC, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const text = fs.readFileSync(UNSC, 'utf8');
    expect(out).toMatchObject({ textSource: 'file', body: 'UNSC', number: '242', revision: '1967', year: 1967 });
    expect(Object.keys(out.clauses[0])).toEqual(expect.arrayContaining(['kind', 'heading', 'addressee', 'num', 'text', 'start', 'end']));
    for (const c of out.clauses) expect(text.slice(c.start, c.end)).toContain(c.text.split(' ')[0]);
    expect(out.problems).toBeInstanceOf(Array);
  });

  it('reads DOCX and PDF into the same clauses as the plain text, and says where offsets point', async () => {
    fs.writeFileSync(path.join(dir, 'res.txt'), ituPlainText());
    fs.writeFileSync(path.join(dir, 'res.docx'), await ituDocx());
    fs.writeFileSync(path.join(dir, 'res.pdf'), await textPdf(ituPlainText()));
    const [txt, docx, pdf] = await Promise.all(['res.txt', 'res.docx', 'res.pdf'].map(async (f) => JSON.parse((await mandate(['parse', path.join(dir, f), '--json'])).stdout)));
    const shape = (d: { clauses: { path: string; text: string }[] }) => d.clauses.map((c) => [c.path, c.text]);
    expect(shape(docx)).toEqual(shape(txt));
    expect(shape(pdf)).toEqual(shape(txt));
    expect([txt.textSource, docx.textSource, pdf.textSource]).toEqual(['file', 'docx-extracted', 'pdf-extracted']);
    expect(txt.references.map((r: { text: string }) => r.text)).toEqual(['Resolution 101 (Rev. Dubai, 2018)', 'Question 4/20', 'Recommendation ITU-T A.1']);
  });

  it('fails clearly, with a non-zero exit, on bad input', async () => {
    fs.writeFileSync(path.join(dir, 'junk.txt'), Buffer.from([1, 2, 0, 3]));
    fs.writeFileSync(path.join(dir, 'fake.pdf'), 'not a pdf');
    const junk = await mandate(['parse', path.join(dir, 'junk.txt'), '--json']);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toMatch(/junk\.txt: byte 2: this is a binary file/);
    const fake = await mandate(['parse', path.join(dir, 'fake.pdf')]);
    expect(fake.code).toBe(1);
    expect(fake.stderr).toMatch(/named \.pdf but is a text file/);
    expect((await mandate(['parse', path.join(dir, 'missing.txt')])).code).toBe(2);
  });
});
