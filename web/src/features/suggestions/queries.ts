import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionInput, Suggestion } from '@mandate/shared';
import { api, ifMatch } from '../../api.ts';
import { invalidatePlan, keys } from '../../queryClient.ts';
import type { Page } from '../actions/queries.ts';
import type { SuggestionSearch } from './search.ts';

export function useSuggestions(search: SuggestionSearch) {
  const query = {
    status: search.status ?? 'pending',
    documentId: search.documentId,
    limit: search.limit ?? 50,
    offset: search.offset ?? 0,
  };
  return useQuery({
    queryKey: [...keys.suggestions, query],
    queryFn: ({ signal }) => api<Page<Suggestion>>('/api/suggestions', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every decision carries the suggestion's version: if another reviewer decided first, the server answers 412. */
export type Decision =
  | { kind: 'accept'; id: number; version: number; edits?: Partial<ActionInput> }
  | { kind: 'merge'; id: number; version: number; actionId: number }
  | { kind: 'dismiss'; id: number; version: number };

/** Accept / merge / dismiss: all three change the plan, the reader margin and the dashboard. */
export function useDecideSuggestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: Decision) => {
      const path = `/api/suggestions/${d.id}/${d.kind}`;
      const headers = ifMatch(d.version);
      if (d.kind === 'accept') return api<unknown>(path, { method: 'POST', body: d.edits ?? {}, headers });
      if (d.kind === 'merge') return api<unknown>(path, { method: 'POST', body: { actionId: d.actionId }, headers });
      return api<unknown>(path, { method: 'POST', body: {}, headers });
    },
    onSettled: () => invalidatePlan(qc),
  });
}
