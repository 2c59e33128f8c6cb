/**
 * npm run bench:overlap -- [--paragraphs N] [--corpus FILE.jsonl] [--workers W] [--rounds R] [--json]
 *
 * Speed and memory of the overlap engine (server/src/analysis/overlap/):
 *  - signatures: paragraphs per second of the signature stage alone (tokenise,
 *    shingle, 128-permutation MinHash, LSH bands) with 1 worker and with W
 *    workers (default: one per core, at most 8), median of R rounds (default 3)
 *    after the workers are up;
 *  - end to end: findOverlapsParallel with W workers, one run: seconds per
 *    phase, candidate paragraph pairs, aligned pairs per second, pairs and
 *    boilerplate passages found, and the peak resident memory of the process
 *    (worker threads share the process, so it covers them; the corpus itself
 *    is in it too).
 * The corpus is the deterministic synthetic one (synthetic.ts: paragraphs of
 * log-normal length, median ~40 words, planted edited copies, boilerplate
 * formulas) with N paragraphs (default 100,000), or a JSONL file of {id, text}.
 * Prints JSON (--json) or the same as a short table.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { findOverlapsParallel, type OverlapDocument } from '../server/src/analysis/overlap/index.ts';
import { Pool, defaultWorkers, parallelSignatures } from '../server/src/analysis/overlap/parallel.ts';
import { makePlan } from '../server/src/analysis/overlap/pipeline.ts';
import { syntheticCorpus } from '../server/src/analysis/overlap/synthetic.ts';

const { values } = parseArgs({
  options: {
    paragraphs: { type: 'string', default: '100000' },
    corpus: { type: 'string' },
    workers: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    'skip-signatures': { type: 'boolean', default: false },
  },
});
const workers = Number(values.workers ?? defaultWorkers());
const rounds = Number(values.rounds);

let docs: OverlapDocument[];
let paragraphs: number;
let source: string;
const tGen = performance.now();
if (values.corpus) {
  docs = readFileSync(values.corpus, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const d = JSON.parse(l) as Partial<OverlapDocument>;
      if (typeof d.text !== 'string') throw new Error(`${values.corpus}: line ${i + 1}: expected {"id", "text"}`);
      return { id: String(d.id ?? i), text: d.text };
    });
  paragraphs = docs.reduce((n, d) => n + d.text.split(/\n[ \t]*\n/).filter((p) => /\S/.test(p)).length, 0);
  source = values.corpus;
} else {
  const c = syntheticCorpus({ paragraphs: Number(values.paragraphs) });
  docs = c.documents;
  paragraphs = c.paragraphs;
  source = 'synthetic';
}
const generateSeconds = (performance.now() - tGen) / 1000;
const chars = docs.reduce((n, d) => n + d.text.length, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Paragraphs per second (wall, median round) and per CPU-second of the whole process (all threads; steadier on a busy machine). */
async function signatureRate(size: number): Promise<{ wall: number; perCpuSecond: number }> {
  const plan = makePlan(docs, {}, true);
  const pool = new Pool(size);
  try {
    await pool.init({ type: 'init', id: 0, corpus: plan.corpus, params: plan.params });
    await parallelSignatures(pool, plan); // warm-up (JIT)
    const times: number[] = [];
    const cpus: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      const c = process.cpuUsage();
      await parallelSignatures(pool, plan);
      const used = process.cpuUsage(c);
      cpus.push((used.user + used.system) / 1e6);
      times.push((performance.now() - t) / 1000);
    }
    return { wall: Math.round(paragraphs / median(times)), perCpuSecond: Math.round(paragraphs / median(cpus)) };
  } finally {
    await pool.close();
  }
}

const signatures = values['skip-signatures'] ? null : { oneWorker: await signatureRate(1), [`${workers}Workers`]: await signatureRate(workers) };

const phases: Record<string, number> = {};
let candidatePairs = 0;
let last = '';
let lastAt = 0;
const t0 = performance.now();
const result = await findOverlapsParallel(docs, {
  workers,
  onProgress: (p) => {
    if (p.phase === 'align' && p.done === 0) candidatePairs = p.total;
    if (p.phase !== last) {
      const now = (performance.now() - t0) / 1000;
      if (last) phases[last] = round(now - lastAt);
      else phases.startup = round(now);
      last = p.phase;
      lastAt = now;
    }
  },
});
const seconds = (performance.now() - t0) / 1000;
phases[last] = round(seconds - lastAt);

const out = {
  corpus: source,
  documents: docs.length,
  paragraphs,
  megabytes: round((chars * 2) / 1e6 / 2, 1),
  generateSeconds: round(generateSeconds, 1),
  workers,
  signaturesParagraphsPerSecond: signatures,
  endToEnd: {
    seconds: round(seconds, 2),
    paragraphsPerSecond: Math.round(paragraphs / seconds),
    phases,
    candidatePairs,
    alignedPairsPerSecond: phases.align ? Math.round(candidatePairs / phases.align) : null,
    pairs: result.pairs.length,
    passages: result.pairs.reduce((n, p) => n + p.passages.length, 0),
    boilerplate: result.boilerplate.length,
  },
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  targets: { signaturesParagraphsPerSecond: 60_000, millionParagraphsSeconds: 60, peakRssMB: 4096 },
  cpus: os.availableParallelism(),
  loadAverage: round(os.loadavg()[0]!, 2),
  node: process.version,
};
if (values.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
else {
  console.log(`${out.corpus}: ${out.documents} documents, ${out.paragraphs} paragraphs, ~${out.megabytes} M characters`);
  if (signatures) console.log(`signatures: ${Object.entries(signatures).map(([k, v]) => `${k} ${v.wall.toLocaleString('en')}/s (${v.perCpuSecond.toLocaleString('en')} per CPU-second)`).join(', ')}`);
  console.log(`end to end (${workers} workers): ${out.endToEnd.seconds} s ${JSON.stringify(phases)}; ${candidatePairs} candidate pairs; ${out.endToEnd.pairs} pairs; peak RSS ${out.peakRssMB} MB`);
}
