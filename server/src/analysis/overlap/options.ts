import type { OverlapOptions } from './types.ts';

/** Invalid input or options: the message is meant for the user as it is. */
export class OverlapInputError extends Error {
  override name = 'OverlapInputError';
}

export interface Params {
  minWords: number;
  shingle: number;
  permutations: number;
  bands: number;
  rows: number;
  threshold: number;
  /** Paragraphs shorter than this are joined to the next one. */
  minUnit: number;
  /** Paragraphs longer than this are cut (≤ 255: positions inside a unit are stored in 8 bits). */
  maxUnit: number;
  /** Word n-grams for anchors inside a candidate pair (smaller than `shingle`: survives denser edits). */
  anchor: number;
  /** Largest gap (words, on either side) bridged between two exact runs of one passage. */
  gap: number;
  /** Share of a passage's words that must be in exact runs. */
  minMatched: number;
  /** Rare-n-gram seeds: shingles in 2..seedMaxDf documents pair their paragraphs directly. */
  seedMaxDf: number;
  /** Paragraph pairs need this many shared seed shingles (LSH pairs need none). */
  minSeeds: number;
  /** An LSH bucket larger than this pairs each paragraph with its next `bucketWindow` only. */
  bucketCap: number;
  bucketWindow: number;
  /** Boilerplate: shingles in ≥ boilerplateMin documents that mostly do not otherwise overlap, or in more than boilerplateHard documents. */
  boilerplateMin: number;
  boilerplateHard: number;
  /** Containment at which two documents count as related when judging boilerplate (fixed: not the reporting threshold). */
  relatedContainment: number;
  /** …or that share at least this many words (long documents of one family share clauses, not a fifth of their text). */
  relatedWords: number;
  /** Occurrences listed per boilerplate passage (`documents` always counts them all). */
  maxOccurrences: number;
}

export const DEFAULTS = {
  minWords: 10,
  shingle: 5,
  permutations: 128,
  bands: 32,
  threshold: 0.05,
} as const;

function int(name: string, v: number | undefined, dflt: number, min: number, max: number): number {
  if (v === undefined) return dflt;
  if (!Number.isInteger(v) || v < min || v > max) throw new OverlapInputError(`${name} must be a whole number from ${min} to ${max} (got ${v})`);
  return v;
}

export function resolveParams(opts: OverlapOptions, documents: number): Params {
  const minWords = int('minWords', opts.minWords, DEFAULTS.minWords, 2, 10_000);
  const shingle = int('shingle', opts.shingle, DEFAULTS.shingle, 1, 32);
  const permutations = int('permutations', opts.permutations, DEFAULTS.permutations, 128, 1024);
  const bands = int('bands', opts.bands, DEFAULTS.bands, 1, permutations);
  if (permutations % bands !== 0) throw new OverlapInputError(`bands (${bands}) must divide permutations (${permutations})`);
  const threshold = opts.threshold ?? DEFAULTS.threshold;
  if (!(threshold >= 0 && threshold <= 1)) throw new OverlapInputError(`threshold must be between 0 and 1 (got ${threshold})`);
  return {
    minWords,
    shingle,
    permutations,
    bands,
    rows: permutations / bands,
    threshold,
    minUnit: 16,
    maxUnit: 192,
    anchor: Math.min(3, shingle),
    gap: 12,
    minMatched: 0.5,
    seedMaxDf: 50,
    minSeeds: Math.min(2, Math.max(1, minWords - shingle + 1)),
    bucketCap: 64,
    bucketWindow: 8,
    boilerplateMin: 5,
    boilerplateHard: Math.max(50, Math.ceil(documents * 0.05)),
    relatedContainment: 0.2,
    relatedWords: 3 * minWords,
    maxOccurrences: 1000,
  };
}
