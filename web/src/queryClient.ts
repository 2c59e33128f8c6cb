import { QueryClient, type QueryClient as QC } from '@tanstack/react-query';
import { ProblemError } from './api.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; network blips and 5xx might.
      retry: (count, error) => !(error instanceof ProblemError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

/**
 * Query-key roots. Everything about the action plan shows up in several places (plan table,
 * detail, dashboard, the reader's margin, suggestion lists, library counts), so one change
 * refreshes all of them.
 */
export const keys = {
  actions: ['actions'] as const,
  action: (id: number) => ['action', id] as const,
  dashboard: ['dashboard'] as const,
  documents: ['documents'] as const,
  document: (id: number) => ['document', id] as const,
  facets: ['documents', 'facets'] as const,
  suggestions: ['suggestions'] as const,
  units: ['organisations', 'unit'] as const,
};

export function invalidatePlan(qc: QC): Promise<void> {
  return Promise.all(
    [['actions'], ['action'], ['dashboard'], ['documents'], ['document'], ['suggestions'], ['organisations'], ['audit']].map((queryKey) =>
      qc.invalidateQueries({ queryKey }),
    ),
  ).then(() => undefined);
}
