import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DocumentDiff, DocumentLineage } from '@mandate/shared';
import { api } from '../../api.ts';
import { keys } from '../../queryClient.ts';

/** Under the document's key, so whatever refreshes the document refreshes these too. */
const lineageKey = (id: number) => [...keys.document(id), 'lineage'] as const;
const diffKey = (id: number, against: number | undefined) => [...keys.document(id), 'diff', against ?? 'previous'] as const;

export function useLineage(id: number) {
  return useQuery({
    queryKey: lineageKey(id),
    queryFn: ({ signal }) => api<DocumentLineage>(`/api/documents/${id}/lineage`, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useDocumentDiff(id: number, against: number | undefined) {
  return useQuery({
    queryKey: diffKey(id, against),
    queryFn: ({ signal }) => api<DocumentDiff>(`/api/documents/${id}/diff`, { query: { against }, signal }),
    // Switching revisions keeps the last comparison on screen until the next one arrives.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
