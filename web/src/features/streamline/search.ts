import { MAX_CONSOLIDATION_SOURCES } from '@mandate/shared';

export interface ConsolidateSearch {
  /** The documents to merge, in order: `?ids=12,40`. */
  ids?: number[];
}

/** Positive whole numbers, each once, at most as many as the API takes. */
export function validateConsolidateSearch(raw: Record<string, unknown>): ConsolidateSearch {
  const list = Array.isArray(raw.ids) ? raw.ids : String(raw.ids ?? '').split(',');
  const ids = [...new Set(list.map((v) => Number(String(v).trim())).filter((n) => Number.isInteger(n) && n > 0))].slice(0, MAX_CONSOLIDATION_SOURCES);
  return { ids: ids.length ? ids : undefined };
}
