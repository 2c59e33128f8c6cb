import { U32 } from './buffers.ts';
import type { Params } from './options.ts';
import { PairCounts } from './pairset.ts';
import { bandHashes, signature } from './minhash.ts';
import { radixSortPairs } from './radix.ts';
import type { SignatureChunk } from './signatures.ts';

/** All units of the corpus, numbered in document order (chunks concatenated). */
export interface UnitTable {
  count: number;
  doc: Uint32Array;
  tok: Uint32Array;
  words: Uint32Array;
  charStart: Uint32Array;
  charEnd: Uint32Array;
}

/** Shingles found in at least params.boilerplateMin documents, with every occurrence. */
export interface FrequentShingles {
  count: number;
  hash: Uint32Array;
  df: Uint32Array;
  /** Occurrences of shingle i: occ[occStart[i] .. occStart[i + 1]), each unit · 256 + position in unit. */
  occStart: Uint32Array;
  occ: Uint32Array;
}

export interface Candidates {
  /** Unit pairs to align, [lo, hi, …] sorted. */
  pairs: Uint32Array;
  lshPairs: number;
  seedPairs: number;
  frequent: FrequentShingles;
}

/** Concatenates the chunks' unit columns (into shared memory when workers will read them). */
export function unitTable(chunks: SignatureChunk[], shared: boolean): UnitTable {
  const count = chunks.reduce((n, c) => n + c.units, 0);
  const column = (pick: (c: SignatureChunk) => Uint32Array) => {
    const out = new Uint32Array(shared ? new SharedArrayBuffer(Math.max(4, count * 4)) : new ArrayBuffer(Math.max(4, count * 4)), 0, count);
    let at = 0;
    for (const c of chunks) {
      out.set(pick(c), at);
      at += c.units;
    }
    return out;
  };
  return {
    count,
    doc: column((c) => c.unitDoc),
    tok: column((c) => c.unitTok),
    words: column((c) => c.unitWords),
    charStart: column((c) => c.unitCharStart),
    charEnd: column((c) => c.unitCharEnd),
  };
}

const ALWAYS = 65535;

/**
 * Candidate unit pairs from two sources:
 *  - rare-n-gram seeds: units sharing at least params.minSeeds shingles that occur in
 *    2..params.seedMaxDf documents (short exact reuse inside otherwise different paragraphs);
 *  - MinHash LSH: units whose signatures agree on a whole band (near-duplicate paragraphs).
 * The seed index (every shingle with its unit and position, sorted by hash) comes first:
 * it gives each shingle's document frequency, hence the frequent shingles boilerplate is
 * chosen from, and the units holding "hard" boilerplate (in more than
 * params.boilerplateHard documents) are signed again without it, so that two paragraphs
 * ending in the same formula are not near-duplicates.
 */
export function findCandidates(chunks: SignatureChunk[], units: UnitTable, p: Params, progress: (done: number, total: number) => void): Candidates {
  const pairs = new PairCounts(Math.max(1024, units.count));
  const steps = p.bands + 2;

  // 1. Seed index: every shingle occurrence, sorted by hash (stable: units, then positions, ascending).
  const total = chunks.reduce((n, c) => n + c.shingles.length, 0);
  let sk: Uint32Array | undefined = new Uint32Array(total);
  let sv: Uint32Array | undefined = new Uint32Array(total);
  let at = 0;
  let unitBase = 0;
  for (const c of chunks) {
    sk.set(c.shingles, at);
    for (let u = 0; u < c.units; u++) {
      const code = (unitBase + u) * 256;
      for (let s = c.shingleOffsets[u]!, pos = 0; s < c.shingleOffsets[u + 1]!; s++, pos++) sv[at + s] = code + pos;
    }
    at += c.shingles.length;
    unitBase += c.units;
  }
  radixSortPairs(sk, sv, total);

  const hash = new U32();
  const df = new U32();
  const occStart = new U32();
  const occ = new U32();
  const runUnits = new U32();
  let seedPairs = 0;
  for (let i = 0; i < total; ) {
    let j = i + 1;
    while (j < total && sk[j] === sk[i]) j++;
    if (j - i > 1) {
      runUnits.n = 0;
      let docs = 0;
      let lastDoc = -1;
      let lastUnit = -1;
      for (let x = i; x < j; x++) {
        const u = Math.floor(sv[x]! / 256);
        if (u !== lastUnit) runUnits.push(u);
        lastUnit = u;
        if (units.doc[u] !== lastDoc) docs++;
        lastDoc = units.doc[u]!;
      }
      if (docs >= p.boilerplateMin) {
        hash.push(sk[i]!);
        df.push(docs);
        occStart.push(occ.n);
        occ.reserve(j - i);
        for (let x = i; x < j; x++) occ.a[occ.n++] = sv[x]!;
      }
      if (docs >= 2 && docs <= p.seedMaxDf && runUnits.n <= 4 * p.seedMaxDf) {
        const ru = runUnits.a;
        for (let x = 0; x < runUnits.n; x++) {
          for (let y = x + 1; y < runUnits.n; y++) {
            if (units.doc[ru[x]!] !== units.doc[ru[y]!]) {
              pairs.add(ru[x]!, ru[y]!, 1);
              seedPairs++;
            }
          }
        }
      }
    }
    i = j;
  }
  occStart.push(occ.n);
  sk = sv = undefined; // the index is the largest structure: let it go before LSH
  const frequent: FrequentShingles = { count: hash.n, hash: hash.done(), df: df.done(), occStart: occStart.done(), occ: occ.done() };
  progress(1, steps);

  // 2. Units holding hard boilerplate: signed again over their other shingles.
  const hard = new Set<number>();
  const resign = new Uint8Array(units.count);
  for (let i = 0; i < frequent.count; i++) {
    if (frequent.df[i]! <= p.boilerplateHard) continue;
    hard.add(frequent.hash[i]!);
    for (let o = frequent.occStart[i]!; o < frequent.occStart[i + 1]!; o++) resign[Math.floor(frequent.occ[o]! / 256)] = 1;
  }
  const unsigned = new Uint8Array(units.count);
  if (hard.size) {
    const sig = new Int32Array(p.permutations);
    let kept = new Uint32Array(256);
    let u = 0;
    for (const c of chunks) {
      for (let i = 0; i < c.units; i++, u++) {
        if (!resign[u]) continue;
        let n = 0;
        const from = c.shingleOffsets[i]!;
        const to = c.shingleOffsets[i + 1]!;
        if (kept.length < to - from) kept = new Uint32Array((to - from) * 2);
        for (let s = from; s < to; s++) if (!hard.has(c.shingles[s]!)) kept[n++] = c.shingles[s]!;
        if (n === 0) unsigned[u] = 1;
        else {
          signature(kept, 0, n, sig);
          bandHashes(sig, p.bands, p.rows, c.bands, i * p.bands);
        }
      }
    }
  }
  for (const c of chunks) {
    // Shingles are not needed any more (alignment tokenises again): give the memory back before LSH.
    c.shingles = new Uint32Array(0);
    c.shingleOffsets = new Uint32Array(0);
  }
  progress(2, steps);

  // 3. LSH, band by band.
  const tmpK = new Uint32Array(units.count);
  const tmpV = new Uint32Array(units.count);
  const keys = new Uint32Array(units.count);
  const vals = new Uint32Array(units.count);
  let lshPairs = 0;
  for (let band = 0; band < p.bands; band++) {
    let u = 0;
    let n = 0;
    for (const c of chunks) {
      for (let i = 0; i < c.units; i++, u++) {
        if (unsigned[u]) continue;
        keys[n] = c.bands[i * p.bands + band]!;
        vals[n++] = u;
      }
    }
    radixSortPairs(keys, vals, n, tmpK, tmpV);
    for (let i = 0; i < n; ) {
      let j = i + 1;
      while (j < n && keys[j] === keys[i]) j++;
      if (j - i > 1) {
        const window = j - i > p.bucketCap ? p.bucketWindow : j - i;
        for (let x = i; x < j; x++) {
          const ux = vals[x]!;
          for (let y = x + 1; y < j && y <= x + window; y++) {
            const uy = vals[y]!;
            if (units.doc[ux] !== units.doc[uy]) {
              pairs.add(ux, uy, ALWAYS);
              lshPairs++;
            }
          }
        }
      }
      i = j;
    }
    progress(band + 3, steps);
  }
  return { pairs: pairs.select(p.minSeeds), lshPairs, seedPairs, frequent };
}
