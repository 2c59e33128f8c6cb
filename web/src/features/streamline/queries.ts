import { useQuery } from '@tanstack/react-query';
import type { Consolidation, ConsolidateExportRequest } from '@mandate/shared';
import { api, csrfToken, ProblemError } from '../../api.ts';
import { keys } from '../../queryClient.ts';

/** Under the documents' root key, so whatever refreshes the library refreshes the draft. */
export function useConsolidation(ids: number[]) {
  return useQuery({
    queryKey: [...keys.documents, 'consolidation', ids],
    queryFn: ({ signal }) => api<Consolidation>('/api/streamline/consolidate', { method: 'POST', body: { documentIds: ids }, signal }),
    enabled: ids.length >= 2,
    staleTime: 5 * 60_000,
  });
}

/**
 * Downloads an export. A POST (the request names the documents), so not a
 * plain link: the file arrives as a blob and is saved under the name the
 * server gives in Content-Disposition.
 */
export async function downloadConsolidation(body: ConsolidateExportRequest): Promise<void> {
  const token = csrfToken();
  const res = await fetch('/api/streamline/consolidate/export', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: '*/*', ...(token ? { 'X-CSRF-Token': token } : {}) },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({ title: res.statusText || `HTTP ${res.status}` }));
    throw new ProblemError({ type: 'about:blank', status: res.status, ...problem });
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'consolidated-draft';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // After the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
