import type { ActionStatus } from '@mandate/shared';
import { ACTION_STATUSES } from '../../domain.ts';
import { bool, int, listOf, oneOf, str } from '../../search.ts';

export const ACTION_SORTS = ['ref', 'title', 'status', 'progress', 'dueDate', 'lastUpdate'] as const;
export type ActionSort = (typeof ACTION_SORTS)[number];

/** The plan's filters, sort and page, all held in the URL. */
export interface ActionSearch {
  q?: string;
  status?: ActionStatus[];
  responsible?: string;
  documentId?: number;
  tag?: string;
  overdue?: true;
  stale?: true;
  sort?: ActionSort;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export const DEFAULT_LIMIT = 50;

export function validateActionSearch(raw: Record<string, unknown>): ActionSearch {
  return {
    q: str(raw.q),
    status: listOf(raw.status, ACTION_STATUSES),
    responsible: str(raw.responsible),
    documentId: int(raw.documentId, 1),
    tag: str(raw.tag),
    overdue: bool(raw.overdue),
    stale: bool(raw.stale),
    sort: oneOf(raw.sort, ACTION_SORTS),
    order: oneOf(raw.order, ['asc', 'desc'] as const),
    limit: int(raw.limit, 1),
    offset: int(raw.offset, 0),
  };
}

/** The filters only (no paging), as API query params: shared by the list and the export links. */
export function actionFilterQuery(s: ActionSearch) {
  return {
    q: s.q,
    status: s.status?.join(','),
    responsible: s.responsible,
    documentId: s.documentId,
    tag: s.tag,
    overdue: s.overdue,
    stale: s.stale,
  };
}

export function actionListQuery(s: ActionSearch) {
  return {
    ...actionFilterQuery(s),
    sort: s.sort ?? 'ref',
    order: s.order ?? 'asc',
    limit: s.limit ?? DEFAULT_LIMIT,
    offset: s.offset ?? 0,
  };
}
