import type { FrequentShingles, UnitTable } from './candidates.ts';
import { rng } from './hash.ts';
import type { Params } from './options.ts';
import { radixSortPairs } from './radix.ts';

/**
 * Boilerplate: text shared by many documents that says nothing about whether
 * they are related ("Decides to remain seized of the matter", "Adopted
 * unanimously at the … meeting"). Document frequency alone cannot tell it from
 * a renewal series (30 Cyprus renewals share whole paragraphs, "remain seized"
 * is in 28 unrelated resolutions of the same corpus), so a shingle is
 * boilerplate when
 *   - it occurs in more than params.boilerplateHard documents (max(50, 5 %)), or
 *   - it occurs in at least params.boilerplateMin (5) documents and those
 *     documents are mostly unrelated: fewer than half of the pairs among them
 *     (all, or 45 sampled) are related, i.e. have containment ≥ 0.2 or share
 *     at least 40 words outside the passages holding this shingle (both
 *     counting everything but the first kind of boilerplate). Leaving out the
 *     shingle's own passage keeps a long formula (the Charter's "refrain in
 *     their international relations from the threat or use of force…") from
 *     vouching for itself, while a family of long resolutions that share
 *     several clauses, but not a fifth of their text, stays related.
 * Boilerplate words count neither for nor against containment, and the
 * passages made of them are reported apart.
 */

const SAMPLE = 45;
const COHESION = 0.5;

export function hardBoilerplate(frequent: FrequentShingles, p: Params): Uint8Array {
  const flags = new Uint8Array(frequent.count);
  for (let i = 0; i < frequent.count; i++) if (frequent.df[i]! > p.boilerplateHard) flags[i] = 1;
  return flags;
}

/**
 * Whether documents x < y count as related when judging shingle i: `positions` are the
 * words where the shingle starts in x, so a passage made of the shingle's own formula
 * can be left out ("related apart from this very text").
 */
export type RelatedFn = (x: number, y: number, positions: number[]) => boolean;

/** Adds to `flags` the frequent shingles whose documents are mostly unrelated to each other. */
export function softBoilerplate(frequent: FrequentShingles, units: UnitTable, related: RelatedFn, flags: Uint8Array): void {
  const docs: number[] = [];
  const posStart: number[] = [];
  const pos: number[] = [];
  const at = (q: number) => pos.slice(posStart[q]!, posStart[q + 1]!);
  for (let i = 0; i < frequent.count; i++) {
    if (flags[i]) continue;
    docs.length = 0;
    posStart.length = 0;
    pos.length = 0;
    for (let o = frequent.occStart[i]!; o < frequent.occStart[i + 1]!; o++) {
      const code = frequent.occ[o]!;
      const u = Math.floor(code / 256);
      const d = units.doc[u]!;
      if (docs[docs.length - 1] !== d) {
        docs.push(d);
        posStart.push(pos.length);
      }
      pos.push(units.tok[u]! + (code % 256));
    }
    posStart.push(pos.length);
    const n = docs.length;
    let pairs = 0;
    let linked = 0;
    if ((n * (n - 1)) / 2 <= SAMPLE) {
      for (let x = 0; x < n; x++) for (let y = x + 1; y < n; y++, pairs++) if (related(docs[x]!, docs[y]!, at(x))) linked++;
    } else {
      const next = rng(frequent.hash[i]!);
      for (; pairs < SAMPLE; pairs++) {
        const x = next() % n;
        let y = next() % (n - 1);
        if (y >= x) y++;
        const lo = Math.min(x, y);
        if (related(docs[lo]!, docs[Math.max(x, y)]!, at(lo))) linked++;
      }
    }
    if (linked < COHESION * pairs) flags[i] = 1;
  }
}

/** Per document: word intervals covered by flagged shingles ([s0, e0, s1, e1, …], disjoint, sorted), and the runs for the report. */
export interface DocBoilerplate {
  intervals: Map<number, Int32Array>;
  /** Maximal runs of overlapping flagged shingles: doc, first word, end word, key (same key = same passage). */
  runs: { doc: number; start: number; end: number; key: number }[];
}

export function docBoilerplate(frequent: FrequentShingles, flags: Uint8Array, units: UnitTable, p: Params, withRuns: boolean): DocBoilerplate {
  let n = 0;
  for (let i = 0; i < frequent.count; i++) if (flags[i]) n += frequent.occStart[i + 1]! - frequent.occStart[i]!;
  const docKey = new Uint32Array(n);
  const word = new Float64Array(n); // word position · 2^24 + shingle index
  const idx = new Uint32Array(n);
  n = 0;
  for (let i = 0; i < frequent.count; i++) {
    if (!flags[i]) continue;
    for (let o = frequent.occStart[i]!; o < frequent.occStart[i + 1]!; o++) {
      const code = frequent.occ[o]!;
      const u = Math.floor(code / 256);
      docKey[n] = units.doc[u]!;
      word[n] = (units.tok[u]! + (code % 256)) * 16777216 + i;
      idx[n] = n;
      n++;
    }
  }
  radixSortPairs(docKey, idx, n);
  const intervals = new Map<number, Int32Array>();
  const runs: DocBoilerplate['runs'] = [];
  const k = p.shingle;
  if (seqWord.length < n) {
    seqWord = new Float64Array(n);
    seqShingle = new Uint32Array(n);
  }
  for (let x = 0; x < n; ) {
    let y = x + 1;
    while (y < n && docKey[y] === docKey[x]) y++;
    const doc = docKey[x]!;
    const pos = new Float64Array(y - x);
    for (let q = x; q < y; q++) pos[q - x] = word[idx[q]!]!;
    pos.sort();
    const flat: number[] = [];
    let runFrom = 0;
    for (let q = 0; q < pos.length; q++) {
      const shingle = pos[q]! % 16777216;
      const w = (pos[q]! - shingle) / 16777216;
      seqWord[q] = w;
      seqShingle[q] = shingle;
      const last = flat.length - 1;
      if (last > 0 && w < flat[last]!) flat[last] = Math.max(flat[last]!, w + k);
      else {
        if (withRuns && q > runFrom) cores(frequent, doc, runFrom, q, k, runs);
        runFrom = q;
        if (last > 0 && w === flat[last]!) flat[last] = w + k;
        else flat.push(w, w + k);
      }
    }
    if (withRuns && pos.length > runFrom) cores(frequent, doc, runFrom, pos.length, k, runs);
    intervals.set(doc, Int32Array.from(flat));
    x = y;
  }
  return { intervals, runs };
}

let seqWord = new Float64Array(256);
let seqShingle = new Uint32Array(256);

/**
 * Splits a run of overlapping boilerplate shingles (seqWord/seqShingle[from, to)) into
 * cores, for the report: the most widespread shingle, extended while its neighbours are
 * in at least half as many documents; then the same on what is left on either side.
 * "4. Decides to remain seized of the question. Adopted at the 1520th meeting by 13
 * votes to none" gives the "remain seized" formula and the adoption line separately,
 * each keyed by its most widespread shingle, so variants of one formula group together.
 */
function cores(frequent: FrequentShingles, doc: number, from: number, to: number, k: number, runs: DocBoilerplate['runs']): void {
  const df = frequent.df;
  // Iterative (a long run must not exhaust the stack); very long runs are cut into windows first, so the work stays linear.
  const stack: number[] = [];
  for (let s = from; s < to; s += 1024) stack.push(s, Math.min(to, s + 1024));
  while (stack.length) {
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (lo >= hi) continue;
    let top = lo;
    for (let q = lo + 1; q < hi; q++) if (df[seqShingle[q]!]! > df[seqShingle[top]!]!) top = q;
    const floor = df[seqShingle[top]!]! / 2;
    let l = top;
    while (l > lo && df[seqShingle[l - 1]!]! >= floor) l--;
    let r = top;
    while (r + 1 < hi && df[seqShingle[r + 1]!]! >= floor) r++;
    runs.push({ doc, start: seqWord[l]!, end: seqWord[r]! + k, key: frequent.hash[seqShingle[top]!]! });
    stack.push(lo, l, r + 1, hi);
  }
}

export function wordsIn(intervals: Int32Array | undefined): number {
  let total = 0;
  if (intervals) for (let i = 0; i < intervals.length; i += 2) total += intervals[i + 1]! - intervals[i]!;
  return total;
}
