import { parseResolutionText } from '../server/src/analysis/text/parse-text.ts';
import { renderAknDocumentAsText } from '../server/src/analysis/text/render-text.ts';
import { printLabel } from '../server/src/analysis/common/labels.ts';
import type { ParsedClause, ParsedDocument } from '../server/src/analysis/types.ts';

/**
 * PP-18 round trip: each AKN document's own clauses are the truth; the
 * document is rendered to ITU-layout text, parsed back, and compared.
 *
 * A boundary is the offset in the rendered text where a clause begins: its
 * printed label ("a)", "2"), or its first word when it has none. Truth boundaries are found by locating
 * each true clause's first words in the rendered text, in order; a parsed
 * clause's boundary is its `start`. A predicted boundary is correct when it
 * equals a truth boundary exactly. Kind and heading accuracy are measured on
 * the clauses whose boundaries matched.
 */

export interface RoundTripScore {
  documents: number;
  truthClauses: number;
  parsedClauses: number;
  boundary: { precision: number; recall: number; f1: number };
  kindAccuracy: number;
  headingAccuracy: number;
  /** Documents with any boundary, kind or heading miss, for a person to look at. */
  imperfect: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Printed label and first words of a clause, as a pattern tolerant to wrapping and line-end hyphenation. */
function openingPattern(c: ParsedClause): RegExp {
  const label = printLabel(c.num);
  const words = [...(label ? [label] : []), ...c.text.split(/\s+/).filter(Boolean).slice(0, 6)];
  const word = (w: string) => [...w].map(escape).join('(?:-\\n)?');
  return new RegExp(words.map(word).join('\\s+'), 'g');
}

function truthBoundaries(doc: ParsedDocument, text: string): (number | null)[] {
  let cursor = 0;
  return doc.clauses.map((c) => {
    const re = openingPattern(c);
    re.lastIndex = cursor;
    const m = re.exec(text);
    if (!m) return null;
    cursor = m.index + 1;
    return m.index;
  });
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const round = (x: number) => Math.round(x * 10000) / 10000;

export function scoreRoundTrip(docs: readonly ParsedDocument[], transform: (text: string) => string = (t) => t): RoundTripScore {
  let truthCount = 0;
  let parsedCount = 0;
  let matched = 0;
  let kindOk = 0;
  let headingOk = 0;
  const imperfect: string[] = [];
  for (const doc of docs) {
    const text = transform(renderAknDocumentAsText(doc));
    const truth = truthBoundaries(doc, text);
    const back = parseResolutionText(text);
    const byStart = new Map(back.clauses.map((c) => [c.start, c]));
    let ok = back.clauses.length === doc.clauses.length;
    truthCount += doc.clauses.length;
    parsedCount += back.clauses.length;
    doc.clauses.forEach((c, i) => {
      const at = truth[i];
      const hit = at === null || at === undefined ? undefined : byStart.get(at);
      if (!hit) return void (ok = false);
      matched++;
      if (hit.kind === c.kind) kindOk++;
      else ok = false;
      if (hit.heading === c.heading) headingOk++;
      else ok = false;
    });
    if (!ok) imperfect.push(`${doc.kind} ${doc.number}`);
  }
  const precision = ratio(matched, parsedCount);
  const recall = ratio(matched, truthCount);
  return {
    documents: docs.length,
    truthClauses: truthCount,
    parsedClauses: parsedCount,
    boundary: { precision: round(precision), recall: round(recall), f1: round((2 * precision * recall) / (precision + recall || 1)) },
    kindAccuracy: round(ratio(kindOk, matched)),
    headingAccuracy: round(ratio(headingOk, matched)),
    imperfect,
  };
}
