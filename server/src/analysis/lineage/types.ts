import type { ClauseKind } from '@mandate/shared';

/** What the diff needs of a clause; ParsedClause and a stored clause row both fit. */
export interface ClauseLike {
  kind: ClauseKind;
  heading: string;
  path: string;
  num: string;
  text: string;
}

/** A matched pair: an index into the older and one into the newer list. */
export interface Match {
  old: number;
  new: number;
  /** 0..1; 1 for the same text. */
  similarity: number;
}
