import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '@mandate/shared';
import { Loading } from '../../ui/Feedback.tsx';
import { useDocumentActions } from '../actions/queries.ts';
import { Field } from '../../ui/Field.tsx';

/** Fold the suggestion into an existing item of the same document (its clauses join that item). */
export function MergeForm({ suggestion, pending, onMerge, onCancel }: {
  suggestion: Suggestion;
  pending: boolean;
  onMerge: (actionId: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const actions = useDocumentActions(suggestion.documentId);
  const [actionId, setActionId] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (actionId) onMerge(Number(actionId));
  };
  const items = actions.data?.items ?? [];

  return (
    <form className="inline-form merge-form" onSubmit={submit} aria-label={t('suggestions.merge')}>
      {actions.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('suggestions.noActionsToMerge', { document: suggestion.documentLabel })}</p>
      ) : (
        <Field label={t('suggestions.mergeInto')}>
          {(p) => (
            <select {...p} required value={actionId} onChange={(e) => setActionId(e.target.value)}>
              <option value="">{t('suggestions.chooseAction')}</option>
              {items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.ref} — {a.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary btn-sm" disabled={pending || !actionId}>
          {t('suggestions.confirmMerge')}
        </button>
      </div>
    </form>
  );
}
