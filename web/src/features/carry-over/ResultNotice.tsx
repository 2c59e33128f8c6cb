import { useTranslation } from 'react-i18next';
import type { CarryOverResult } from '@mandate/shared';
import { ErrorBanner, Notice } from '../../ui/Feedback.tsx';
import { useUndoCarryOver } from './queries.ts';

/** What the carry-over did, how to take it back, and the undo itself. */
export function ResultNotice({ result, toLabel, onClose }: { result: CarryOverResult; toLabel: string; onClose: () => void }) {
  const { t } = useTranslation();
  const undo = useUndoCarryOver();
  const outcome = undo.data;
  return (
    <>
      <Notice tone={outcome ? 'info' : 'success'} onClose={onClose}>
        {!outcome && (
          <p className="carry-result">
            {result.carried.length > 0 && t('carryOver.done', { count: result.carried.length, to: toLabel })}{' '}
            {result.unchanged.length > 0 && t('carryOver.doneUnchanged', { count: result.unchanged.length })}
          </p>
        )}
        {result.carried.length > 0 && !outcome && (
          <p className="carry-result">
            {t('carryOver.undoHint')}{' '}
            <button type="button" className="btn btn-sm" disabled={undo.isPending} onClick={() => undo.mutate(result)}>
              {undo.isPending ? t('carryOver.undoing') : t('carryOver.undo')}
            </button>
          </p>
        )}
        {outcome && outcome.undone.length > 0 && <p className="carry-result">{t('carryOver.undone', { refs: outcome.undone.join(', ') })}</p>}
        {outcome && outcome.changed.length > 0 && <p className="carry-result">{t('carryOver.undoChanged', { refs: outcome.changed.join(', ') })}</p>}
      </Notice>
      <ErrorBanner error={undo.error} />
    </>
  );
}
