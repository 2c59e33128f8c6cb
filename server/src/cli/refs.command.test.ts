import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { createContext } from '../http/context.ts';
import { importDocuments } from '../modules/library/import.service.ts';
import { PP71_BUCHAREST } from '../modules/references/test-fixtures.ts';
import { mandate } from '../test-support/cli.ts';
import { SHARED_DATA } from '../test-support/test-db.ts';

describe('mandate refs', () => {
  let dir: string;
  let db: string;
  let draft: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-refs-'));
    db = path.join(dir, 'lib.sqlite');
    // Imported in-process (faster than a child `mandate import`); the commands under test run as the real CLI.
    const lib = await openDatabase({ url: db });
    await importDocuments(createContext(lib), [{ name: 'pp18.xml', content: fs.readFileSync(path.join(SHARED_DATA, 'itu-pp18/pp18_final_acts_akn.xml')) }]);
    await lib.close();
    draft = path.join(dir, 'draft.txt');
    fs.writeFileSync(draft, PP71_BUCHAREST.replace('Resolution 2 (Rev. Dubai, 2018)', 'Resolution 2 (Rev. Busan, 2014)'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--all --json reports the library’s outdated citations with the revision in force', async () => {
    const r = await mandate(['refs', '--all', '--json', '--status', 'outdated', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.total).toBe(out.items.length);
    expect(out.items.every((i: { status: string }) => i.status === 'outdated')).toBe(true);
    expect(out.items).toContainEqual(
      expect.objectContaining({ text: 'Resolution 71 (Rev. Busan, 2014)', clausePath: 'recalling/f', citing: expect.objectContaining({ label: 'PP Resolution 64 (Rev. Dubai, 2018)' }), current: expect.objectContaining({ label: 'PP Resolution 71 (Rev. Dubai, 2018)' }) }),
    );
  });

  it('checks a file before import: offsets into its text, clause paths, statuses', async () => {
    const r = await mandate(['refs', draft, '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const [doc] = JSON.parse(r.stdout).documents;
    const text = fs.readFileSync(draft, 'utf8');
    expect(doc).toMatchObject({ label: 'PP Resolution 71 (Rev. Bucharest, 2022)', offsets: 'text', counts: { resolved: 1, outdated: 1 }, hiddenExternal: 1 });
    for (const ref of doc.references) expect(text.slice(ref.start, ref.end)).toBe(ref.text);
    expect(doc.references.map((x: { text: string; status: string; clausePath: string }) => [x.text, x.status, x.clausePath])).toEqual([
      ['Resolution 64 (Rev. Dubai, 2018)', 'resolved', 'considering/b'],
      ['Resolution 2 (Rev. Busan, 2014)', 'outdated', 'considering/b'],
    ]);
    const withExternal = JSON.parse((await mandate(['refs', draft, '--json', '--external', '--status', 'unknown', '--db', db])).stdout).documents[0];
    expect(withExternal.references).toEqual([expect.objectContaining({ text: 'Recommendation ITU-T A.1', external: true })]);
  });

  it('prints a readable table without --json', async () => {
    const r = await mandate(['refs', draft, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/STATUS\s+CLAUSE\s+CITATION\s+LIBRARY/);
    expect(r.stdout).toMatch(/outdated\s+considering\/b\s+Resolution 2 \(Rev\. Busan, 2014\)\s+now PP Resolution 2 \(Rev\. Dubai, 2018\)/);
    expect(r.stdout).toMatch(/1 resolved, 1 outdated, 0 unknown, 0 ambiguous; 1 citation\(s\) of texts the library does not keep left out/);
  });

  it('re-extracts the stored citations with --reindex', async () => {
    const r = await mandate(['refs', '--reindex', '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: 64, references: expect.any(Number) });
  });

  it('refuses bad input with a clear message and a non-zero exit', async () => {
    const cases: [string[], number, RegExp][] = [
      [['refs', '--db', db], 2, /give a FILE to check, or --all/],
      [['refs', draft, '--all', '--db', db], 2, /a FILE or --all, not both/],
      [['refs', '--all', '--status', 'stale', '--db', db], 2, /--status: expected one or more of resolved, outdated, unknown, ambiguous/],
      [['refs', path.join(dir, 'missing.txt'), '--db', db], 2, /missing\.txt: cannot read/],
    ];
    fs.writeFileSync(path.join(dir, 'junk.txt'), Buffer.from([1, 2, 0, 3]));
    cases.push([['refs', path.join(dir, 'junk.txt'), '--db', db], 1, /junk\.txt: byte 2: this is a binary file/]);
    for (const [args, code, message] of cases) {
      const r = await mandate(args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
