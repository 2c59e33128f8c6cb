import { collapseWhitespace } from '../common/text.ts';

/**
 * How alike two clause texts are: a weighted Dice coefficient over each
 * text's words and word pairs. Words keep the measure forgiving of rewording,
 * pairs make it notice reordering, and each feature weighs by how rare it is
 * in the two revisions (inverse document frequency), so "the", "to" and "of"
 * cannot make two unrelated clauses look alike.
 *
 * Built once per diff: every text is tokenised once into sorted feature ids,
 * candidates come from an inverted index over rare features only, and a pair
 * is scored only when its lengths allow the threshold at all.
 */

/**
 * The text compared for "the same": whitespace collapsed and a clause's
 * closing punctuation or conjunction dropped, which only say where the clause
 * stands in its list (the last item ends with ",", the others with ";" or "; and").
 */
export function comparableText(text: string): string {
  let t = collapseWhitespace(text);
  // A loop, not one end-anchored regex: that one is tried from every position of a long text.
  for (let before = -1; before !== t.length; ) {
    before = t.length;
    t = t.replace(/[,;.:]$/, '').replace(/(?:^| )(?:and|or)$/, '').trimEnd();
  }
  return t;
}

/** Lower-cased words: letters and digits, keeping inner dots, hyphens and apostrophes ("ipv6", "itu-t", "l.1470"). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu) ?? [];
}

export interface FeatureSpace {
  /** Sorted, distinct feature ids of each text. */
  features: Int32Array[];
  /** Sum of the weights of each text's features. */
  totals: Float64Array;
  weight: Float64Array;
  /** How many texts have each feature. */
  df: Int32Array;
}

/** Tokenises every text once and weighs features over all of them (both revisions together). */
export function buildFeatureSpace(texts: readonly string[]): FeatureSpace {
  const wordIds = new Map<string, number>();
  const words = texts.map((text) => Int32Array.from(wordsOf(text), (w) => {
    let id = wordIds.get(w);
    if (id === undefined) wordIds.set(w, (id = wordIds.size));
    return id;
  }));
  // A feature's key: a word by its id, a pair of words by (first + 1) · W + second, W the
  // number of words; small integers keep the map fast. (Past 2^53 keys would collide:
  // that only merges two features, and needs some hundred million distinct words.)
  const w = wordIds.size;
  const featureIds = new Map<number, number>();
  const idOf = (key: number) => {
    let id = featureIds.get(key);
    if (id === undefined) featureIds.set(key, (id = featureIds.size));
    return id;
  };
  const features = words.map((ws) => {
    const ids: number[] = [];
    for (let k = 0; k < ws.length; k++) {
      ids.push(idOf(ws[k]!));
      if (k > 0) ids.push(idOf((ws[k - 1]! + 1) * w + ws[k]!));
    }
    return distinctSorted(Int32Array.from(ids).sort());
  });
  const size = featureIds.size;
  const df = new Int32Array(size);
  for (const f of features) for (const id of f) df[id]! += 1;
  const n = Math.max(texts.length, 1);
  const weight = new Float64Array(size);
  for (let id = 0; id < size; id++) weight[id] = Math.log(1 + n / df[id]!);
  const totals = Float64Array.from(features, (f) => f.reduce((sum, id) => sum + weight[id]!, 0));
  return { features, totals, weight, df };
}

function distinctSorted(sorted: Int32Array): Int32Array {
  let k = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i]!;
  return sorted.subarray(0, k);
}

/** Weighted Dice of two texts of the space: 2·w(A∩B) / (w(A)+w(B)), by a merge of the sorted ids. */
export function similarity(space: FeatureSpace, a: number, b: number): number {
  const fa = space.features[a]!;
  const fb = space.features[b]!;
  const denominator = space.totals[a]! + space.totals[b]!;
  if (denominator === 0) return fa.length === 0 && fb.length === 0 ? 1 : 0;
  let shared = 0;
  for (let i = 0, j = 0; i < fa.length && j < fb.length; ) {
    if (fa[i]! < fb[j]!) i++;
    else if (fa[i]! > fb[j]!) j++;
    else {
      shared += space.weight[fa[i]!]!;
      i++;
      j++;
    }
  }
  return (2 * shared) / denominator;
}

/** The best Dice two texts of these weights could reach (all of the smaller one shared). */
export function similarityBound(space: FeatureSpace, a: number, b: number): number {
  const ta = space.totals[a]!;
  const tb = space.totals[b]!;
  return ta + tb === 0 ? 1 : (2 * Math.min(ta, tb)) / (ta + tb);
}

/**
 * For each text in `targets`, the texts in `sources` that may reach
 * `minSimilarity` with it, no pair missed (prefix filtering). A pair with
 * Dice ≥ θ shares at least α = θ/(2−θ) of either text's weight (neither can
 * share more than it has). Order every text's features one way for all,
 * rarest first, and cut off the longest tail weighing less than α of the
 * text: the first feature the pair shares lies before both cut-offs, or
 * everything shared would fit in one text's tail. So both sides are indexed
 * and looked up by their rare features only, and the common words ("the",
 * "of", "to") never make every pair a candidate.
 */
export function candidatePairs(space: FeatureSpace, sources: readonly number[], targets: readonly number[], minSimilarity: number): Map<number, number[]> {
  const share = minSimilarity / (2 - minSimilarity);
  const postings = new Map<number, number[]>();
  for (const s of sources) {
    for (const f of prefix(space, s, share)) {
      const list = postings.get(f);
      if (list) list.push(s);
      else postings.set(f, [s]);
    }
  }
  const out = new Map<number, number[]>();
  // Which target last saw each source: a typed array instead of a Set per target.
  const seenBy = new Int32Array(space.features.length).fill(-1);
  for (const t of targets) {
    const found: number[] = [];
    for (const f of prefix(space, t, share)) {
      for (const s of postings.get(f) ?? []) {
        if (seenBy[s] === t) continue;
        seenBy[s] = t;
        found.push(s);
      }
    }
    if (found.length > 0) out.set(t, found);
  }
  return out;
}

/** A text's features, rarest first (ties by id: one order for every text), without a tail lighter than `share` of the whole. */
function prefix(space: FeatureSpace, text: number, share: number): number[] {
  const order = Array.from(space.features[text]!).sort((a, b) => space.weight[b]! - space.weight[a]! || a - b);
  const total = space.totals[text]!;
  let rest = total;
  let keep = 0;
  // Keep features while what follows could still carry the share alone (a little slack for rounding).
  while (keep < order.length && rest >= share * total - 1e-9) rest -= space.weight[order[keep++]!]!;
  return order.slice(0, keep);
}
