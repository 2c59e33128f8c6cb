import { bool, int } from '../../search.ts';

export interface CompareSearch {
  /** The other document; the server picks the previous revision when absent. */
  against?: number;
  /** Hide unchanged clauses. */
  changes?: true;
}

export function validateCompareSearch(raw: Record<string, unknown>): CompareSearch {
  return { against: int(raw.against, 1), changes: bool(raw.changes) };
}
