import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionDetail, ActionInput, ActionPatch, ActionSummary, Organisation, UpdateInput } from '@mandate/shared';
import { api, ifMatch, isProblem } from '../../api.ts';
import { invalidatePlan, keys } from '../../queryClient.ts';
import { actionListQuery, type ActionSearch } from './search.ts';

export interface Page<T> {
  items: T[];
  total: number;
}

export function useActions(search: ActionSearch) {
  const query = actionListQuery(search);
  return useQuery({
    queryKey: [...keys.actions, query],
    queryFn: ({ signal }) => api<Page<ActionSummary>>('/api/actions', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Actions of one document, for "merge into existing" choices. */
export function useDocumentActions(documentId: number | undefined) {
  const query = { documentId, limit: 500, sort: 'ref' };
  return useQuery({
    queryKey: [...keys.actions, query],
    queryFn: ({ signal }) => api<Page<ActionSummary>>('/api/actions', { query, signal }),
    enabled: documentId !== undefined,
  });
}

export function useAction(id: number) {
  return useQuery({
    queryKey: keys.action(id),
    queryFn: ({ signal }) => api<ActionDetail>(`/api/actions/${id}`, { signal }),
  });
}

export function useUnits() {
  return useQuery({
    queryKey: keys.units,
    queryFn: ({ signal }) =>
      api<Page<Organisation>>('/api/organisations', { query: { type: 'unit', limit: 500 }, signal }),
    staleTime: 5 * 60_000,
  });
}

/** PATCH guarded by If-Match: a 412 means someone else saved first; the caller shows it. */
export function usePatchAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: number; version: number; patch: ActionPatch }) =>
      api<ActionDetail>(`/api/actions/${id}`, { method: 'PATCH', body: patch, headers: ifMatch(version) }),
    onSuccess: (detail) => {
      if (detail && typeof detail === 'object' && 'id' in detail) qc.setQueryData(keys.action(detail.id), detail);
    },
    onSettled: () => invalidatePlan(qc),
  });
}

export function useCreateAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ActionInput> & { title: string }) =>
      api<ActionDetail>('/api/actions', { method: 'POST', body: input }),
    onSuccess: () => invalidatePlan(qc),
  });
}

/** A progress update changes the item too, so it is based on a version like any other write. */
export function useAddUpdate(actionId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ version, input }: { version: number; input: Partial<UpdateInput> & { text: string } }) =>
      api<ActionDetail>(`/api/actions/${actionId}/updates`, { method: 'POST', body: input, headers: ifMatch(version) }),
    onSuccess: (detail) => {
      if (detail && typeof detail === 'object' && 'id' in detail) qc.setQueryData(keys.action(detail.id), detail);
    },
    onSettled: () => invalidatePlan(qc),
  });
}

/** What a 412 carries: the state now, and who changed it last (when the server knows). */
export interface StaleWrite<T> {
  current: T;
  lastChange?: { actor: string; at: string };
}

export function staleWriteOf<T>(e: unknown): StaleWrite<T> | null {
  if (!isProblem(e, 412)) return null;
  const p = e.problem as unknown as Partial<StaleWrite<T>>;
  return p.current ? { current: p.current, lastChange: p.lastChange } : null;
}
