import type { DocumentKind, DocumentStatus } from '@mandate/shared';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../domain.ts';
import { int, oneOf, str } from '../../search.ts';

export const DOCUMENT_SORTS = ['body', 'label', 'year', 'number'] as const;

export interface DocumentSearch {
  q?: string;
  body?: string;
  kind?: DocumentKind;
  year?: number;
  status?: DocumentStatus;
  sort?: (typeof DOCUMENT_SORTS)[number];
  limit?: number;
  offset?: number;
}

export function validateDocumentSearch(raw: Record<string, unknown>): DocumentSearch {
  return {
    q: str(raw.q),
    body: str(raw.body),
    kind: oneOf(raw.kind, DOCUMENT_KINDS),
    year: int(raw.year, 1900),
    status: oneOf(raw.status, DOCUMENT_STATUSES),
    sort: oneOf(raw.sort, DOCUMENT_SORTS),
    limit: int(raw.limit, 1),
    offset: int(raw.offset, 0),
  };
}
