import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, SHARED_DATA, openSqliteTestDb, type TestDb } from '../../test-support/test-db.ts';
import { importDocuments } from '../library/import.service.ts';
import { runOverlapsNow } from './overlaps.service.ts';
import { runPairs } from './overlaps.repository.ts';
import { FRAUD_LARGE, FRAUD_SMALL, GAP_A, GAP_B } from './test-fixtures.ts';

const PP18 = path.join(SHARED_DATA, 'itu-pp18/pp18_final_acts_akn.xml');
const file = (name: string, content: string | Buffer) => ({ name, content: Buffer.from(content) });

/**
 * The incremental run against the truth: on PP-18 plus texts written for the
 * tests, documents are added and one changes, the incremental run re-reads
 * only some of the library, and a full run over the same library must find
 * the same pairs with the same containment.
 */
describe('incremental overlap runs on PP-18', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openSqliteTestDb(FIXED_NOW);
    await importDocuments(t.ctx, [file('pp18.xml', fs.readFileSync(PP18)), file('res911.txt', GAP_A), file('res913.txt', FRAUD_SMALL)]);
  });
  afterAll(() => t?.cleanup());

  const pairsOf = async (runId: number) =>
    (await runPairs(t.db.kysely, runId)).map((p) => ({ pair: `${p.doc_a}-${p.doc_b}`, containment: p.containment.toFixed(4), passages: p.passages })).sort((x, y) => x.pair.localeCompare(y.pair));

  it('gives the pairs a full run gives, reading a fraction of the library', async () => {
    const first = await runOverlapsNow(t.ctx, 'full');
    expect(first).toMatchObject({ status: 'done', mode: 'full', documents: 66 });

    await importDocuments(t.ctx, [file('res912.txt', GAP_B), file('res914.txt', FRAUD_LARGE), file('res911.txt', GAP_A.replace('held in a different region each year', 'held in a different region every second year'))]);
    const incremental = await runOverlapsNow(t.ctx, 'auto');
    expect(incremental).toMatchObject({ status: 'done', mode: 'incremental', base_run_id: first.id, documents: 68 });
    // 37 of 68 today: the WTSA texts and the PP texts sharing their wording (headings included, see incremental.ts).
    expect(incremental.recomputed).toBeLessThan(45);

    const full = await runOverlapsNow(t.ctx, 'full');
    expect(full).toMatchObject({ status: 'done', mode: 'full', recomputed: 68 });
    const got = await pairsOf(incremental.id);
    expect(got).toEqual(await pairsOf(full.id));
    expect(got.length).toBeGreaterThan(3);
  });
});
