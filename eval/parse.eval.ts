/**
 * npm run eval:parse [-- --strict]
 *
 * Measures the text parser on the shared data and prints a JSON report
 * (PP-18 round trip, plain and re-wrapped; UNSC operative counts and cited
 * resolutions against eval/labels). With --strict, exits 1 when a target is
 * missed; without it, always 0, so CI can quote the figures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAkn } from '../server/src/analysis/akn/parse-akn.ts';
import { scoreRoundTrip } from './pp18-roundtrip.ts';
import { rewrapHyphenated } from '../server/src/analysis/text/render-text.ts';
import { scoreUnsc } from './unsc-labels.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(ROOT, '../shared/data');
const PP18 = path.join(DATA, 'itu-pp18/pp18_final_acts_akn.xml');
const UNSC = path.join(DATA, 'unsc-resolutions/texts');

const TARGETS = { boundaryF1: 0.97, kindAccuracy: 0.99, operativeExact: 0.95, referencePrecision: 0.98, referenceRecall: 0.95 };

for (const p of [PP18, UNSC]) {
  if (!existsSync(p)) {
    console.error(`eval:parse: missing ${p}; the shared data must sit beside the repository (../shared/data)`);
    process.exit(2);
  }
}

const readLabels = (name: string) => (JSON.parse(readFileSync(path.join(ROOT, 'eval/labels', name), 'utf8')) as { labels: Record<string, never> }).labels;

const { documents } = parseAkn(readFileSync(PP18, 'utf8'));
const pp18 = scoreRoundTrip(documents);
const pp18Rewrapped = scoreRoundTrip(documents, rewrapHyphenated);

const files = readdirSync(UNSC).filter((f) => f.endsWith('.txt')).sort();
const texts = new Map(files.map((f) => [f, readFileSync(path.join(UNSC, f), 'utf8')]));
const unsc = scoreUnsc(texts, readLabels('unsc-operative.json'), readLabels('unsc-references.json'));

const checks = {
  pp18BoundaryF1: pp18.boundary.f1 >= TARGETS.boundaryF1,
  pp18KindAccuracy: pp18.kindAccuracy >= TARGETS.kindAccuracy,
  unscOperativeExact: unsc.operativeExact >= TARGETS.operativeExact,
  unscReferencePrecision: unsc.references.precision >= TARGETS.referencePrecision,
  unscReferenceRecall: unsc.references.recall >= TARGETS.referenceRecall,
};
const report = { targets: TARGETS, met: checks, pp18, pp18Rewrapped, unsc };
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
if (process.argv.includes('--strict') && Object.values(checks).includes(false)) process.exit(1);
