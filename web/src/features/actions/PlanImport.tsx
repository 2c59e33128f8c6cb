import { useState, type ChangeEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlanImportResult } from '@mandate/shared';
import { upload } from '../../api.ts';
import { invalidatePlan } from '../../queryClient.ts';

/** Row-level errors come as a 400 problem with `errors`. */
export type { PlanImportResult };

export function uploadPlan(file: File, onProgress?: (f: number) => void) {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<PlanImportResult>('/api/actions/import', form, onProgress);
}

export function PlanImportSummary({ result }: { result: PlanImportResult }) {
  const { t } = useTranslation();
  const counters = (['rows', 'created', 'updated', 'unchanged', 'updatesAdded'] as const).filter((k) => typeof result[k] === 'number');
  return (
    <div>
      <strong>{t('planImport.done')}</strong>{' '}
      {counters.map((k) => t(`planImport.${k}`, { count: result[k] })).join(' · ')}
    </div>
  );
}

/** "Import plan" button: a labelled file input that uploads as soon as a file is chosen. */
export function PlanImportButton({ onResult, onError }: { onResult: (r: PlanImportResult) => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: (file: File) => uploadPlan(file, setProgress),
    onSuccess: (r) => {
      onResult(r ?? {});
      void invalidatePlan(qc);
    },
    onError,
  });

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again must upload again
    if (file) {
      setProgress(0);
      mutation.mutate(file);
    }
  };

  return (
    <label className="btn file-btn" aria-busy={mutation.isPending}>
      {mutation.isPending ? t('planImport.uploading', { pct: Math.round(progress * 100) }) : t('actions.importPlan')}
      <input
        type="file"
        className="visually-hidden"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={mutation.isPending}
        onChange={choose}
      />
    </label>
  );
}
