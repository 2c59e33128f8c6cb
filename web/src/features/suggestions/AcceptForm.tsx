import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionInput, Suggestion } from '@mandate/shared';
import { splitList } from '../../ui/format.ts';
import { Field } from '../../ui/Field.tsx';

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
        <Field label={t('actionForm.title')} wide>
          {(p) => <input {...p} type="text" required maxLength={500} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label={t('actionForm.description')} wide>
          {(p) => <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <Field label={t('actionForm.responsible')} hint={t('actionForm.listHint')}>
          {(p) => <input {...p} type="text" value={responsible} onChange={(e) => setResponsible(e.target.value)} />}
        </Field>
        <Field label={t('actionForm.dueDate')}>
          {(p) => <input {...p} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
        </Field>
        <Field label={t('actionForm.recurrence')}>
          {(p) => <input {...p} type="text" value={recurrence} onChange={(e) => setRecurrence(e.target.value)} />}
        </Field>
        <Field label={t('actionForm.tags')}>
          {(p) => <input {...p} type="text" value={tags} onChange={(e) => setTags(e.target.value)} />}
        </Field>
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
