import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OverlapPairDetail, OverlapReport, OverlapRun, OverlapStatus } from '@mandate/shared';
import { api } from '../../api.ts';

export const overlapKeys = {
  status: ['overlaps', 'status'] as const,
  report: ['overlaps', 'report'] as const,
  pairs: ['overlaps', 'pair'] as const,
  pair: (a: number, b: number) => ['overlaps', 'pair', a, b] as const,
};

export const isActive = (run: OverlapRun | null | undefined) => run?.status === 'queued' || run?.status === 'running';

/** The latest run, polled every second while one is going (the job writes its progress to the run). */
export function useOverlapStatus() {
  return useQuery({
    queryKey: overlapKeys.status,
    queryFn: ({ signal }) => api<OverlapStatus>('/api/overlaps/runs/latest', { signal }),
    refetchInterval: (q) => (isActive(q.state.data?.run) ? 1000 : false),
    staleTime: 0,
  });
}

export function useOverlapReport(q: { minContainment: number; sameLineage: boolean }, reportRunId: number | undefined) {
  return useQuery({
    // The finished run's id is in the key: a new report is fetched once, when a run ends.
    queryKey: [...overlapKeys.report, q, reportRunId],
    queryFn: ({ signal }) => api<OverlapReport>('/api/overlaps/report', { query: { minContainment: q.minContainment, sameLineage: q.sameLineage ? 'true' : undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStartRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mode: 'auto' | 'full') => api<OverlapRun>('/api/overlaps/runs', { method: 'POST', body: { mode } }),
    onSettled: () => qc.invalidateQueries({ queryKey: overlapKeys.status }),
  });
}

export function useOverlapPair(a: number, b: number) {
  return useQuery({
    queryKey: overlapKeys.pair(a, b),
    queryFn: ({ signal }) => api<OverlapPairDetail>(`/api/overlaps/pairs/${a}/${b}`, { signal }),
  });
}
