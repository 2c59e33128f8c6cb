import { RECORD } from './align.ts';
import type { Params } from './options.ts';
import { radixSortPairs } from './radix.ts';

/** A passage in document coordinates: words [a0, a1) of document A against [b0, b1) of B, and their code-unit offsets. */
export interface Passage {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  ca0: number;
  ca1: number;
  cb0: number;
  cb1: number;
  matched: number;
}

export interface DocPair {
  docA: number;
  docB: number;
  passages: Passage[];
}

const OPEN_LOOKBACK = 32;

/**
 * Passages found unit pair by unit pair, joined per document pair: a passage
 * that runs across a paragraph boundary was cut in two by the units and is
 * put back together here (gaps of at most params.gap words on both sides, as
 * inside a unit). Passages shorter than params.minWords, or with less than
 * params.minMatched of their words in exact runs, are dropped.
 */
export function mergePassages(records: Int32Array[], p: Params): DocPair[] {
  // All records in one array, then ordered by (docA, docB, a0, b0) with stable radix sorts (least significant key first).
  const total = records.reduce((n, r) => n + r.length / RECORD, 0);
  const rec = new Int32Array(total * RECORD);
  let at = 0;
  for (const r of records) {
    rec.set(r, at);
    at += r.length;
  }
  records.length = 0;
  let order = new Uint32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  const keys = new Uint32Array(total);
  const tk = new Uint32Array(total);
  const tv = new Uint32Array(total);
  for (const field of [4, 2, 1, 0]) {
    for (let i = 0; i < total; i++) keys[i] = rec[order[i]! * RECORD + field]!;
    radixSortPairs(keys, order, total, tk, tv);
  }
  const out: DocPair[] = [];
  const G = p.gap;
  const overlap = -p.anchor;
  const open: Passage[] = [];
  for (let i = 0; i < total; ) {
    const x0 = order[i]! * RECORD;
    const docA = rec[x0]!;
    const docB = rec[x0 + 1]!;
    open.length = 0;
    let j = i;
    for (; j < total; j++) {
      const x = order[j]! * RECORD;
      if (rec[x] !== docA || rec[x + 1] !== docB) break;
      const it: Passage = { a0: rec[x + 2]!, a1: rec[x + 3]!, b0: rec[x + 4]!, b1: rec[x + 5]!, ca0: rec[x + 6]!, ca1: rec[x + 7]!, cb0: rec[x + 8]!, cb1: rec[x + 9]!, matched: rec[x + 10]! };
      let best = -1;
      let bestCost = Infinity;
      for (let o = open.length - 1; o >= 0 && o >= open.length - OPEN_LOOKBACK; o--) {
        const c = open[o]!;
        const gi = it.a0 - c.a1;
        const gj = it.b0 - c.b1;
        if (gi > G || gj > G || gi < overlap || gj < overlap || it.a1 <= c.a1 || it.b1 <= c.b1) continue;
        const cost = Math.max(gi, 0) + Math.max(gj, 0) + Math.abs(gi - gj);
        if (cost < bestCost) {
          bestCost = cost;
          best = o;
        }
      }
      if (best === -1) {
        open.push(it);
        continue;
      }
      const c = open[best]!;
      c.matched += it.matched - Math.max(0, c.a1 - it.a0);
      c.a1 = it.a1;
      c.ca1 = it.ca1;
      c.b1 = it.b1;
      c.cb1 = it.cb1;
    }
    i = j;
    const passages = dropCovered(
      open.filter((c) => {
        const words = Math.min(c.a1 - c.a0, c.b1 - c.b0);
        return words >= p.minWords && c.matched >= p.minMatched * (c.a1 - c.a0);
      }),
    );
    if (passages.length) out.push({ docA, docB, passages });
  }
  order = new Uint32Array(0);
  return out;
}

/**
 * Drops a passage whose words are, on both sides, mostly (80 %) inside longer
 * passages of the pair: a phrase that occurs twice in one text matches inside
 * the long passage and again elsewhere, which says nothing new.
 */
function dropCovered(passages: Passage[]): Passage[] {
  if (passages.length < 2) return passages;
  const bySize = [...passages].sort((x, y) => y.a1 - y.a0 - (x.a1 - x.a0) || x.a0 - y.a0);
  const kept: Passage[] = [];
  const inside = (s: number, e: number, side: 'a' | 'b') => {
    let covered = 0;
    for (const k of kept) covered += Math.max(0, Math.min(e, side === 'a' ? k.a1 : k.b1) - Math.max(s, side === 'a' ? k.a0 : k.b0));
    return covered >= 0.8 * (e - s);
  };
  for (const q of bySize) if (!(inside(q.a0, q.a1, 'a') && inside(q.b0, q.b1, 'b'))) kept.push(q);
  return kept.sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0);
}

/** Merges intervals [s, e) given as a flat sorted-by-start list into disjoint ones. */
export function unionIntervals(flat: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const s = flat[i]!;
    const e = flat[i + 1]!;
    const last = out.length - 1;
    if (last > 0 && s <= out[last]!) out[last] = Math.max(out[last]!, e);
    else out.push(s, e);
  }
  return out;
}

/** Words of disjoint sorted intervals `cover` that are outside disjoint sorted intervals `minus`. */
export function coveredOutside(cover: number[], minus: Int32Array | undefined): number {
  let total = 0;
  let m = 0;
  for (let i = 0; i < cover.length; i += 2) {
    let s = cover[i]!;
    const e = cover[i + 1]!;
    total += e - s;
    if (!minus) continue;
    while (m < minus.length && minus[m + 1]! <= s) m += 2;
    for (let k = m; k < minus.length && minus[k]! < e; k += 2) {
      const os = Math.max(s, minus[k]!);
      const oe = Math.min(e, minus[k + 1]!);
      if (oe > os) {
        total -= oe - os;
        s = oe;
      }
    }
  }
  return total;
}
