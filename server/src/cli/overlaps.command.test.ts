import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mandate } from '../test-support/cli.ts';

const UNSC = path.resolve(import.meta.dirname, '../../../../shared/data/unsc-resolutions/texts');
const RENEWALS = ['0201_1965', '0206_1965', '0219_1965', '0220_1966'];

interface Out {
  documents: number;
  pairs: { a: string; b: string; containment: number; passages: { a: [number, number]; b: [number, number]; words: number }[] }[];
  boilerplate: { text: string; documents: number; occurrences: { id: string; start: number; end: number }[] }[];
}

describe.runIf(fs.existsSync(UNSC))('mandate overlaps (no database)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-overlaps-'));
    fs.mkdirSync(path.join(dir, 'unsc'));
    for (const n of [...RENEWALS, '0242_1967', '0082_1950']) fs.copyFileSync(path.join(UNSC, `S_RES_${n}_EN_GOLD.txt`), path.join(dir, 'unsc', `${n}.txt`));
    // Not UTF-8, and not .txt (ignored).
    fs.writeFileSync(path.join(dir, 'unsc', 'notes.md'), 'ignored');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints pairs with offsets into each file’s UTF-8 text, renewals paired, an unrelated text not', { timeout: 60_000 }, async () => {
    const r = await mandate(['overlaps', '--input', path.join(dir, 'unsc'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(''); // no progress bar when stderr is not a terminal
    const out = JSON.parse(r.stdout) as Out;
    expect(out.documents).toBe(6);
    expect(Object.keys(out)).toEqual(['documents', 'pairs', 'boilerplate']);
    const pair = out.pairs.find((p) => p.a === '0201_1965' && p.b === '0206_1965');
    expect(pair?.containment).toBeGreaterThan(0.7);
    for (const p of out.pairs) {
      expect(RENEWALS).toContain(p.a);
      expect(RENEWALS).toContain(p.b);
      const ta = fs.readFileSync(path.join(dir, 'unsc', `${p.a}.txt`), 'utf8');
      const tb = fs.readFileSync(path.join(dir, 'unsc', `${p.b}.txt`), 'utf8');
      for (const q of p.passages) {
        expect(q.a[1]).toBeLessThanOrEqual(ta.length);
        expect(q.b[1]).toBeLessThanOrEqual(tb.length);
        // Same words on both sides, give or take the edits inside.
        const wa = ta.slice(...q.a).split(/\W+/);
        const wb = new Set(tb.slice(...q.b).split(/\W+/));
        expect(wa.filter((w) => wb.has(w)).length).toBeGreaterThan(wa.length * 0.6);
      }
    }
    const human = await mandate(['overlaps', '--input', path.join(dir, 'unsc'), '--min-words', '12']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^6 documents, \d+ overlapping pairs/);
    expect(human.stdout).toMatch(/0201_1965 {2}0206_1965/);
  });

  it('fails clearly on an empty folder, a missing folder, bad options and a file that is not UTF-8 text', { timeout: 60_000 }, async () => {
    fs.mkdirSync(path.join(dir, 'empty'));
    const [empty, missing] = await Promise.all([mandate(['overlaps', '--input', path.join(dir, 'empty'), '--json']), mandate(['overlaps', '--input', path.join(dir, 'missing')])]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no \.txt files in this folder/);
    expect(missing.stderr).toMatch(/cannot read \(ENOENT\)/);
    expect((await mandate(['overlaps', '--input', path.join(dir, 'unsc'), '--min-words', '1'])).stderr).toMatch(/minWords must be a whole number from 2/);

    fs.mkdirSync(path.join(dir, 'bad'));
    fs.writeFileSync(path.join(dir, 'bad', 'latin1.txt'), Buffer.from('R\xe9solution du Conseil', 'latin1'));
    fs.writeFileSync(path.join(dir, 'bad', 'binary.txt'), Buffer.from([1, 2, 0, 3]));
    fs.copyFileSync(path.join(UNSC, 'S_RES_0201_1965_EN_GOLD.txt'), path.join(dir, 'bad', 'a.txt'));
    fs.copyFileSync(path.join(UNSC, 'S_RES_0206_1965_EN_GOLD.txt'), path.join(dir, 'bad', 'b.txt'));
    fs.writeFileSync(path.join(dir, 'bad', 'empty.txt'), '');
    const [bad, skipped] = await Promise.all([mandate(['overlaps', '--input', path.join(dir, 'bad'), '--json']), mandate(['overlaps', '--input', path.join(dir, 'bad'), '--json', '--skip-bad'])]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/binary\.txt: byte 2: this is a binary file.*--skip-bad/);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/skipped binary\.txt/);
    expect(skipped.stderr).toMatch(/skipped latin1\.txt: file: the file is not valid UTF-8 text/);
    const out = JSON.parse(skipped.stdout) as Out;
    expect(out.documents).toBe(3);
    expect(out.pairs.map((p) => [p.a, p.b])).toEqual([['a', 'b']]);
  });

  it('uses worker threads when asked and gives the same result', { timeout: 60_000 }, async () => {
    const [one, two] = await Promise.all([mandate(['overlaps', '--input', path.join(dir, 'unsc'), '--json', '--workers', '1']), mandate(['overlaps', '--input', path.join(dir, 'unsc'), '--json', '--workers', '2'])]);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
