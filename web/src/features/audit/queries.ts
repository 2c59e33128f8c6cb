import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntity, AuditEntry } from '@mandate/shared';
import { api } from '../../api.ts';
import type { Page } from '../actions/queries.ts';

export const historyKey = (entity: AuditEntity, id: number | string, limit: number) => ['audit', entity, String(id), limit] as const;

/** One entity's history from the audit trail, newest first. */
export function useHistory(entity: AuditEntity, id: number | string, limit: number) {
  return useQuery({
    queryKey: historyKey(entity, id, limit),
    queryFn: ({ signal }) => api<Page<AuditEntry>>('/api/audit', { query: { entity, id, limit }, signal }),
    placeholderData: keepPreviousData,
  });
}
