import { buildFeatureSpace, candidatePairs, comparableText, similarity, similarityBound, type FeatureSpace } from './similarity.ts';
import type { ClauseLike, Match } from './types.ts';

/**
 * Pairs the clauses of two revisions, one-to-one, in three passes:
 *   1. identical texts;
 *   2. similar texts anywhere, best first, where a clause under the same
 *      heading and at about the same place needs less likeness;
 *   3. what is left between two pairs that kept their order (a "gap", as
 *      in a line diff's replaced hunk), under the same heading, with less
 *      likeness still: a clause reworded in place is more likely than one
 *      deleted and another written in its stead. Gaps are small, so every
 *      pair in one is scored (up to MAX_GAP_PAIRS).
 * Then the pairs that keep their relative order form the backbone.
 */

/** Likeness a reworded clause needs under the same heading… */
export const SAME_HEADING_THRESHOLD = 0.4;
/** …anywhere else, where a false pairing (a "moved" clause that is really new) costs more… */
export const OTHER_HEADING_THRESHOLD = 0.55;
/** …and in place, between the same two unchanged neighbours, under the same heading. */
export const IN_PLACE_THRESHOLD = 0.3;
/** A gap (one heading of it) with more pairs than this is a rewrite, not an edit: pass 3 skips it. */
const MAX_GAP_PAIRS = 250_000;

const sameHeading = (a: ClauseLike, b: ClauseLike) => a.kind === b.kind && a.heading === b.heading;

export interface Alignment {
  /** Every pair, sorted by its place in the older revision. */
  matches: Match[];
  /** The pairs that keep their relative order in both revisions; the others have moved. */
  inOrder: Set<Match>;
}

export function alignClauses(older: readonly ClauseLike[], newer: readonly ClauseLike[]): Alignment {
  const exact = exactMatches(older, newer);
  const oldTaken = new Set(exact.map((m) => m.old));
  const newTaken = new Set(exact.map((m) => m.new));
  const oldFree = older.map((_, i) => i).filter((i) => !oldTaken.has(i));
  const newFree = newer.map((_, j) => j).filter((j) => !newTaken.has(j));
  if (oldFree.length === 0 || newFree.length === 0) return withBackbone(exact);

  // One feature space over both revisions: ids 0..n-1 are older clauses, n.. newer ones.
  const space = buildFeatureSpace([...older, ...newer].map((c) => comparableText(c.text)));
  const similar = assignGreedily(scoreCandidates(space, older, newer, oldFree, newFree), oldTaken, newTaken);
  const first = withBackbone([...exact, ...similar]);
  const inPlace = matchInGaps(space, older, newer, first.inOrder, oldTaken, newTaken);
  for (const m of inPlace) first.inOrder.add(m);
  return { matches: [...first.matches, ...inPlace].sort((a, b) => a.old - b.old), inOrder: first.inOrder };
}

/** Identical texts, in document order; among several equal texts, one under the same heading first. */
function exactMatches(older: readonly ClauseLike[], newer: readonly ClauseLike[]): Match[] {
  const byText = new Map<string, number[]>();
  older.forEach((c, i) => {
    const key = comparableText(c.text);
    const list = byText.get(key);
    if (list) list.push(i);
    else byText.set(key, [i]);
  });
  const matches: Match[] = [];
  newer.forEach((c, j) => {
    const free = byText.get(comparableText(c.text));
    if (!free || free.length === 0) return;
    const k = Math.max(0, free.findIndex((i) => sameHeading(older[i]!, c)));
    const [i] = free.splice(k, 1);
    matches.push({ old: i!, new: j, similarity: 1 });
  });
  return matches;
}

interface Candidate extends Match {
  rank: number;
}

const byRank = (a: Candidate, b: Candidate) => b.rank - a.rank || a.new - b.new || a.old - b.old;

/** Scores the pairs of unpaired clauses that may reach their threshold (see `candidatePairs`), best rank first. */
function scoreCandidates(space: FeatureSpace, older: readonly ClauseLike[], newer: readonly ClauseLike[], oldFree: number[], newFree: number[]): Candidate[] {
  const n = older.length;
  const place = (i: number, length: number) => (length <= 1 ? 0 : i / (length - 1));
  const candidates: Candidate[] = [];
  for (const [target, sources] of candidatePairs(space, oldFree, newFree.map((j) => n + j), SAME_HEADING_THRESHOLD)) {
    const j = target - n;
    for (const i of sources) {
      const near = sameHeading(older[i]!, newer[j]!);
      const threshold = near ? SAME_HEADING_THRESHOLD : OTHER_HEADING_THRESHOLD;
      if (similarityBound(space, i, target) < threshold) continue;
      const score = similarity(space, i, target);
      if (score < threshold) continue;
      // Ties (a clause repeated with small changes) go to the same heading, then to the nearer place.
      const rank = score + (near ? 0.1 : 0) - 0.05 * Math.abs(place(i, older.length) - place(j, newer.length));
      candidates.push({ old: i, new: j, similarity: score, rank });
    }
  }
  return candidates.sort(byRank);
}

/** Best first, each clause at most once; marks what it takes. */
function assignGreedily(candidates: readonly Candidate[], oldTaken: Set<number>, newTaken: Set<number>): Match[] {
  const matches: Match[] = [];
  for (const c of candidates) {
    if (oldTaken.has(c.old) || newTaken.has(c.new)) continue;
    oldTaken.add(c.old);
    newTaken.add(c.new);
    matches.push({ old: c.old, new: c.new, similarity: c.similarity });
  }
  return matches;
}

/**
 * Pass 3: in each gap between two backbone pairs, the unpaired clauses under
 * the same heading, paired best first without crossing one another, so they
 * join the backbone.
 */
function matchInGaps(space: FeatureSpace, older: readonly ClauseLike[], newer: readonly ClauseLike[], backbone: ReadonlySet<Match>, oldTaken: Set<number>, newTaken: Set<number>): Match[] {
  const anchors = [...backbone].sort((a, b) => a.old - b.old);
  const n = older.length;
  const matches: Match[] = [];
  for (let g = 0; g <= anchors.length; g++) {
    const oldFrom = g === 0 ? 0 : anchors[g - 1]!.old + 1;
    const oldTo = g === anchors.length ? older.length : anchors[g]!.old;
    const newFrom = g === 0 ? 0 : anchors[g - 1]!.new + 1;
    const newTo = g === anchors.length ? newer.length : anchors[g]!.new;
    const olds = range(oldFrom, oldTo).filter((i) => !oldTaken.has(i));
    const news = range(newFrom, newTo).filter((j) => !newTaken.has(j));
    if (olds.length === 0 || news.length === 0 || olds.length * news.length > MAX_GAP_PAIRS) continue;
    const candidates: Candidate[] = [];
    for (const i of olds) {
      for (const j of news) {
        if (!sameHeading(older[i]!, newer[j]!) || similarityBound(space, i, n + j) < IN_PLACE_THRESHOLD) continue;
        const score = similarity(space, i, n + j);
        if (score >= IN_PLACE_THRESHOLD) candidates.push({ old: i, new: j, similarity: score, rank: score });
      }
    }
    const accepted: Match[] = [];
    for (const c of candidates.sort(byRank)) {
      if (oldTaken.has(c.old) || newTaken.has(c.new)) continue;
      if (accepted.some((m) => m.old < c.old !== m.new < c.new)) continue;
      const m = { old: c.old, new: c.new, similarity: c.similarity };
      accepted.push(m);
      oldTaken.add(c.old);
      newTaken.add(c.new);
    }
    matches.push(...accepted);
  }
  return matches;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

function withBackbone(pairs: Match[]): Alignment {
  const matches = pairs.sort((a, b) => a.old - b.old);
  return { matches, inOrder: orderBackbone(matches) };
}

/**
 * The pairs that keep their order in both revisions: the longest increasing
 * run of newer positions over pairs sorted by older position (patience
 * sorting, O(k log k)), i.e. the longest common subsequence over the pairs.
 */
export function orderBackbone(matches: readonly Match[]): Set<Match> {
  const tails: number[] = []; // tails[len-1]: index (in matches) of the smallest tail of a run of that length
  const previous = new Int32Array(matches.length).fill(-1);
  matches.forEach((m, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (matches[tails[mid]!]!.new < m.new) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const backbone = new Set<Match>();
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) backbone.add(matches[k]!);
  return backbone;
}
