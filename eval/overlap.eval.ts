/**
 * npm run eval:overlap [-- --strict] [-- --examples N]
 *
 * Measures the overlap engine (server/src/analysis/overlap, findOverlaps with its
 * defaults) and prints a JSON report:
 *
 * (a) document pairs: the engine runs on the WHOLE UNSC text set at once (as
 *     `mandate overlaps --input DIR` would), then the labelled pairs of
 *     eval/labels/overlap/pairs.json are read off: precision, recall and F1 at the
 *     default threshold, by category, and a threshold sweep;
 * (b) passages: the PAN-style benchmark of eval/overlap-passages.ts (passages pasted
 *     into unrelated texts with 0–20 % word edits): PAN precision, recall, granularity
 *     and plagdet (eval/pan-metrics.ts), overall and by edit rate and passage length.
 *
 * With --strict, exits 1 when a target is missed; without it, always 0 (exit 2: data missing).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findOverlaps, type OverlapPair, type OverlapResult } from '../server/src/analysis/overlap/index.ts';
import type { LabelledPair } from './labels/overlap/build-pairs.ts';
import { buildPassageBenchmark, LENGTHS, RATES, UNSC_DIR, loadTexts, type PassageCase } from './overlap-passages.ts';
import { detects, panScores, type Annotation } from './pan-metrics.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const LABELS = path.join(ROOT, 'eval/labels/overlap/pairs.json');
export const TARGETS = { pairPrecision: 0.95, pairRecall: 0.95, plagdet: 0.85 };
const SWEEP = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8];

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const EXAMPLES = Number(arg('--examples') ?? 12);
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const snippet = (text: string, [a, b]: readonly [number, number], max = 220) => {
  const s = text.slice(a, b).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: Math.round(performance.now() - t0) };
}

/** The engine's default threshold, if its options module says (for the report only). */
async function defaultThreshold(): Promise<number | null> {
  try {
    const m = (await import('../server/src/analysis/overlap/options.ts')) as { DEFAULTS?: { threshold?: number } };
    return m.DEFAULTS?.threshold ?? null;
  } catch {
    return null;
  }
}

const words = (t: string | undefined) => (t ?? '').split(/\s+/).filter(Boolean).length;
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const prf = (tp: number, fp: number, fn: number) => {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision: round(precision), recall: round(recall), f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)) };
};

// ---------------------------------------------------------------- (a) document pairs

function documentPairs(defaultT: number | null) {
  const files = loadTexts().filter((d) => d.id.startsWith('S_RES_'));
  const text = new Map(files.map((d) => [d.id, d.text]));
  const labels = (JSON.parse(readFileSync(LABELS, 'utf8')) as { pairs: LabelledPair[] }).pairs;
  const scored = labels.filter((l) => l.label !== 'unscored');

  const run = timed(() => findOverlaps(files));
  const again = findOverlaps(files);
  const deterministic = JSON.stringify(again) === JSON.stringify(run.value);
  const predicted = new Map(run.value.pairs.map((p) => [pairKey(p.a, p.b), p]));
  // every pair with any shared passage, for the sweep and for the containment of misses
  const all = timed(() => findOverlaps(files, { threshold: 0 }));
  const any = new Map(all.value.pairs.map((p) => [pairKey(p.a, p.b), p]));

  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const byCategory: Record<string, { label: string; pairs: number; predictedOverlap: number }> = {};
  const falseNegatives: object[] = [];
  const falsePositives: object[] = [];
  for (const l of scored) {
    const k = pairKey(l.a, l.b);
    const hit = predicted.get(k);
    const c = (byCategory[`${l.category}:${l.label}`] ??= { label: l.label, pairs: 0, predictedOverlap: 0 });
    c.pairs++;
    if (hit) c.predictedOverlap++;
    if (l.label === 'overlap') {
      if (hit) tp++;
      else {
        fn++;
        const low = any.get(k);
        falseNegatives.push({
          a: l.a,
          b: l.b,
          category: l.category,
          containmentAtThreshold0: low ? round(low.containment) : 0,
          passageWords: low?.passages.map((x) => x.words) ?? [],
          shorterDocWords: Math.min(words(text.get(l.a)), words(text.get(l.b))),
          why: l.why,
        });
      }
    } else if (hit) {
      fp++;
      const p = hit.passages[0];
      falsePositives.push({
        a: l.a,
        b: l.b,
        category: l.category,
        containment: round(hit.containment),
        passages: hit.passages.map((x) => x.words),
        firstPassage: p ? { a: snippet(text.get(hit.a) ?? '', p.a), b: snippet(text.get(hit.b) ?? '', p.b) } : null,
      });
    } else tn++;
  }
  const unscored = labels.filter((l) => l.label === 'unscored');
  const labelled = new Set(labels.map((l) => pairKey(l.a, l.b)));

  const sweep = SWEEP.map((t) => {
    let stp = 0;
    let sfp = 0;
    let sfn = 0;
    for (const l of scored) {
      const p = any.get(pairKey(l.a, l.b));
      const yes = !!p && p.containment >= t;
      if (l.label === 'overlap') {
        if (yes) stp++;
        else sfn++;
      } else if (yes) sfp++;
    }
    return { threshold: t, ...prf(stp, sfp, sfn), tp: stp, fp: sfp, fn: sfn, pairsReported: [...any.values()].filter((p) => p.containment >= t).length };
  });
  // the sweep filters one threshold-0 run by containment; check that this is what the default run reports
  const mismatch = defaultT === null ? null : [...any.values()].filter((p) => p.containment >= defaultT !== predicted.has(pairKey(p.a, p.b))).length;

  return {
    documents: files.length,
    deterministic,
    labelledPairs: { overlap: tp + fn, unrelated: fp + tn, unscored: unscored.length },
    defaultThreshold: defaultT,
    confusion: { tp, fp, fn, tn },
    ...prf(tp, fp, fn),
    byCategory,
    unscoredReportedByEngine: unscored.filter((l) => predicted.has(pairKey(l.a, l.b))).length,
    engine: {
      pairsReported: run.value.pairs.length,
      pairsReportedUnlabelled: run.value.pairs.filter((p) => !labelled.has(pairKey(p.a, p.b))).length,
      boilerplatePassages: run.value.boilerplate.length,
      topBoilerplate: [...run.value.boilerplate]
        .sort((x, y) => y.documents - x.documents)
        .slice(0, 5)
        .map((b) => ({ documents: b.documents, text: b.text.replace(/\s+/g, ' ').slice(0, 120) })),
    },
    sweep,
    sweepMatchesDefaultRun: mismatch === null ? null : mismatch === 0,
    falseNegatives: falseNegatives.slice(0, EXAMPLES),
    falsePositives: falsePositives.slice(0, EXAMPLES),
    timingMs: { defaultRun: run.ms, thresholdZeroRun: all.ms },
  };
}

// ---------------------------------------------------------------- (b) passages

function detectionsFor(pairs: Map<string, OverlapPair>, susp: string, src: string): Annotation[] {
  const p = pairs.get(pairKey(susp, src));
  if (!p) return [];
  return p.passages.map((x) => (p.a === susp ? { susp, src, suspSpan: x.a, srcSpan: x.b } : { susp, src, suspSpan: x.b, srcSpan: x.a }));
}

const scores = (cases: Annotation[], dets: Annotation[]) => {
  const s = panScores(cases, dets);
  return { ...s, precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), granularity: round(s.granularity), plagdet: round(s.plagdet) };
};

function passages() {
  const built = timed(() => buildPassageBenchmark());
  const bench = built.value;
  const text = new Map(bench.documents.map((d) => [d.id, d.text]));
  const run = timed((): OverlapResult => findOverlaps(bench.documents));
  const found = new Map(run.value.pairs.map((p) => [pairKey(p.a, p.b), p]));
  // PAN's text-alignment task hands over the pairs; threshold 0 shows alignment alone, without the document-pair cut
  const zero = timed((): OverlapResult => findOverlaps(bench.documents, { threshold: 0 }));
  const foundZero = new Map(zero.value.pairs.map((p) => [pairKey(p.a, p.b), p]));
  const zeroDets = bench.pairs.map((p) => ({ ...p, dets: detectionsFor(foundZero, p.susp, p.src) }));
  const alignmentOnly = {
    ...scores(
      bench.cases,
      zeroDets.flatMap((p) => p.dets),
    ),
    byRate: Object.fromEntries(
      RATES.map((r) => {
        const s = scores(
          bench.cases.filter((c) => c.rate === r),
          zeroDets.filter((p) => p.rate === r).flatMap((p) => p.dets),
        );
        return [`${r * 100}%`, { precision: s.precision, recall: s.recall, granularity: s.granularity, plagdet: s.plagdet }];
      }),
    ),
    cleanPairsFalseDetections: zeroDets.filter((p) => p.rate === null).reduce((n, p) => n + p.dets.length, 0),
  };

  const detsByPair = bench.pairs.map((p) => ({ ...p, dets: detectionsFor(found, p.susp, p.src) }));
  const allDets = detsByPair.flatMap((p) => p.dets);
  const overall = scores(bench.cases, allDets);
  const byRate = Object.fromEntries(
    RATES.map((r) => [
      `${r * 100}%`,
      scores(
        bench.cases.filter((c) => c.rate === r),
        detsByPair.filter((p) => p.rate === r).flatMap((p) => p.dets),
      ),
    ]),
  );
  const clean = detsByPair.filter((p) => p.rate === null);
  const byLength = Object.fromEntries(
    (Object.keys(LENGTHS) as (keyof typeof LENGTHS)[]).map((l) => {
      const s = panScores(
        bench.cases.filter((c) => c.length === l),
        allDets,
      );
      return [`${l} (${LENGTHS[l].join('–')} words)`, { cases: s.cases, detectedCases: s.detectedCases, recall: round(s.recall), granularity: round(s.granularity) }];
    }),
  );

  // examples for whoever tunes the engine
  const caseRecall = (c: PassageCase) => panScores([c], allDets).recall;
  const missed = bench.cases
    .map((c) => ({ c, recall: caseRecall(c), dets: allDets.filter((d) => detects(c, d)) }))
    .filter((x) => x.recall < 0.5)
    .map(({ c, recall, dets }) => ({
      case: c.id,
      rate: c.rate,
      words: c.words,
      edits: c.edits,
      susp: c.susp,
      src: c.src,
      recall: round(recall),
      detections: dets.length,
      pasted: snippet(text.get(c.susp) ?? '', c.suspSpan),
    }));
  const split = bench.cases
    .map((c) => ({ c, dets: allDets.filter((d) => detects(c, d)) }))
    .filter((x) => x.dets.length > 1)
    .map(({ c, dets }) => ({ case: c.id, rate: c.rate, words: c.words, pieces: dets.map((d) => [d.suspSpan[0] - c.suspSpan[0], d.suspSpan[1] - c.suspSpan[0]]), caseChars: c.suspSpan[1] - c.suspSpan[0] }));
  const falseDetections = allDets
    .filter((d) => !bench.cases.some((c) => detects(c, d)))
    .map((d) => ({ susp: d.susp, src: d.src, susp_text: snippet(text.get(d.susp) ?? '', d.suspSpan), src_text: snippet(text.get(d.src) ?? '', d.srcSpan) }));

  return {
    seed: bench.seed,
    documents: bench.documents.length,
    designatedPairs: bench.pairs.length,
    ...overall,
    byRate,
    cleanPairs: { pairs: clean.length, falseDetections: clean.reduce((n, p) => n + p.dets.length, 0) },
    byLength,
    missedCases: { count: missed.length, examples: missed.slice(0, EXAMPLES) },
    splitCases: { count: split.length, examples: split.slice(0, EXAMPLES) },
    falseDetections: { count: falseDetections.length, examples: falseDetections.slice(0, EXAMPLES) },
    alignmentOnly,
    timingMs: { generate: built.ms, engine: run.ms, engineThresholdZero: zero.ms },
  };
}

// ---------------------------------------------------------------- report

if (!existsSync(UNSC_DIR)) {
  console.error(`eval:overlap: missing ${UNSC_DIR}; the shared data must sit beside the repository (../shared/data)`);
  process.exit(2);
}
const t = await defaultThreshold();
const documents = documentPairs(t);
const passage = passages();
const met = {
  pairPrecision: documents.precision >= TARGETS.pairPrecision,
  pairRecall: documents.recall >= TARGETS.pairRecall,
  plagdet: passage.plagdet >= TARGETS.plagdet,
};
process.stdout.write(`${JSON.stringify({ targets: TARGETS, met, documents, passages: passage }, null, 2)}\n`);
if (process.argv.includes('--strict') && Object.values(met).includes(false)) process.exit(1);
