import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionStatus, ActionSummary } from '@mandate/shared';
import { ACTION_STATUSES } from '../../domain.ts';
import { usePatchAction } from './queries.ts';
import { StatusPill } from '../../ui/StatusPill.tsx';
import { useCan } from '../auth/session.ts';

/** Inline status change in the plan table: PATCH with If-Match on the row's version. */
export function StatusSelect({ action, onError }: { action: ActionSummary; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const patch = usePatchAction();
  const [pending, setPending] = useState<ActionStatus | null>(null);
  const value = pending ?? action.status;
  const can = useCan();
  // Viewers and the public read the status; contributors and up may change it (the server checks whose item it is).
  if (!can.contribute) return <StatusPill status={action.status} />;

  const change = (status: ActionStatus) => {
    setPending(status);
    patch.mutate(
      { id: action.id, version: action.version, patch: { status } },
      { onError, onSettled: () => setPending(null) },
    );
  };

  return (
    <select
      className="status-select"
      data-status={value}
      value={value}
      disabled={patch.isPending}
      aria-label={t('actions.statusOf', { ref: action.ref })}
      onChange={(e) => change(e.target.value as ActionStatus)}
    >
      {ACTION_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(`status.${s}`)}
        </option>
      ))}
    </select>
  );
}
