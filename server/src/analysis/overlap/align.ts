import { I32 } from './buffers.ts';
import { shingleHash } from './hash.ts';
import type { Params } from './options.ts';
import type { Corpus } from './signatures.ts';
import { Tokens, tokenise } from './tokens.ts';

/**
 * Alignment of a candidate pair of units (paragraphs) into shared passages,
 * written by hand because it decides both speed and quality:
 *
 *  1. anchors: word n-grams (params.anchor = 3 words) present in both units,
 *     found through a small hash table on one side;
 *  2. exact runs: anchors on the same diagonal at consecutive positions merge
 *     into one run of exactly equal words;
 *  3. chaining: runs are chained by dynamic programming (each run takes the best
 *     earlier run it can follow with gaps of at most params.gap words on both
 *     sides, a small penalty per skipped word), so substitutions, insertions and
 *     deletions inside a passage are bridged;
 *  4. the best chains are taken greedily, each run used once.
 * A passage is from its first run's first word to its last run's last word on
 * both sides; `matched` counts the words inside exact runs.
 */

export interface UnitRanges {
  doc: Uint32Array;
  tok: Uint32Array;
  /** Code-unit range of the unit in its document (first word's start, last word's end). */
  charStart: Uint32Array;
  charEnd: Uint32Array;
}

/** Size of one passage record in alignStage's output. */
export const RECORD = 11;
// docA, docB, wordA0, wordA1, wordB0, wordB1, charA0, charA1, charB0, charB1, matched

let head = new Int32Array(1024);
let next = new Int32Array(256);
let gramB = new Uint32Array(256);
let diagLast = new Int32Array(512);
let diagSeg = new Int32Array(512);
let active = new Int32Array(512);
let nextActive = new Int32Array(512);
const segI = new I32(256);
const segJ = new I32(256);
const segLen = new I32(256);
let score = new Float64Array(256);
let pred = new Int32Array(256);
let used = new Uint8Array(256);
let order = new Int32Array(256);

const MAX_CHAIN_VISITS = 16;
/** Gaps (words skipped in a, in b) tried when extending a passage's edges, smallest first. */
const GAPS = [1, 1, 0, 1, 1, 0, 0, 2, 2, 0, 2, 2, 1, 2, 2, 1];
const LOOKBACK = 64;

export type PassageSink = (a0: number, a1: number, b0: number, b1: number, matched: number) => void;

/** Aligns words a[0, m) with b[0, n) and reports each passage of at least `minOut` words (or touching a unit edge). */
export function alignWords(a: Uint32Array, m: number, b: Uint32Array, n: number, p: Params, minOut: number, emit: PassageSink): void {
  const K = p.anchor;
  if (m < K || n < K) return;
  const nb = n - K + 1;
  let size = 1024;
  while (size < nb * 2) size *= 2;
  if (head.length < size) head = new Int32Array(size);
  if (next.length < nb) {
    next = new Int32Array(nb * 2);
    gramB = new Uint32Array(nb * 2);
  }
  const mask = size - 1;
  head.fill(-1, 0, size);
  for (let j = nb - 1; j >= 0; j--) {
    const g = shingleHash(b, j, K);
    gramB[j] = g;
    const slot = g & mask;
    next[j] = head[slot]!;
    head[slot] = j;
  }
  const diags = m + n + 1;
  if (diagLast.length < diags) {
    diagLast = new Int32Array(diags * 2);
    diagSeg = new Int32Array(diags * 2);
  }
  diagLast.fill(-2, 0, diags);
  if (active.length < diags) {
    active = new Int32Array(diags * 2);
    nextActive = new Int32Array(diags * 2);
  }
  let nActive = 0;
  segI.n = segJ.n = segLen.n = 0;
  for (let i = 0; i + K <= m; i++) {
    const g = shingleHash(a, i, K);
    // Diagonals matching at i - 1 are followed directly (however repetitive the text);
    // the hash chain, capped, only opens new ones.
    let nNext = 0;
    for (let x = 0; x < nActive; x++) {
      const d = active[x]!;
      const j = d - m + i;
      if (j < nb && gramB[j] === g) {
        segLen.a[diagSeg[d]!]!++;
        diagLast[d] = i;
        nextActive[nNext++] = d;
      }
    }
    let visits = 0;
    for (let j = head[g & mask]!; j !== -1 && visits < MAX_CHAIN_VISITS; j = next[j]!, visits++) {
      if (gramB[j] !== g) continue;
      const d = j - i + m;
      if (diagLast[d] === i) continue;
      diagSeg[d] = segI.n;
      segI.push(i);
      segJ.push(j);
      segLen.push(K);
      diagLast[d] = i;
      nextActive[nNext++] = d;
    }
    const swap = active;
    active = nextActive;
    nextActive = swap;
    nActive = nNext;
  }
  const S = segI.n;
  if (S === 0) return;
  if (score.length < S) {
    score = new Float64Array(S * 2);
    pred = new Int32Array(S * 2);
    used = new Uint8Array(S * 2);
    order = new Int32Array(S * 2);
  }
  const si = segI.a;
  const sj = segJ.a;
  const sl = segLen.a;
  const G = p.gap;
  const overlap = -(K - 1);
  for (let s = 0; s < S; s++) {
    let best = sl[s]!;
    let from = -1;
    const i0 = si[s]!;
    const j0 = sj[s]!;
    const iEnd = i0 + sl[s]!;
    const jEnd = j0 + sl[s]!;
    for (let t = s - 1; t >= 0 && t >= s - LOOKBACK; t--) {
      const tiEnd = si[t]! + sl[t]!;
      const tjEnd = sj[t]! + sl[t]!;
      const gi = i0 - tiEnd;
      const gj = j0 - tjEnd;
      if (gi > G || gj > G || gi < overlap || gj < overlap || iEnd <= tiEnd || jEnd <= tjEnd) continue;
      const gain = Math.min(iEnd - Math.max(i0, tiEnd), jEnd - Math.max(j0, tjEnd));
      const v = score[t]! + gain - 0.5 * (Math.max(gi, 0) + Math.max(gj, 0)) - 0.25 * Math.abs(gi - gj);
      if (v > best) {
        best = v;
        from = t;
      }
    }
    score[s] = best;
    pred[s] = from;
    used[s] = 0;
    order[s] = s;
  }
  const ord = order.subarray(0, S).sort((x, y) => score[y]! - score[x]! || x - y);
  for (let o = 0; o < S; o++) {
    const end = ord[o]!;
    if (used[end]) continue;
    let first = end;
    let matched = 0;
    let lastI = si[end]! + sl[end]!;
    for (let s = end; s !== -1 && !used[s]; s = pred[s]!) {
      used[s] = 1;
      first = s;
      const sEnd = si[s]! + sl[s]!;
      matched += Math.min(sEnd, lastI) - si[s]!;
      lastI = si[s]!;
    }
    let a0 = si[first]!;
    let b0 = sj[first]!;
    let a1 = si[end]! + sl[end]!;
    let b1 = sj[end]! + sl[end]!;
    // Edges: extend over equal words, and over a gap of up to 2 words when at least 2 equal words
    // (or the start/end of both units) follow: "Extends [once more] the stationing…".
    for (;;) {
      if (a0 > 0 && b0 > 0 && a[a0 - 1] === b[b0 - 1]) {
        a0--;
        b0--;
        matched++;
        continue;
      }
      let moved = false;
      for (let g = 0; g < GAPS.length && !moved; g += 2) {
        const ia = a0 - 1 - GAPS[g]!;
        const jb = b0 - 1 - GAPS[g + 1]!;
        if (ia < 0 || jb < 0 || a[ia] !== b[jb]) continue;
        if ((ia > 0 && jb > 0 && a[ia - 1] === b[jb - 1]) || ia === 0 || jb === 0) {
          a0 = ia;
          b0 = jb;
          matched++;
          moved = true;
        }
      }
      if (!moved) break;
    }
    for (;;) {
      if (a1 < m && b1 < n && a[a1] === b[b1]) {
        a1++;
        b1++;
        matched++;
        continue;
      }
      let moved = false;
      for (let g = 0; g < GAPS.length && !moved; g += 2) {
        const ia = a1 + GAPS[g]!;
        const jb = b1 + GAPS[g + 1]!;
        if (ia >= m || jb >= n || a[ia] !== b[jb]) continue;
        if ((ia + 1 < m && jb + 1 < n && a[ia + 1] === b[jb + 1]) || ia === m - 1 || jb === n - 1) {
          a1 = ia + 1;
          b1 = jb + 1;
          matched++;
          moved = true;
        }
      }
      if (!moved) break;
    }
    const words = Math.min(a1 - a0, b1 - b0);
    if (words >= minOut || (words >= K && (a0 === 0 || b0 === 0 || a1 === m || b1 === n))) emit(a0, a1, b0, b1, matched);
  }
}

let pool = new Tokens(1 << 14);

/**
 * Aligns unit pairs [lo, hi, …] (lo < hi, different documents) and returns
 * passage records (RECORD ints each) in document coordinates: word indices and
 * code-unit offsets in each document. Each distinct unit of the batch is
 * tokenised once (a unit is in many pairs).
 */
export function alignStage(corpus: Corpus, units: UnitRanges, pairs: Uint32Array, p: Params): Int32Array {
  const out = new I32(Math.max(64, pairs.length * 2));
  const at = new Map<number, number>();
  const ends: number[] = [];
  pool.n = 0;
  const place = (u: number): number => {
    let slot = at.get(u);
    if (slot === undefined) {
      const base = corpus.offsets[units.doc[u]!]!;
      const from = pool.n;
      tokenise(corpus.codes, base + units.charStart[u]!, base + units.charEnd[u]!, base, pool);
      slot = ends.length / 2;
      ends.push(from, pool.n);
      at.set(u, slot);
    }
    return slot;
  };
  for (let x = 0; x < pairs.length; x += 2) {
    const ua = pairs[x]!;
    const ub = pairs[x + 1]!;
    const sa = place(ua);
    const sb = place(ub);
    const a0 = ends[2 * sa]!;
    const b0 = ends[2 * sb]!;
    const docA = units.doc[ua]!;
    const docB = units.doc[ub]!;
    const wa = units.tok[ua]!;
    const wb = units.tok[ub]!;
    const h = pool.hash;
    const st = pool.start;
    const en = pool.end;
    alignWords(h.subarray(a0, ends[2 * sa + 1]!), ends[2 * sa + 1]! - a0, h.subarray(b0, ends[2 * sb + 1]!), ends[2 * sb + 1]! - b0, p, p.minWords, (i0, i1, j0, j1, matched) => {
      out.reserve(RECORD);
      const o = out.a;
      let k = out.n;
      o[k++] = docA;
      o[k++] = docB;
      o[k++] = wa + i0;
      o[k++] = wa + i1;
      o[k++] = wb + j0;
      o[k++] = wb + j1;
      o[k++] = st[a0 + i0]!;
      o[k++] = en[a0 + i1 - 1]!;
      o[k++] = st[b0 + j0]!;
      o[k++] = en[b0 + j1 - 1]!;
      o[k++] = matched;
      out.n = k;
    });
  }
  if (pool.hash.length > 1 << 22) pool = new Tokens(1 << 14);
  return out.done();
}
