/**
 * Text-alignment scores of the PAN plagiarism-detection workshops (PAN 2010 onwards), as
 * defined by Potthast, Stein, Barrón-Cedeño and Rosso, "An Evaluation Framework for
 * Plagiarism Detection", COLING 2010, and used unchanged in the PAN 2012–2015 text
 * alignment tasks. Character-level and macro-averaged:
 *
 *   s ⊓ r  = s ∩ r if r detects s, else ∅       (r detects s: same document pair, and
 *                                                 the passages overlap in BOTH documents)
 *   prec(S, R) = 1/|R| · Σ_{r∈R} |⊔_{s∈S} (s ⊓ r)| / |r|
 *   rec(S, R)  = 1/|S| · Σ_{s∈S} |⊔_{r∈R} (s ⊓ r)| / |s|
 *   gran(S, R) = 1/|S_R| · Σ_{s∈S_R} |R_s|      (S_R: cases detected at all; R_s: detections of s)
 *   plagdet    = F1(prec, rec) / log2(1 + gran)
 *
 * A case or detection is the set of characters it covers in the suspicious document AND
 * in the source document, so |s| = |s_susp| + |s_src|. Edge cases follow the reference
 * implementation (pan09-plagiarism-detection-performance-measures.py): with no cases and
 * no detections precision and recall are 1; with one side empty they are 0; granularity
 * is 1 when nothing is detected.
 */

/** [start, end) in JavaScript string indices. */
export type Span = readonly [number, number];

export interface Annotation {
  /** the suspicious document (the one that took the passage) */
  susp: string;
  /** the source document */
  src: string;
  suspSpan: Span;
  srcSpan: Span;
}

export interface PanScores {
  precision: number;
  recall: number;
  f1: number;
  granularity: number;
  plagdet: number;
  cases: number;
  detections: number;
  /** cases with at least one detection */
  detectedCases: number;
}

const len = (s: Span) => Math.max(0, s[1] - s[0]);
const overlaps = (x: Span, y: Span) => x[0] < y[1] && y[0] < x[1];

/** r detects s: the same document pair, overlapping in the suspicious and in the source document. */
export function detects(s: Annotation, r: Annotation): boolean {
  return s.susp === r.susp && s.src === r.src && overlaps(s.suspSpan, r.suspSpan) && overlaps(s.srcSpan, r.srcSpan);
}

/** Characters of `within` covered by the union of `parts` (each clipped to `within`). */
function coveredChars(within: Span, parts: Span[]): number {
  const clipped = parts
    .map((p) => [Math.max(p[0], within[0]), Math.min(p[1], within[1])] as const)
    .filter((p) => p[1] > p[0])
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const [a, b] of clipped) {
    if (a > curEnd) {
      total += curEnd - curStart;
      curStart = a;
      curEnd = b;
    } else curEnd = Math.max(curEnd, b);
  }
  return total + (curEnd - curStart);
}

/**
 * |⊔_{y∈others, y detects x or x detects y} (x ∩ y)| / |x|: the share of x's characters
 * (both documents) covered by the annotations on the other side that overlap it.
 * "Detects" is symmetric, so one function serves recall (x = case) and precision (x = detection).
 */
function coveredShare(x: Annotation, others: Annotation[]): number {
  const size = len(x.suspSpan) + len(x.srcSpan);
  if (size === 0) return 0;
  const hits = others.filter((y) => detects(x, y));
  if (hits.length === 0) return 0;
  const susp = coveredChars(
    x.suspSpan,
    hits.map((h) => h.suspSpan),
  );
  const src = coveredChars(
    x.srcSpan,
    hits.map((h) => h.srcSpan),
  );
  return (susp + src) / size;
}

const pairKey = (a: Annotation) => `${a.susp}\u0000${a.src}`;

function byPair(list: Annotation[]): Map<string, Annotation[]> {
  const m = new Map<string, Annotation[]>();
  for (const a of list) {
    const k = pairKey(a);
    const l = m.get(k);
    if (l) l.push(a);
    else m.set(k, [a]);
  }
  return m;
}

function macro(xs: Annotation[], ys: Annotation[]): number {
  if (xs.length === 0 && ys.length === 0) return 1;
  if (xs.length === 0 || ys.length === 0) return 0;
  const index = byPair(ys);
  let sum = 0;
  for (const x of xs) sum += coveredShare(x, index.get(pairKey(x)) ?? []);
  return sum / xs.length;
}

export const recall = (cases: Annotation[], detections: Annotation[]) => macro(cases, detections);
export const precision = (cases: Annotation[], detections: Annotation[]) => macro(detections, cases);

export function granularity(cases: Annotation[], detections: Annotation[]): number {
  const index = byPair(detections);
  let detected = 0;
  let sum = 0;
  for (const s of cases) {
    const n = (index.get(pairKey(s)) ?? []).filter((r) => detects(s, r)).length;
    if (n > 0) {
      detected++;
      sum += n;
    }
  }
  return detected === 0 ? 1 : sum / detected;
}

export function plagdet(prec: number, rec: number, gran: number): number {
  if (prec + rec === 0 || gran < 1) return 0;
  return (2 * prec * rec) / (prec + rec) / Math.log2(1 + gran);
}

export function panScores(cases: Annotation[], detections: Annotation[]): PanScores {
  const p = precision(cases, detections);
  const r = recall(cases, detections);
  const g = granularity(cases, detections);
  const index = byPair(detections);
  const detectedCases = cases.filter((s) => (index.get(pairKey(s)) ?? []).some((d) => detects(s, d))).length;
  return {
    precision: p,
    recall: r,
    f1: p + r === 0 ? 0 : (2 * p * r) / (p + r),
    granularity: g,
    plagdet: plagdet(p, r, g),
    cases: cases.length,
    detections: detections.length,
    detectedCases,
  };
}
