import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ituDocx, ituPlainText } from '../analysis/extract/test-fixtures.ts';
import { mandate } from '../test-support/cli.ts';

const CORPUS = fileURLToPath(new URL('../demo/corpus/', import.meta.url));
const OLD = path.join(CORPUS, 'wtsa20-res-064.txt');
const NEW = path.join(CORPUS, 'wtsa24-res-064.txt');
const PP18 = fileURLToPath(new URL('../../../../shared/data/itu-pp18/pp18_final_acts_akn.xml', import.meta.url));

describe('mandate diff (no database)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-diff-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the summary and clauses as JSON, in the API’s shape', async () => {
    const r = await mandate(['diff', OLD, NEW, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.older).toMatchObject({ label: 'WTSA Resolution 64 (Rev. Geneva, 2022)', year: 2022 });
    expect(out.newer).toMatchObject({ label: 'WTSA Resolution 64 (Rev. New Delhi, 2024)', year: 2024 });
    expect(out.sameLineage).toBe(true);
    expect(out.summary).toEqual({ unchanged: 9, changed: 3, added: 6, removed: 2, moved: 0 });
    expect(out.clauses).toHaveLength(9 + 3 + 6 + 2);
    const sg13 = out.clauses.find((c: { new?: { path: string } }) => c.new?.path === 'instructs-study-group-13');
    expect(sg13).toMatchObject({ op: 'changed', old: { path: 'instructs-study-group-13', heading: 'instructs Study Group 13' } });
    expect(sg13.words).toContainEqual({ op: 'insert', text: 'the Internet of things and in future' });
  });

  it('prints a readable summary without colour, changes only unless --all', async () => {
    const r = await mandate(['diff', OLD, NEW]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b['); // no colour codes
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'WTSA Resolution 64 (Rev. Geneva, 2022) → WTSA Resolution 64 (Rev. New Delhi, 2024)',
      'unchanged 9 · changed 3 · added 6 · removed 2 · moved 0',
    ]);
    expect(r.stdout).toContain('[-next-generation-]{+the Internet of things and in future+}');
    expect(r.stdout).toContain('changed   invites-member-states-and-sector-members → invites-member-states-and-sector-members/1');
    expect(r.stdout).not.toMatch(/^unchanged +resolves/m);
    expect((await mandate(['diff', OLD, NEW, '--all'])).stdout).toMatch(/^unchanged +resolves\/1$/m);
  });

  it('finds no change between a DOCX and the same text typed by hand', async () => {
    fs.writeFileSync(path.join(dir, 'res.txt'), ituPlainText());
    fs.writeFileSync(path.join(dir, 'res.docx'), await ituDocx());
    const out = JSON.parse((await mandate(['diff', path.join(dir, 'res.txt'), path.join(dir, 'res.docx'), '--json'])).stdout);
    expect(out.summary).toMatchObject({ changed: 0, added: 0, removed: 0, moved: 0 });
    expect(out.summary.unchanged).toBeGreaterThan(3);
  });

  it('picks a document of an Akoma Ntoso collection with --number', async () => {
    const r = await mandate(['diff', PP18, PP18, '--number', '2', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).older.label).toBe('PP Resolution 2 (Rev. Dubai, 2018)');
    const many = await mandate(['diff', PP18, PP18]);
    expect(many.code).toBe(1);
    expect(many.stderr).toMatch(/holds \d+ documents .*pick one with --number/);
  });

  it('fails clearly on missing and unreadable files', async () => {
    fs.writeFileSync(path.join(dir, 'junk.txt'), Buffer.from([1, 2, 0, 3]));
    const missing = await mandate(['diff', path.join(dir, 'missing.txt'), NEW]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.txt: cannot read \(ENOENT\)/);
    const junk = await mandate(['diff', OLD, path.join(dir, 'junk.txt')]);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toMatch(/junk\.txt: byte 2: this is a binary file/);
    expect(junk.stderr).not.toMatch(/\.ts:\d+/);
  });
});
