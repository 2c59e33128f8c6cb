import type { TextSegment } from './document-text.ts';
import { coveredWords, wordStarts } from './words.ts';

export interface StoredPassage {
  a: [number, number];
  b: [number, number];
  words: number;
}

export interface StoredPair {
  a: number;
  b: number;
  containment: number;
  passages: StoredPassage[];
}

/**
 * A pair with only the passages `keep` accepts; null when none is left.
 * Containment (the engine's: share of the shorter text) is scaled by the
 * share of the shorter side's covered words that remain, so it stays the
 * engine's number when nothing was dropped.
 */
export function filterPassages(p: StoredPair, keep: (x: StoredPassage) => boolean, textA: string, textB: string): StoredPair | null {
  const kept = p.passages.filter(keep);
  if (kept.length === 0) return null;
  if (kept.length === p.passages.length) return p;
  const startsA = wordStarts(textA);
  const startsB = wordStarts(textB);
  const [side, starts] = startsA.length <= startsB.length ? (['a', startsA] as const) : (['b', startsB] as const);
  const before = coveredWords(starts, p.passages.map((x) => x[side]));
  const after = coveredWords(starts, kept.map((x) => x[side]));
  return { ...p, passages: kept, containment: before > 0 ? (p.containment * after) / before : 0 };
}

/**
 * Words of [start, end) (`starts`: the text's word starts) that stand in clauses (not in the preamble or a
 * heading). In a small library the engine cannot tell the enacting formula
 * and "instructs the Director …" from shared content (it needs a few texts
 * repeating a passage to call it boilerplate); passages that are mostly
 * formula are then left out here.
 */
export function clauseWords(starts: readonly number[], segments: readonly TextSegment[], [start, end]: readonly [number, number]): number {
  const ranges = segments.filter((s) => s.kind === 'clause' && s.start < end && start < s.end).map((s) => [Math.max(s.start, start), Math.min(s.end, end)] as [number, number]);
  return ranges.length === 0 ? 0 : coveredWords(starts, ranges);
}
