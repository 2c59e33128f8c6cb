import { describe, expect, it } from 'vitest';
import { fmix32, rng } from './hash.ts';
import { bandHashes, estimateJaccard, permutations, signature, signatureClassic } from './minhash.ts';
import { radixSortPairs } from './radix.ts';

/** Two sets of `n` shingle hashes sharing `shared` of them. */
function sets(n: number, shared: number, seed: number): [Uint32Array, Uint32Array] {
  const next = rng(seed);
  const common = Array.from({ length: shared }, () => fmix32(next()));
  const a = Uint32Array.from([...common, ...Array.from({ length: n - shared }, () => fmix32(next()))]);
  const b = Uint32Array.from([...common, ...Array.from({ length: n - shared }, () => fmix32(next()))]);
  return [a, b];
}

describe('MinHash', () => {
  it('estimates Jaccard similarity without bias, one-permutation (densified) as classic', () => {
    const perm = permutations(128);
    for (const [n, shared] of [
      [12, 6],
      [45, 30],
      [45, 15],
      [200, 150],
    ] as const) {
      const jaccard = shared / (2 * n - shared);
      let oph = 0;
      let classic = 0;
      const trials = 40;
      for (let t = 0; t < trials; t++) {
        const [a, b] = sets(n, shared, 1000 * n + t);
        const sa = new Int32Array(128);
        const sb = new Int32Array(128);
        signature(a, 0, a.length, sa);
        signature(b, 0, b.length, sb);
        oph += estimateJaccard(sa, sb);
        signatureClassic(a, 0, a.length, perm, sa);
        signatureClassic(b, 0, b.length, perm, sb);
        classic += estimateJaccard(sa, sb);
      }
      expect(Math.abs(oph / trials - jaccard)).toBeLessThan(0.05);
      expect(Math.abs(classic / trials - jaccard)).toBeLessThan(0.05);
    }
  });

  it('gives equal sets equal band hashes and different sets different ones', () => {
    const [a, b] = sets(40, 0, 7);
    const sig = new Int32Array(128);
    const bands = new Uint32Array(96);
    signature(a, 0, a.length, sig);
    bandHashes(sig, 32, 4, bands, 0);
    signature(Uint32Array.from(a).reverse(), 0, a.length, sig);
    bandHashes(sig, 32, 4, bands, 32);
    signature(b, 0, b.length, sig);
    bandHashes(sig, 32, 4, bands, 64);
    expect(bands.slice(0, 32)).toEqual(bands.slice(32, 64));
    expect(bands.slice(0, 32).filter((h, i) => h === bands[64 + i]).length).toBe(0);
  });
});

describe('radixSortPairs', () => {
  it('sorts by key, stably', () => {
    const next = rng(3);
    const n = 5000;
    const keys = Uint32Array.from({ length: n }, () => next() % 300);
    const vals = Uint32Array.from({ length: n }, (_, i) => i);
    const expected = [...keys].map((k, i) => [k, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    radixSortPairs(keys, vals, n);
    expect(Array.from(keys)).toEqual(expected.map((e) => e[0]));
    expect(Array.from(vals)).toEqual(expected.map((e) => e[1]));
  });
});
