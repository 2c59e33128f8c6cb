import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DocumentDetail, DocumentSummary } from '@mandate/shared';
import { api } from '../../api.ts';
import { keys } from '../../queryClient.ts';
import type { Page } from '../actions/queries.ts';
import type { DocumentSearch } from './search.ts';

export interface Facets {
  bodies: string[];
  kinds: string[];
  years: number[];
}

export function useDocuments(search: DocumentSearch) {
  const query = { ...search, sort: search.sort ?? 'body', limit: search.limit ?? 50, offset: search.offset ?? 0 };
  return useQuery({
    queryKey: [...keys.documents, 'list', query],
    queryFn: ({ signal }) => api<Page<DocumentSummary>>('/api/documents', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every document, for "resolution" pickers (the API caps a page at 500). */
export function useDocumentOptions() {
  return useQuery({
    queryKey: [...keys.documents, 'options'],
    queryFn: ({ signal }) =>
      api<Page<DocumentSummary>>('/api/documents', { query: { limit: 500, sort: 'body' }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useFacets() {
  return useQuery({
    queryKey: keys.facets,
    queryFn: ({ signal }) => api<Facets>('/api/documents/facets', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useDocument(id: number) {
  return useQuery({
    queryKey: keys.document(id),
    queryFn: ({ signal }) => api<DocumentDetail>(`/api/documents/${id}`, { signal }),
  });
}
