import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mandate } from '../test-support/cli.ts';
import { SHARED_DATA } from '../test-support/test-db.ts';
import { GAP_A, GAP_B } from '../modules/overlaps/test-fixtures.ts';

const PP18 = path.join(SHARED_DATA, 'itu-pp18/pp18_final_acts_akn.xml');

interface Output {
  run: { status: string; mode: string; documents: number; recomputed: number };
  candidates: { type: string; documents: { id: number; label: string }[]; reason: string; evidence: Record<string, unknown> }[];
  pairs: { a: { label: string }; b: { label: string }; containment: number; coverA: number; coverB: number; passages: number }[];
}

describe('mandate streamline (real engine, PP-18)', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-streamline-'));
    db = path.join(dir, 'lib.sqlite');
    expect((await mandate(['import', PP18, '--db', db])).code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the passages PP-18 texts share and gives every candidate a one-line reason', async () => {
    const r = await mandate(['streamline', '--db', db, '--json', '--min-containment', '0.1']);
    expect(r.code, r.stderr).toBe(0);
    // Not a terminal: no progress bar, nothing on stderr.
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Output;
    expect(out.run).toMatchObject({ status: 'done', mode: 'full', documents: 64 });
    expect(out.pairs.length).toBeGreaterThanOrEqual(5);
    for (const p of out.pairs) {
      expect(p.containment).toBeGreaterThanOrEqual(0.1);
      expect(p.a.label).toMatch(/^PP (Resolution|Decision|Recommendation) /);
      expect(p.passages).toBeGreaterThan(0);
    }
    // Resolutions 34 and 160 (Rev. Dubai, 2018) share long passages.
    expect(out.pairs.map((p) => `${p.a.label} | ${p.b.label}`)).toContain('PP Resolution 34 (Rev. Dubai, 2018) | PP Resolution 160 (Rev. Dubai, 2018)');
    expect(out.candidates.length).toBeGreaterThan(0);
    // PP-18 cites Busan (2014) revisions of texts it revised itself: those citations are outdated.
    expect(out.candidates.filter((c) => c.type === 'update').map((c) => c.documents[0]!.label)).toContain('PP Resolution 64 (Rev. Dubai, 2018)');
    for (const c of out.candidates) {
      expect(c.reason).toMatch(/^[A-Z].{10,300}\.$/);
      expect(c.reason).not.toContain('\n');
      expect(c.documents.length).toBeGreaterThan(0);
    }
  });

  it('updates incrementally after an import and proposes a merge it can explain', async () => {
    fs.writeFileSync(path.join(dir, 'res911.txt'), GAP_A);
    fs.writeFileSync(path.join(dir, 'res912.txt'), GAP_B);
    expect((await mandate(['import', path.join(dir, 'res911.txt'), path.join(dir, 'res912.txt'), '--db', db])).code).toBe(0);
    const r = await mandate(['streamline', '--db', db, '--json', '--min-containment', '0.5']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.run).toMatchObject({ status: 'done', mode: 'incremental', documents: 66 });
    expect(out.run.recomputed).toBeLessThan(66);
    expect(out.pairs.map((p) => p.a.label)).toEqual(['WTSA Resolution 911 (Rev. Testville, 2026)']);
    const merge = out.candidates.find((c) => c.type === 'merge');
    expect(merge?.documents.map((d) => d.label)).toEqual(['WTSA Resolution 911 (Rev. Testville, 2026)', 'WTSA Resolution 912 (Rev. Testville, 2026)']);
    expect(merge?.reason).toMatch(/^They share \d+% and \d+% of their texts in \d+ passages?, and both address TSB Director\.$/);
  });

  it('prints a readable summary, and refuses a bad threshold', async () => {
    const r = await mandate(['streamline', '--db', db, '--full']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Analysed 66 documents in [\d.]+ s \(full run #3\): \d+ pair\(s\) sharing 20% or more/);
    expect(r.stdout).toContain('\nmerge (1)\n');
    expect(r.stdout).toMatch(/ {2}\d+%\s+PP Resolution 34 \(Rev\. Dubai, 2018\)\s+↔\s+PP Resolution 160/);
    const bad = await mandate(['streamline', '--db', db, '--min-containment', '2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--min-containment must be a number from 0 to 1/);
  });
});
