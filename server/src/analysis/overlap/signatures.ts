import { I32, U32 } from './buffers.ts';
import { shingleHash } from './hash.ts';
import { bandHashes, signature } from './minhash.ts';
import type { Params } from './options.ts';
import { Tokens, shingleWords, tokenise, type Codes } from './tokens.ts';
import { buildUnits } from './units.ts';

/** The corpus as every stage sees it: all texts' code units, and where each document starts. */
export interface Corpus {
  codes: Codes;
  /** offsets[d] .. offsets[d + 1]: document d's code units. */
  offsets: Float64Array;
}

/** What the signature stage returns for documents [docFirst, docEnd): plain typed arrays, transferable. */
export interface SignatureChunk {
  docFirst: number;
  docEnd: number;
  docWords: Uint32Array;
  units: number;
  unitDoc: Uint32Array;
  /** First word of the unit, as a word index in its document. */
  unitTok: Uint32Array;
  unitWords: Uint32Array;
  /** Code-unit range of the unit in its document: first word's start, last word's end. */
  unitCharStart: Uint32Array;
  unitCharEnd: Uint32Array;
  /** Shingle hashes of each unit in order: shingles[shingleOffsets[u] .. shingleOffsets[u + 1]). */
  shingles: Uint32Array;
  shingleOffsets: Uint32Array;
  /** bands[u * params.bands + b]: LSH band hashes. */
  bands: Uint32Array;
}

let tokens = new Tokens(1 << 16);
let masked: Uint32Array = new Uint32Array(1 << 16);
const ranges = new I32(256);

export function signatureStage(corpus: Corpus, docFirst: number, docEnd: number, p: Params): SignatureChunk {
  const k = p.shingle;
  const docWords = new Uint32Array(docEnd - docFirst);
  const unitDoc = new U32();
  const unitTok = new U32();
  const unitWords = new U32();
  const unitCharStart = new U32();
  const unitCharEnd = new U32();
  const shingles = new U32(1 << 16);
  const shingleOffsets = new U32();
  const bands = new U32();
  const sig = new Int32Array(p.permutations);
  shingleOffsets.push(0);
  for (let d = docFirst; d < docEnd; d++) {
    const base = corpus.offsets[d]!;
    tokens.n = 0;
    tokenise(corpus.codes, base, corpus.offsets[d + 1]!, base, tokens);
    docWords[d - docFirst] = tokens.n;
    masked = shingleWords(tokens, masked);
    const hashes = masked;
    buildUnits(tokens.brk, tokens.n, p.minUnit, p.maxUnit, ranges);
    for (let r = 0; r < ranges.n; r += 2) {
      const s = ranges.a[r]!;
      const e = ranges.a[r + 1]!;
      if (e - s < k) continue;
      unitDoc.push(d);
      unitTok.push(s);
      unitWords.push(e - s);
      unitCharStart.push(tokens.start[s]!);
      unitCharEnd.push(tokens.end[e - 1]!);
      const from = shingles.n;
      shingles.reserve(e - s - k + 1);
      const sa = shingles.a;
      let at = from;
      for (let i = s; i + k <= e; i++) sa[at++] = shingleHash(hashes, i, k);
      shingles.n = at;
      shingleOffsets.push(at);
      signature(sa, from, at, sig);
      bands.reserve(p.bands);
      bandHashes(sig, p.bands, p.rows, bands.a, bands.n);
      bands.n += p.bands;
    }
    if (tokens.hash.length > 1 << 22) {
      // give back a huge document's buffers
      tokens = new Tokens(1 << 16);
      masked = new Uint32Array(1 << 16);
    }
  }
  return {
    docFirst,
    docEnd,
    docWords,
    units: unitDoc.n,
    unitDoc: unitDoc.done(),
    unitTok: unitTok.done(),
    unitWords: unitWords.done(),
    unitCharStart: unitCharStart.done(),
    unitCharEnd: unitCharEnd.done(),
    shingles: shingles.done(),
    shingleOffsets: shingleOffsets.done(),
    bands: bands.done(),
  };
}
