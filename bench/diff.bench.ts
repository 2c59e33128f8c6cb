/**
 * node server/bin/run-ts.mjs bench/diff.bench.ts — revision diff speed
 * (diffRevisions) on PP-18: its longest resolution, and all 64 documents of
 * the Final Acts read as one long document, each against a revision made
 * here with a fixed seed (5 % of clauses dropped, 10 % reworded, 5 % added,
 * 2 % moved); plus the worst cases, every clause reworded and two unrelated
 * corpora. Median of several rounds after a warm-up, wall clock. Prints JSON.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAkn } from '../server/src/analysis/akn/parse-akn.ts';
import { diffRevisions } from '../server/src/analysis/lineage/diff-revisions.ts';
import type { ClauseLike } from '../server/src/analysis/lineage/types.ts';
import { parseResolutionText } from '../server/src/analysis/text/parse-text.ts';

const DATA = path.resolve(import.meta.dirname, '../../shared/data');
const PP18 = path.join(DATA, 'itu-pp18/pp18_final_acts_akn.xml');
const UNSC = path.join(DATA, 'unsc-resolutions/texts');
if (!existsSync(PP18) || !existsSync(UNSC)) {
  console.error(`bench diff: missing ${DATA}; the shared data must sit beside the repository`);
  process.exit(2);
}

const documents = parseAkn(readFileSync(PP18, 'utf8')).documents;
const whole = documents.flatMap((d) => d.clauses);
const longest = documents.reduce((a, b) => (b.clauses.length > a.clauses.length ? b : a)).clauses;
const unsc = readdirSync(UNSC).sort().slice(0, 300).flatMap((f) => parseResolutionText(readFileSync(path.join(UNSC, f), 'utf8'), { fileName: f }).clauses);

/** A deterministic pseudo-random revision (linear congruential generator, fixed seed). */
function revise(clauses: readonly ClauseLike[]): ClauseLike[] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: ClauseLike[] = [];
  for (const c of clauses) {
    const r = random();
    if (r < 0.05) continue;
    out.push(r < 0.15 ? { ...c, text: `${c.text.replace(/\b(?:the|of)\b/, 'a')} and further work` } : c);
    if (random() < 0.05) out.push({ ...c, path: `${c.path}/new`, text: `a new clause on spectrum monitoring number ${Math.floor(random() * 1e6)}` });
  }
  for (let k = 0; k < out.length * 0.02; k++) out.push(...out.splice(Math.floor(random() * out.length), 1));
  return out;
}

function time(older: readonly ClauseLike[], newer: readonly ClauseLike[], rounds = Number(process.env.ROUNDS ?? 7)) {
  for (let i = 0; i < 2; i++) diffRevisions(older, newer); // warm-up
  const ms: number[] = [];
  let summary;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    summary = diffRevisions(older, newer).summary;
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { older: older.length, newer: newer.length, medianMs: Math.round(ms[Math.floor(rounds / 2)]! * 10) / 10, summary };
}

const reworded = whole.map((c, i) => ({ ...c, text: c.text.split(' ').filter((_, k) => (k + i) % 5 !== 0).join(' ') }));
process.stdout.write(
  `${JSON.stringify(
    {
      longestResolution: time(longest, revise(longest)),
      wholeFinalActs: time(whole, revise(whole)),
      everyClauseReworded: time(whole, reworded, 3),
      unrelated: time(whole, unsc, 3),
      loadAverage: os.loadavg()[0],
      node: process.version,
    },
    null,
    2,
  )}\n`,
);
