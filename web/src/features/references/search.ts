import type { ReferenceStatus } from '@mandate/shared';
import { bool, int, listOf, str } from '../../search.ts';

/** Kept here rather than imported from the contract: the web bundle takes value lists only from the zod-free entry. */
export const REFERENCE_STATUSES = ['outdated', 'unknown', 'ambiguous', 'resolved'] as const satisfies readonly ReferenceStatus[];
/** What the report opens on: the citations someone should look at. */
export const NEEDS_ATTENTION: ReferenceStatus[] = ['outdated', 'unknown', 'ambiguous'];

export interface ReferenceSearch {
  status?: ReferenceStatus[];
  body?: string;
  targetBody?: string;
  external?: true;
  superseded?: true;
  limit?: number;
  offset?: number;
}

export function validateReferenceSearch(raw: Record<string, unknown>): ReferenceSearch {
  return {
    status: listOf(raw.status, REFERENCE_STATUSES),
    body: str(raw.body),
    targetBody: str(raw.targetBody),
    external: bool(raw.external),
    superseded: bool(raw.superseded),
    limit: int(raw.limit, 1),
    offset: int(raw.offset, 0),
  };
}

/** The API's query for a search (also the CSV link's). */
export function referenceQuery(s: ReferenceSearch) {
  return {
    status: (s.status ?? NEEDS_ATTENTION).join(','),
    body: s.body,
    targetBody: s.targetBody,
    external: s.external ? 'include' : 'exclude',
    citing: s.superseded ? 'all' : 'in_force',
  };
}
