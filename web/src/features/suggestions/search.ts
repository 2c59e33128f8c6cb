import type { SuggestionStatus } from '@mandate/shared';
import { SUGGESTION_STATUSES } from '../../domain.ts';
import { int, oneOf } from '../../search.ts';

export interface SuggestionSearch {
  status?: SuggestionStatus;
  documentId?: number;
  limit?: number;
  offset?: number;
}

export function validateSuggestionSearch(raw: Record<string, unknown>): SuggestionSearch {
  return {
    status: oneOf(raw.status, SUGGESTION_STATUSES),
    documentId: int(raw.documentId, 1),
    limit: int(raw.limit, 1),
    offset: int(raw.offset, 0),
  };
}
