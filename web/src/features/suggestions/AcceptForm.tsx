import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionInput, Suggestion } from '@mandate/shared';
import { splitList } from '../../ui/format.ts';

/** Edit the proposed item before accepting it; only the fields shown are sent as overrides. */
export function AcceptForm({ suggestion, pending, onAccept, onCancel }: {
  suggestion: Suggestion;
  pending: boolean;
  onAccept: (edits: Partial<ActionInput>) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(suggestion.title);
  const [description, setDescription] = useState(suggestion.description);
  const [responsible, setResponsible] = useState(suggestion.addressee);
  const [dueDate, setDueDate] = useState('');
  const [recurrence, setRecurrence] = useState('');
  const [tags, setTags] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAccept({
      title: title.trim(),
      description,
      responsible: splitList(responsible),
      dueDate: dueDate || null,
      recurrence: recurrence.trim(),
      tags: splitList(tags),
    });
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('suggestions.editAccept')}>
      <div className="form-grid">
        <label className="field span-all">
          <span>{t('actionForm.title')}</span>
          <input type="text" required maxLength={500} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field span-all">
          <span>{t('actionForm.description')}</span>
          <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label className="field">
          <span>
            {t('actionForm.responsible')} <span className="hint">{t('actionForm.listHint')}</span>
          </span>
          <input type="text" value={responsible} onChange={(e) => setResponsible(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('actionForm.dueDate')}</span>
          <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('actionForm.recurrence')}</span>
          <input type="text" value={recurrence} onChange={(e) => setRecurrence(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('actionForm.tags')}</span>
          <input type="text" value={tags} onChange={(e) => setTags(e.target.value)} />
        </label>
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary btn-sm" disabled={pending}>
          {t('suggestions.acceptEdited')}
        </button>
      </div>
    </form>
  );
}
