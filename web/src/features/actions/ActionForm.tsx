import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionInput, ActionStatus } from '@mandate/shared';
import { ACTION_STATUSES } from '../../domain.ts';
import { joinList, splitList } from '../../ui/format.ts';
import { ErrorBanner } from '../../ui/Feedback.tsx';
import { useUnits } from './queries.ts';
import { Field } from '../../ui/Field.tsx';

export type ActionFormValues = Omit<ActionInput, 'clauseIds'>;

const RECURRENCES = ['annually', 'every two years', 'every four years', 'to each Council session', 'to each TSAG meeting', 'to each Assembly'];

interface Props {
  initial?: Partial<ActionInput>;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: ActionFormValues) => void;
  onCancel?: () => void;
}

/** Create/edit form for an action item. List fields are typed as one comma-separated line. */
export function ActionForm({ initial = {}, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const units = useUnits();
  const [f, setF] = useState({
    title: initial.title ?? '',
    description: initial.description ?? '',
    status: initial.status ?? ('not_started' as ActionStatus),
    progress: String(initial.progress ?? 0),
    responsible: joinList(initial.responsible ?? []),
    collaborators: joinList(initial.collaborators ?? []),
    reportsTo: initial.reportsTo ?? '',
    dueDate: initial.dueDate ?? '',
    recurrence: initial.recurrence ?? '',
    tags: joinList(initial.tags ?? []),
  });
  // Whether visitors without an account see the item (the public plan).
  const [isPublic, setIsPublic] = useState(initial.isPublic ?? false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((prev) => ({ ...prev, [k]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      title: f.title.trim(),
      description: f.description,
      status: f.status,
      progress: Math.max(0, Math.min(100, Math.round(Number(f.progress) || 0))),
      responsible: splitList(f.responsible),
      collaborators: splitList(f.collaborators),
      reportsTo: f.reportsTo.trim(),
      dueDate: f.dueDate || null,
      recurrence: f.recurrence.trim(),
      tags: splitList(f.tags),
      isPublic,
    });
  };

  return (
    <form onSubmit={submit}>
      <ErrorBanner error={error} />
      <div className="form-grid">
        <Field label={t('actionForm.title')} wide>
          {(p) => <input {...p} type="text" required maxLength={500} value={f.title} onChange={set('title')} />}
        </Field>
        <Field label={t('actionForm.description')} wide>
          {(p) => <textarea {...p} rows={3} value={f.description} onChange={set('description')} />}
        </Field>
        <Field label={t('actionForm.status')}>
          {(p) => (
            <select {...p} value={f.status} onChange={set('status')}>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('actionForm.progress')}>
          {(p) => <input {...p} type="number" min={0} max={100} step={1} value={f.progress} onChange={set('progress')} />}
        </Field>
        <Field label={t('actionForm.responsible')} hint={t('actionForm.listHint')}>
          {(p) => <input {...p} type="text" list={`${id}-units`} value={f.responsible} onChange={set('responsible')} />}
        </Field>
        <Field label={t('actionForm.collaborators')} hint={t('actionForm.listHint')}>
          {(p) => <input {...p} type="text" list={`${id}-units`} value={f.collaborators} onChange={set('collaborators')} />}
        </Field>
        <Field label={t('actionForm.reportsTo')}>
          {(p) => <input {...p} type="text" value={f.reportsTo} onChange={set('reportsTo')} />}
        </Field>
        <Field label={t('actionForm.dueDate')}>
          {(p) => <input {...p} type="date" value={f.dueDate} onChange={set('dueDate')} />}
        </Field>
        <Field label={t('actionForm.recurrence')}>
          {(p) => <input {...p} type="text" list={`${id}-recurrence`} value={f.recurrence} onChange={set('recurrence')} />}
        </Field>
        <Field label={t('actionForm.tags')} hint={t('actionForm.listHint')}>
          {(p) => <input {...p} type="text" value={f.tags} onChange={set('tags')} />}
        </Field>
        <Field label={t('auth.publicItem')} hint={t('auth.publicItemHint')}>
          {(p) => <input {...p} type="checkbox" checked={isPublic} onChange={(e) => setIsPublic(e.target.checked)} />}
        </Field>
      </div>
      <datalist id={`${id}-units`}>
        {units.data?.items.map((u) => <option key={u.id} value={u.acronym || u.name} label={u.name} />)}
      </datalist>
      <datalist id={`${id}-recurrence`}>
        {RECURRENCES.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
