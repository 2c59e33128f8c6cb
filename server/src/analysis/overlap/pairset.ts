/**
 * Set of paragraph (unit) pairs with a small counter each, open addressing on
 * a Float64Array (key = lo · 2^24 + hi, exact in a double). Counts saturate at 65535.
 */
export const UNIT_LIMIT = 1 << 24;
const EMPTY = -1;

export class PairCounts {
  size = 0;
  private keys: Float64Array;
  private counts: Uint16Array;
  private mask: number;

  constructor(capacity = 1 << 16) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Float64Array(cap).fill(EMPTY);
    this.counts = new Uint16Array(cap);
    this.mask = cap - 1;
  }

  /** Adds `by` to the pair's count (lo < hi). */
  add(lo: number, hi: number, by: number): void {
    const key = lo * UNIT_LIMIT + hi;
    let i = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca6b)) & this.mask;
    for (;;) {
      const k = this.keys[i]!;
      if (k === key) {
        this.counts[i] = Math.min(65535, this.counts[i]! + by);
        return;
      }
      if (k === EMPTY) break;
      i = (i + 1) & this.mask;
    }
    this.keys[i] = key;
    this.counts[i] = Math.min(65535, by);
    if (++this.size * 2 > this.keys.length) this.rehash();
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    this.keys = new Float64Array(oldKeys.length * 2).fill(EMPTY);
    this.counts = new Uint16Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k !== EMPTY) {
        const hi = k % UNIT_LIMIT;
        this.add((k - hi) / UNIT_LIMIT, hi, oldCounts[i]!);
      }
    }
  }

  /** Pairs with count ≥ min, sorted by (lo, hi): [lo0, hi0, lo1, hi1, …]. */
  select(min: number): Uint32Array {
    let n = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY && this.counts[i]! >= min) n++;
    const sorted = new Float64Array(n);
    n = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY && this.counts[i]! >= min) sorted[n++] = this.keys[i]!;
    sorted.sort();
    const out = new Uint32Array(sorted.length * 2);
    for (let i = 0; i < sorted.length; i++) {
      const hi = sorted[i]! % UNIT_LIMIT;
      out[2 * i] = (sorted[i]! - hi) / UNIT_LIMIT;
      out[2 * i + 1] = hi;
    }
    return out;
  }
}
