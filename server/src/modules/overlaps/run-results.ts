import type { BoilerplatePassage, OverlapPair } from '../../analysis/overlap/index.ts';
import { clauseWords, coveredWords, filterPassages, wordStarts, type StoredPair, type TextSegment } from '../../analysis/streamline/index.ts';
import type { PairRow } from './overlaps.repository.ts';

/**
 * The engine's answer in the shape we store: numeric ids with doc_a < doc_b
 * (the engine orders ids as strings, where "10" < "9"), passages turned to
 * match, and each side's share of words in the shared passages.
 */
export function toStoredPair(p: OverlapPair): StoredPair {
  const a = Number(p.a);
  const b = Number(p.b);
  const passages = p.passages.map((x) => ({ a: [...x.a] as [number, number], b: [...x.b] as [number, number], words: x.words }));
  if (a < b) return { a, b, containment: p.containment, passages };
  return { a: b, b: a, containment: p.containment, passages: passages.map((x) => ({ a: x.b, b: x.a, words: x.words })) };
}

/** A passage needs this many words inside clauses on both sides (see clauseWords). */
export const MIN_CLAUSE_WORDS = 8;

/**
 * The engine's pairs, stored-shaped and without passages that are mostly
 * enacting formula or headings; pairs left below `minContainment` go.
 */
export function cleanPairs(pairs: readonly OverlapPair[], texts: ReadonlyMap<number, { text: string; segments: readonly TextSegment[] }>, words: (id: number) => number[], minContainment: number): StoredPair[] {
  const out: StoredPair[] = [];
  for (const raw of pairs) {
    const p = toStoredPair(raw);
    const ta = texts.get(p.a);
    const tb = texts.get(p.b);
    if (!ta || !tb) continue;
    const keep = (x: StoredPair['passages'][number]) => clauseWords(words(p.a), ta.segments, x.a) >= MIN_CLAUSE_WORDS && clauseWords(words(p.b), tb.segments, x.b) >= MIN_CLAUSE_WORDS;
    const clean = filterPassages(p, keep, ta.text, tb.text);
    if (clean && clean.containment >= minContainment) out.push(clean);
  }
  return out;
}

/** Word starts per document, computed once however many pairs a document is in. */
export function wordIndex(texts: ReadonlyMap<number, string>) {
  const cache = new Map<number, number[]>();
  return (id: number) => {
    let starts = cache.get(id);
    if (!starts) cache.set(id, (starts = wordStarts(texts.get(id) ?? '')));
    return starts;
  };
}

export function toPairRow(p: StoredPair, words: (id: number) => number[]): PairRow {
  const wa = words(p.a);
  const wb = words(p.b);
  const share = (starts: number[], ranges: [number, number][]) => (starts.length === 0 ? 0 : coveredWords(starts, ranges) / starts.length);
  return {
    doc_a: p.a,
    doc_b: p.b,
    containment: p.containment,
    cover_a: share(wa, p.passages.map((x) => x.a)),
    cover_b: share(wb, p.passages.map((x) => x.b)),
    shared_words: p.passages.reduce((n, x) => n + x.words, 0),
    passages: JSON.stringify(p.passages),
  };
}

export function fromPairRow(r: PairRow): StoredPair {
  return { a: r.doc_a, b: r.doc_b, containment: r.containment, passages: JSON.parse(r.passages) as StoredPair['passages'] };
}

export interface BoilerplateRow {
  text: string;
  words: number;
  documents: number;
  occurrences: string;
}

/**
 * A boilerplate passage as stored, without its occurrences that are mostly
 * preamble or headings (fewer than MIN_CLAUSE_WORDS words in clauses); null
 * when none is left. `documents` keeps the engine's count minus the
 * documents dropped here.
 */
export function toBoilerplateRow(p: BoilerplatePassage, segmentsOf: (id: number) => readonly TextSegment[], words: (id: number) => number[]): BoilerplateRow | null {
  const all = p.occurrences.map((o) => ({ id: Number(o.id), start: o.start, end: o.end }));
  const kept = all.filter((o) => clauseWords(words(o.id), segmentsOf(o.id), [o.start, o.end]) >= MIN_CLAUSE_WORDS);
  const dropped = new Set(all.map((o) => o.id)).size - new Set(kept.map((o) => o.id)).size;
  const documents = p.documents - dropped;
  if (kept.length === 0 || documents < 2) return null;
  return { text: p.text, words: (p.text.match(/[\p{L}\p{N}]+/gu) ?? []).length, documents, occurrences: JSON.stringify(kept) };
}

/** The last full run's boilerplate without the occurrences in documents that changed or left (see incremental.ts). */
export function carryBoilerplate(rows: readonly BoilerplateRow[], touched: ReadonlySet<number>): BoilerplateRow[] {
  const out: BoilerplateRow[] = [];
  for (const r of rows) {
    const occurrences = JSON.parse(r.occurrences) as { id: number; start: number; end: number }[];
    const kept = occurrences.filter((o) => !touched.has(o.id));
    const lost = new Set(occurrences.filter((o) => touched.has(o.id)).map((o) => o.id)).size;
    const documents = r.documents - lost;
    if (documents < 2) continue;
    out.push({ ...r, documents, occurrences: JSON.stringify(kept) });
  }
  return out;
}
