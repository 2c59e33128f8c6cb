import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '@mandate/shared';
import { api, ifMatch } from '../../api.ts';
import { invalidatePlan } from '../../queryClient.ts';
import { ErrorBanner } from '../../ui/Feedback.tsx';
import { useCan } from './session.ts';

/** For editors: whether visitors without an account see this document (PATCH with If-Match on its version). */
export function PublishToggle({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const publish = useMutation({
    mutationFn: (isPublic: boolean) => api<DocumentDetail>(`/api/documents/${doc.id}`, { method: 'PATCH', body: { isPublic }, headers: ifMatch(doc.version) }),
    onSettled: () => invalidatePlan(qc),
  });
  if (!can.edit) return null;
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={doc.isPublic} disabled={publish.isPending} onChange={(e) => publish.mutate(e.target.checked)} /> {t('auth.publicDocument')}
      </label>
      <ErrorBanner error={publish.error} />
    </>
  );
}
