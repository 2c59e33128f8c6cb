/**
 * The overlap engine's contract: documents in, shared passages out.
 * Offsets are JavaScript string indices (UTF-16 code units) into each document's `text`,
 * end exclusive: `text.slice(start, end)` is the passage.
 */

export interface OverlapDocument {
  id: string;
  text: string;
}

export interface OverlapProgress {
  phase: string;
  done: number;
  total: number;
}

export interface OverlapOptions {
  /** Minimum passage length in words (default 10: about one clause). */
  minWords?: number;
  /** Shingle length in words (default 5). */
  shingle?: number;
  /** MinHash size: bins of the one-permutation MinHash, i.e. hash values per signature (default 128, at least 128). */
  permutations?: number;
  /** LSH bands (default 32: 32 bands × 4 rows for 128 permutations). */
  bands?: number;
  /** Minimum containment for a reported document pair (default 0.05: one reused clause in two resolutions of a few hundred words). */
  threshold?: number;
  /** Worker threads for findOverlapsParallel (default: available parallelism, at most 8). */
  workers?: number;
  onProgress?: (p: OverlapProgress) => void;
}

export interface OverlapPassage {
  a: [number, number];
  b: [number, number];
  words: number;
}

export interface OverlapPair {
  /** a < b by id order. */
  a: string;
  b: string;
  /** Share of the shorter document's words covered by shared (non-boilerplate) passages, in [0, 1]. */
  containment: number;
  passages: OverlapPassage[];
}

export interface BoilerplatePassage {
  text: string;
  documents: number;
  occurrences: { id: string; start: number; end: number }[];
}

export interface OverlapResult {
  documents: number;
  pairs: OverlapPair[];
  boilerplate: BoilerplatePassage[];
}
