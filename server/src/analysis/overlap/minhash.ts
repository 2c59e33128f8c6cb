import { fmix32, rng } from './hash.ts';

/**
 * MinHash over shingle hashes, written by hand on Int32 arithmetic: the
 * engine's speed depends on it (128 permutations × ~50 shingles per
 * paragraph). Permutation i is x ↦ a_i·x + b_i (mod 2^32, a_i odd) applied
 * to the already well-mixed shingle hash; the minimum of each permutation is
 * kept as a signed Int32 (any fixed order works for MinHash).
 */
export interface Permutations {
  a: Int32Array;
  b: Int32Array;
}

export function permutations(k: number, seed = 0x5eed1e55): Permutations {
  const next = rng(seed);
  const a = new Int32Array(k);
  const b = new Int32Array(k);
  for (let i = 0; i < k; i++) {
    a[i] = next() | 1;
    b[i] = next() | 0;
  }
  return { a, b };
}

const EMPTY = 0x7fffffff;

/**
 * One-permutation MinHash with densification (Li, Owen & Zhang 2012;
 * Shrivastava & Li 2014): one pass over the shingles puts each in one of k
 * bins by its hash and keeps the bin's minimum; an empty bin takes the value
 * of the nearest non-empty bin to its right (circularly), offset by the
 * distance, so two documents densify the same way and a bin still collides
 * with probability close to their Jaccard similarity. O(shingles + k) instead
 * of O(shingles · k): what makes the signature stage fast (classic MinHash
 * below costs ~8× more on ~45-word paragraphs).
 */
export function signature(shingles: Uint32Array, from: number, to: number, sig: Int32Array): void {
  const k = sig.length;
  sig.fill(EMPTY);
  for (let s = from; s < to; s++) {
    const x = shingles[s]!;
    const bin = (((x >>> 8) * k) / 16777216) | 0;
    let v = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
    v ^= v >>> 12;
    if (v < sig[bin]!) sig[bin] = v;
  }
  if (to - from >= k * 8) return; // (almost) surely no empty bin
  let first = -1;
  for (let i = k - 1; i >= 0; i--) if (sig[i] !== EMPTY) first = i;
  if (first < 0) return;
  let value = sig[first]!;
  let dist = 0;
  for (let step = 1; step < k; step++) {
    const i = (first - step + k) % k;
    if (sig[i] !== EMPTY) {
      value = sig[i]!;
      dist = 0;
    } else {
      dist++;
      sig[i] = (value + Math.imul(dist, 0x9e3779b1)) | 0;
    }
  }
}

/** Classic MinHash, k permutations x ↦ a_i·x + b_i: O(shingles · k); kept for comparison (tests). */
export function signatureClassic(shingles: Uint32Array, from: number, to: number, perm: Permutations, sig: Int32Array): void {
  const { a, b } = perm;
  const k = sig.length;
  for (let i = 0; i < k; i++) {
    const ai = a[i]!;
    const bi = b[i]!;
    let m = 0x7fffffff;
    for (let s = from; s < to; s++) {
      const v = (Math.imul(ai, shingles[s]!) + bi) | 0;
      if (v < m) m = v;
    }
    sig[i] = m;
  }
}

/** LSH: one 32-bit hash per band of `rows` consecutive signature values. */
export function bandHashes(sig: Int32Array, bands: number, rows: number, out: Uint32Array, at: number): void {
  for (let band = 0, i = 0; band < bands; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    for (let r = 0; r < rows; r++, i++) {
      h = Math.imul(h ^ sig[i]!, 0xcc9e2d51);
      h = (h << 13) | (h >>> 19);
    }
    out[at + band] = fmix32(h);
  }
}

/** Estimated Jaccard similarity of two signatures (share of equal minima). */
export function estimateJaccard(x: Int32Array, y: Int32Array): number {
  let same = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) same++;
  return same / x.length;
}
