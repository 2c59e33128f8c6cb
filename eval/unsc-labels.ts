import { parseResolutionText } from '../server/src/analysis/text/parse-text.ts';
import { topLevelOperativeCount } from './operative-count.ts';

/**
 * UNSC 1946–1979 against the hand-checked labels (eval/labels/README.md):
 * exact top-level operative count, and cited resolutions as a set of
 * "BODY NUMBER (YEAR or SESSION)" keys per file (micro-averaged).
 */

export interface UnscScore {
  resolutions: number;
  operativeExact: number;
  operativeMisses: { file: string; label: number; parsed: number }[];
  references: { labelled: number; found: number; precision: number; recall: number };
  referenceMisses: { file: string; missed: string[]; spurious: string[] }[];
}

/** The same key the labels use; citations without a year or session are outside the label's definition. */
export function referenceKeys(text: string, fileName: string): string[] {
  const doc = parseResolutionText(text, { fileName });
  const keys = (doc.references ?? [])
    .filter((r) => r.target.kind === 'resolution' && (r.target.body === 'UNSC' || r.target.body === 'UNGA'))
    .filter((r) => r.target.session !== undefined || r.target.year !== undefined)
    .map((r) => `${r.target.body} ${r.target.number} (${r.target.session ?? r.target.year})`);
  return [...new Set(keys)].sort();
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function scoreUnsc(texts: ReadonlyMap<string, string>, operative: Record<string, number>, references: Record<string, string[]>): UnscScore {
  const operativeMisses: UnscScore['operativeMisses'] = [];
  const referenceMisses: UnscScore['referenceMisses'] = [];
  let exact = 0;
  let labelled = 0;
  let found = 0;
  let correct = 0;
  for (const [file, text] of texts) {
    const doc = parseResolutionText(text, { fileName: file });
    const parsed = topLevelOperativeCount(doc.clauses);
    const label = operative[file];
    if (label === parsed) exact++;
    else operativeMisses.push({ file, label: label ?? -1, parsed });
    const truth = new Set(references[file] ?? []);
    const keys = referenceKeys(text, file);
    labelled += truth.size;
    found += keys.length;
    const hits = keys.filter((k) => truth.has(k));
    correct += hits.length;
    const missed = [...truth].filter((k) => !keys.includes(k));
    const spurious = keys.filter((k) => !truth.has(k));
    if (missed.length || spurious.length) referenceMisses.push({ file, missed, spurious });
  }
  return {
    resolutions: texts.size,
    operativeExact: round(exact / texts.size),
    operativeMisses,
    references: { labelled, found, precision: round(found ? correct / found : 1), recall: round(labelled ? correct / labelled : 1) },
    referenceMisses,
  };
}
