import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DocumentCitations, ReferencePage } from '@mandate/shared';
import { api } from '../../api.ts';
import { keys } from '../../queryClient.ts';
import { referenceQuery, type ReferenceSearch } from './search.ts';

// Under the documents key: an import or a status change (which invalidate it) changes what citations resolve to.
export function useReferences(search: ReferenceSearch) {
  const query = { ...referenceQuery(search), limit: search.limit ?? 50, offset: search.offset ?? 0 };
  return useQuery({
    queryKey: [...keys.documents, 'references', query],
    queryFn: ({ signal }) => api<ReferencePage>('/api/references', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDocumentCitations(id: number) {
  return useQuery({
    queryKey: [...keys.documents, 'citations', id],
    queryFn: ({ signal }) => api<DocumentCitations>(`/api/documents/${id}/citations`, { signal }),
  });
}
