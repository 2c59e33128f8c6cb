import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../test-support/test-db.ts';
import { mandate } from '../test-support/cli.ts';
import { ituDocx, ituPlainText, textPdf } from '../analysis/extract/test-fixtures.ts';

const PP18 = path.join(SHARED_DATA, 'itu-pp18/pp18_final_acts_akn.xml');


describe('mandate CLI', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-cli-'));
    db = path.join(dir, 'cli.sqlite');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports PP-18 and prints a JSON summary', async () => {
    const r = await mandate(['import', PP18, '--db', db, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ documents: 64, failed: [] });
    expect(s.clauses).toBeGreaterThan(1500);
    expect(s.suggestedActions).toBeGreaterThan(100);
    expect(Array.isArray(s.problems)).toBe(true);
    for (const p of s.problems) expect(Object.keys(p).sort()).toEqual(['file', 'location', 'message']);
  });

  it('prints stats as JSON', async () => {
    const r = await mandate(['stats', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.documents).toBe(64);
    expect(s.actions).toBe(0);
    expect(Object.keys(s.byStatus)).toContain('in_progress');
  });

  it('refuses bad files with a location, a non-zero exit and no change', async () => {
    const bad = path.join(dir, 'bad.xml');
    fs.writeFileSync(bad, '<akomaNtoso>\n  <statement>\n    <p>unclosed\n</akomaNtoso>');
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 200 * 1024 * 1024);
    const before = (await mandate(['stats', '--db', db, '--json'])).stdout;
    const r = await mandate(['import', bad, big, path.join(dir, 'missing.txt'), '--db', db, '--json']);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s.failed.map((f: { file: string }) => f.file)).toEqual(['bad.xml', 'big.txt', 'missing.txt']);
    expect(s.failed[0].location).toMatch(/line \d+/);
    expect(s.failed[1].message).toMatch(/limit/);
    expect(r.stderr).not.toMatch(/\.ts:\d+/);
    expect((await mandate(['stats', '--db', db, '--json'])).stdout).toBe(before);
    const human = await mandate(['import', bad, '--db', db]);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/FAILED bad\.xml line \d+/);
  });

  it('imports Word and PDF files: the same resolution twice is one document', async () => {
    const docx = path.join(dir, 'Resolution 64.docx');
    const pdf = path.join(dir, 'res64.pdf');
    fs.writeFileSync(docx, await ituDocx());
    fs.writeFileSync(pdf, await textPdf(ituPlainText()));
    // A database of its own: PP-18, imported above, holds the real Resolution 64 (Rev. Dubai, 2018).
    const r = await mandate(['import', docx, pdf, '--db', path.join(dir, 'office.sqlite'), '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ files: 2, documents: 2, created: 1, updated: 1, failed: [] });
    expect(s.clauses).toBeGreaterThanOrEqual(10);
  });

  it('exports the plan and refuses a bad CSV whole', async () => {
    const out = path.join(dir, 'plan.xlsx');
    const r = await mandate(['export', 'actions', '--format', 'xlsx', '--out', out, '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const csv = path.join(dir, 'plan.csv');
    fs.writeFileSync(csv, 'title,status,owner\nx,In progress,me\n');
    const bad = await mandate(['import', csv, '--db', db, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).failed[0]).toMatchObject({ file: 'plan.csv', location: 'row 1, column C' });
  });

  it('explains usage errors', async () => {
    const r = await mandate(['export', 'actions', '--format', 'pdf', '--db', db]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/pdf/);
  });
});
