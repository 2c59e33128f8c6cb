import { docBoilerplate, hardBoilerplate, softBoilerplate, wordsIn } from './boilerplate.ts';
import { findCandidates, unitTable, type Candidates, type UnitTable } from './candidates.ts';
import { coveredOutside, mergePassages, unionIntervals, type DocPair } from './merge.ts';
import { OverlapInputError, resolveParams, type Params } from './options.ts';
import { UNIT_LIMIT } from './pairset.ts';
import type { Corpus, SignatureChunk } from './signatures.ts';
import { Tokens, packTexts, tokenise } from './tokens.ts';
import type { BoilerplatePassage, OverlapDocument, OverlapOptions, OverlapPair, OverlapProgress, OverlapResult } from './types.ts';

/**
 * The steps shared by findOverlaps (one thread) and findOverlapsParallel
 * (worker threads): only signatureStage and alignStage run in workers; the
 * steps here run on the calling thread between them.
 */

/** Texts above this many UTF-16 code units in total are refused (the packed corpus takes 2 bytes each). */
export const MAX_TOTAL_CHARS = 1_000_000_000;

export interface Plan {
  ids: string[];
  texts: string[];
  params: Params;
  corpus: Corpus;
  progress: (p: OverlapProgress) => void;
}

export function makePlan(docs: OverlapDocument[], opts: OverlapOptions, shared: boolean): Plan {
  if (!Array.isArray(docs)) throw new OverlapInputError('documents must be an array of { id, text }');
  const ids: string[] = new Array(docs.length);
  const texts: string[] = new Array(docs.length);
  const seen = new Set<string>();
  let total = 0;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    if (!d || typeof d.id !== 'string' || typeof d.text !== 'string') throw new OverlapInputError(`document ${i}: expected { id: string, text: string }`);
    if (seen.has(d.id)) throw new OverlapInputError(`document ${i}: the id "${d.id}" is used twice`);
    seen.add(d.id);
    ids[i] = d.id;
    texts[i] = d.text;
    total += d.text.length;
    if (total > MAX_TOTAL_CHARS) throw new OverlapInputError(`the documents hold more than ${MAX_TOTAL_CHARS.toLocaleString('en')} characters in all; split the corpus`);
  }
  const params = resolveParams(opts, docs.length);
  const progress = opts.onProgress ?? (() => {});
  return { ids, texts, params, corpus: packTexts(texts, shared), progress };
}

/** Document ranges of about `chars` characters each (a document is never split). */
export function docRanges(plan: Plan, chars: number): [number, number][] {
  const out: [number, number][] = [];
  const off = plan.corpus.offsets;
  const n = plan.ids.length;
  for (let d = 0; d < n; ) {
    let e = d + 1;
    while (e < n && off[e + 1]! - off[d]! <= chars && e - d < 20_000) e++;
    out.push([d, e]);
    d = e;
  }
  return out;
}

export interface Middle {
  units: UnitTable;
  docWords: Uint32Array;
  candidates: Candidates;
}

export function afterSignatures(plan: Plan, chunks: SignatureChunk[], shared: boolean): Middle {
  chunks.sort((x, y) => x.docFirst - y.docFirst);
  plan.progress({ phase: 'candidates', done: 0, total: plan.params.bands + 1 });
  const units = unitTable(chunks, shared);
  if (units.count >= UNIT_LIMIT) throw new OverlapInputError(`the corpus has ${units.count.toLocaleString('en')} paragraphs; the limit is ${UNIT_LIMIT.toLocaleString('en')}`);
  const docWords = new Uint32Array(plan.ids.length);
  for (const c of chunks) docWords.set(c.docWords, c.docFirst);
  const candidates = findCandidates(chunks, units, plan.params, (done, total) => plan.progress({ phase: 'candidates', done, total }));
  chunks.length = 0; // the shingle arrays are no longer needed
  return { units, docWords, candidates };
}

/** Splits the sorted pair list into batches of about `size` pairs (never splitting one unit's pairs when avoidable). */
export function pairBatches(pairs: Uint32Array, size: number): Uint32Array[] {
  const out: Uint32Array[] = [];
  for (let x = 0; x < pairs.length; ) {
    let e = Math.min(pairs.length, x + size * 2);
    while (e < pairs.length && e - x < size * 4 && pairs[e] === pairs[e - 2]) e += 2;
    out.push(pairs.slice(x, e));
    x = e;
  }
  return out;
}

export function finish(plan: Plan, mid: Middle, records: Int32Array[]): OverlapResult {
  const p = plan.params;
  const n = plan.ids.length;
  plan.progress({ phase: 'boilerplate', done: 0, total: 1 });
  const merged = mergePassages(records, p);
  const { frequent } = mid.candidates;
  const { units, docWords } = mid;

  // 1. Containment counting only the hard boilerplate out: which documents are related.
  const flags = hardBoilerplate(frequent, p);
  const hard = docBoilerplate(frequent, flags, units, p, false);
  const byKey = new Map<number, { pair: DocPair; related: boolean }>();
  for (const pair of merged) byKey.set(pair.docA * n + pair.docB, { pair, related: containment(pair, hard.intervals, docWords) >= p.relatedContainment });
  // 2. Frequent shingles whose documents are mostly unrelated are boilerplate too.
  softBoilerplate(
    frequent,
    units,
    (x, y, positions) => {
      const e = byKey.get(x * n + y);
      if (!e) return false;
      if (e.related) return true;
      // Shared words outside hard boilerplate and outside the passages that hold the shingle.
      const k = p.shingle;
      const others = e.pair.passages.filter((q) => !positions.some((w) => w < q.a1 && w + k > q.a0));
      return others.length > 0 && coveredOutside(cover(others, 'a'), hard.intervals.get(x)) >= p.relatedWords;
    },
    flags,
  );
  const bp = docBoilerplate(frequent, flags, units, p, true);

  const pairs: OverlapPair[] = [];
  for (const pair of merged) {
    pair.passages = pair.passages.filter((q) => {
      const inA = coveredOutside([q.a0, q.a1], bp.intervals.get(pair.docA));
      const inB = coveredOutside([q.b0, q.b1], bp.intervals.get(pair.docB));
      return Math.min(inA, inB) >= p.minWords;
    });
    if (!pair.passages.length) continue;
    const c = containment(pair, bp.intervals, docWords);
    if (c < p.threshold || c === 0) continue;
    const swap = plan.ids[pair.docA]! > plan.ids[pair.docB]!;
    const passages = pair.passages
      .map((q) => {
        const a: [number, number] = [q.ca0, q.ca1];
        const b: [number, number] = [q.cb0, q.cb1];
        return { a: swap ? b : a, b: swap ? a : b, words: Math.min(q.a1 - q.a0, q.b1 - q.b0) };
      })
      .sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0]);
    pairs.push({
      a: plan.ids[swap ? pair.docB : pair.docA]!,
      b: plan.ids[swap ? pair.docA : pair.docB]!,
      containment: Math.round(c * 1e4) / 1e4,
      passages,
    });
  }
  pairs.sort((x, y) => y.containment - x.containment || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  const boilerplate = report(plan, units, bp.runs);
  plan.progress({ phase: 'boilerplate', done: 1, total: 1 });
  return { documents: n, pairs, boilerplate };
}

/** Share of the shorter document's words (boilerplate left out of both counts) inside the pair's passages. */
function containment(pair: DocPair, bp: Map<number, Int32Array>, docWords: Uint32Array): number {
  const ia = bp.get(pair.docA);
  const ib = bp.get(pair.docB);
  const na = docWords[pair.docA]! - wordsIn(ia);
  const nb = docWords[pair.docB]! - wordsIn(ib);
  const ca = na > 0 ? coveredOutside(cover(pair.passages, 'a'), ia) / na : 0;
  const cb = nb > 0 ? coveredOutside(cover(pair.passages, 'b'), ib) / nb : 0;
  const c = na < nb ? ca : nb < na ? cb : Math.max(ca, cb);
  return Math.min(1, Math.max(0, c));
}

/** Disjoint word intervals covered by the passages on one side. */
function cover(passages: DocPair['passages'], side: 'a' | 'b'): number[] {
  const flat: number[] = [];
  for (const q of passages) flat.push(side === 'a' ? q.a0 : q.b0, side === 'a' ? q.a1 : q.b1);
  if (passages.length > 1) {
    const idx = Array.from({ length: passages.length }, (_, i) => i).sort((x, y) => flat[2 * x]! - flat[2 * y]!);
    return unionIntervals(idx.flatMap((i) => [flat[2 * i]!, flat[2 * i + 1]!]));
  }
  return flat;
}

function report(plan: Plan, units: UnitTable, runs: { doc: number; start: number; end: number; key: number }[]): BoilerplatePassage[] {
  const p = plan.params;
  // Units of document d: firstUnit[d] .. lastUnit[d] (-1 when it has none).
  const firstUnit = new Int32Array(plan.ids.length).fill(-1);
  const lastUnit = new Int32Array(plan.ids.length).fill(-1);
  for (let u = units.count - 1; u >= 0; u--) firstUnit[units.doc[u]!] = u;
  for (let u = 0; u < units.count; u++) lastUnit[units.doc[u]!] = u;
  const tokens = new Tokens(256);
  let cached = -1;
  const charOf = (doc: number, word: number): [number, number] => {
    // The document's last unit starting at or before `word` (binary search: a huge document has many units).
    let u = firstUnit[doc]!;
    if (u >= 0) {
      let hi = lastUnit[doc]! + 1;
      while (u + 1 < hi) {
        const mid = (u + hi) >> 1;
        if (units.tok[mid]! <= word) u = mid;
        else hi = mid;
      }
    }
    const base = plan.corpus.offsets[doc]!;
    if (u < 0 || word - units.tok[u]! >= units.words[u]!) {
      tokens.n = 0;
      tokenise(plan.corpus.codes, base, plan.corpus.offsets[doc + 1]!, base, tokens);
      cached = -1;
      return [tokens.start[word]!, tokens.end[word]!];
    }
    if (cached !== u) {
      tokens.n = 0;
      tokenise(plan.corpus.codes, base + units.charStart[u]!, base + units.charEnd[u]!, base, tokens);
      cached = u;
    }
    const w = word - units.tok[u]!;
    return [tokens.start[w]!, tokens.end[w]!];
  };
  const groups = new Map<number, { documents: number; lastDoc: number; runs: { doc: number; start: number; end: number }[] }>();
  for (const r of runs) {
    let g = groups.get(r.key);
    if (!g) groups.set(r.key, (g = { documents: 0, lastDoc: -1, runs: [] }));
    if (g.lastDoc !== r.doc) g.documents++;
    g.lastDoc = r.doc;
    if (g.runs.length < p.maxOccurrences) g.runs.push(r);
  }
  const out: BoilerplatePassage[] = [];
  for (const g of groups.values()) {
    if (g.documents < 2) continue;
    const occurrences = g.runs.map((r) => {
      const start = charOf(r.doc, r.start)[0];
      const end = charOf(r.doc, r.end - 1)[1];
      return { id: plan.ids[r.doc]!, start, end };
    });
    const first = occurrences[0]!;
    const text = plan.texts[g.runs[0]!.doc]!.slice(first.start, first.end).replace(/\s+/g, ' ').trim();
    out.push({ text, documents: g.documents, occurrences });
  }
  return out.sort((x, y) => y.documents - x.documents || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
}
