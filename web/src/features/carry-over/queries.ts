import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionDetail, CarryOverInput, CarryOverProposal, CarryOverResult } from '@mandate/shared';
import { api, ifMatch, isProblem } from '../../api.ts';
import { invalidatePlan, keys } from '../../queryClient.ts';

/** Under the older document's key: whatever refreshes it (an import, a change of the plan) refreshes the proposal. */
const proposalKey = (from: number, to: number) => [...keys.document(from), 'carry-over', to] as const;

export function useCarryOverProposal(from: number, to: number | undefined) {
  return useQuery({
    queryKey: proposalKey(from, to ?? 0),
    queryFn: ({ signal }) => api<CarryOverProposal>(`/api/documents/${from}/carry-over`, { query: { to }, signal }),
    enabled: to !== undefined,
  });
}

export function useApplyCarryOver(from: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CarryOverInput) => api<CarryOverResult>(`/api/documents/${from}/carry-over`, { method: 'POST', body: input }),
    onSettled: () => invalidatePlan(qc),
  });
}

export interface UndoOutcome {
  undone: string[];
  /** Items changed by someone since the carry-over: left alone, to be looked at by hand. */
  changed: string[];
}

/**
 * Takes the added sources off again, item by item, through the ordinary
 * PATCH (audited, like any change). If-Match is the version the carry-over
 * gave each item, so an item someone changed since is left alone (412).
 */
export function useUndoCarryOver() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (result: CarryOverResult): Promise<UndoOutcome> => {
      const outcome: UndoOutcome = { undone: [], changed: [] };
      for (const c of result.carried) {
        const current = await api<ActionDetail>(`/api/actions/${c.actionId}`);
        const clauseIds = current.sources.map((s) => s.clauseId).filter((id) => !c.added.includes(id));
        try {
          await api<ActionDetail>(`/api/actions/${c.actionId}`, { method: 'PATCH', body: { clauseIds }, headers: ifMatch(c.version) });
          outcome.undone.push(c.ref);
        } catch (e) {
          if (!isProblem(e, 412)) throw e;
          outcome.changed.push(c.ref);
        }
      }
      return outcome;
    },
    onSettled: () => invalidatePlan(qc),
  });
}
