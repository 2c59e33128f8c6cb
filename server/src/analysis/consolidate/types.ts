import type { ClauseKind } from '@mandate/shared';

/**
 * What consolidation reads: documents as their clauses in reading order, as
 * the library stores them. The draft, removals and redlines it produces are
 * the API's own types (`@mandate/shared`, streamline.ts).
 */

export interface SourceClause {
  kind: ClauseKind;
  heading: string;
  addressee: string | null;
  path: string;
  num: string;
  text: string;
}

export interface ConsolidationSource {
  id: number;
  label: string;
  /** The front of the source's text, for the redline: "RESOLUTION 64 (Rev. Dubai, 2018)", the title, the enacting formula. */
  header?: string;
  title?: string;
  preamble?: string;
  /** Near-duplicates keep the most recent wording when the years differ. */
  year?: number | null;
  clauses: readonly SourceClause[];
}

export interface ConsolidateOptions {
  /** Shingle similarity (0–1) from which two clauses count as one; default {@link DEFAULT_THRESHOLD}. */
  threshold?: number;
  /** Default "DRAFT CONSOLIDATED RESOLUTION". */
  header?: string;
  /** Default: the first source's title and enacting formula. */
  title?: string;
  preamble?: string;
}

/** Near-duplicates share about three word pairs in four: one reworded phrase, a renamed body, an updated citation. */
export const DEFAULT_THRESHOLD = 0.7;
export const DRAFT_HEADER = 'DRAFT CONSOLIDATED RESOLUTION';
