import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { ActionDetail, ActionStatus, EvidenceLink, UpdateInput } from '@mandate/shared';
import { isProblem } from '../../../api.ts';
import { keys } from '../../../queryClient.ts';
import { ACTION_STATUSES } from '../../../domain.ts';
import { ErrorBanner, Notice } from '../../../ui/Feedback.tsx';
import { today } from '../../../ui/format.ts';
import { staleWriteOf, useAddUpdate, type StaleWrite } from '../queries.ts';
import { Field } from '../../../ui/Field.tsx';

const emptyLink = (): EvidenceLink => ({ label: '', url: '' });

type Input = Partial<UpdateInput> & { text: string };

/**
 * "Add update": a dated progress report, optional status change and progress,
 * evidence links. It is based on the item's `version`: if someone changed the
 * item meanwhile, the page shows their state and the user decides whether
 * their report still stands (add it now) or not (discard it).
 */
export function AddUpdateForm({ actionId, version }: { actionId: number; version: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const add = useAddUpdate(actionId);
  const [stale, setStale] = useState<{ input: Input; write: StaleWrite<ActionDetail> } | null>(null);
  const [date, setDate] = useState(today());
  const [text, setText] = useState('');
  const [statusTo, setStatusTo] = useState<ActionStatus | ''>('');
  const [progress, setProgress] = useState('');
  const [evidence, setEvidence] = useState<EvidenceLink[]>([]);
  const [saved, setSaved] = useState(false);

  const setLink = (i: number, patch: Partial<EvidenceLink>) =>
    setEvidence((links) => links.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const reset = () => {
    setText('');
    setStatusTo('');
    setProgress('');
    setEvidence([]);
    setStale(null);
  };

  const send = (input: Input, basedOn: number) =>
    add.mutate(
      { version: basedOn, input },
      {
        onSuccess: () => {
          reset();
          setSaved(true);
        },
        onError: (e) => {
          const write = staleWriteOf<ActionDetail>(e);
          if (!write) return;
          qc.setQueryData(keys.action(actionId), write.current);
          setStale({ input, write });
        },
      },
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    send(
      {
        date: date || undefined,
        text: text.trim(),
        statusTo: statusTo || undefined,
        progress: progress === '' ? undefined : Math.max(0, Math.min(100, Math.round(Number(progress)))),
        evidence: evidence
          .filter((l) => l.url.trim())
          .map((l) => ({ label: l.label.trim() || l.url.trim(), url: l.url.trim() })),
      },
      version,
    );
  };

  // Enter makes a new line in the report; Ctrl/⌘+Enter sends it.
  const submitOnCtrlEnter = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
  };

  return (
    <form onSubmit={submit} aria-label={t('detail.addUpdate')}>
      <ErrorBanner error={isProblem(add.error, 412) ? null : add.error} />
      {stale && (
        <div className="banner banner-warning" role="alert">
          <div className="banner-body">
            {stale.write.lastChange
              ? t('conflict.updateNotAdded', { actor: stale.write.lastChange.actor, at: `${stale.write.lastChange.at.slice(0, 16).replace('T', ' ')} UTC` })
              : t('conflict.updateNotAddedSomeone')}
            <div className="toolbar">
              <button type="button" className="btn btn-primary btn-sm" disabled={add.isPending} onClick={() => send(stale.input, stale.write.current.version)}>
                {t('conflict.addAnyway')}
              </button>
              <button type="button" className="btn btn-sm" onClick={reset}>
                {t('conflict.discard')}
              </button>
            </div>
          </div>
        </div>
      )}
      {saved && <Notice tone="success" onClose={() => setSaved(false)}>{t('detail.updateSaved')}</Notice>}
      <div className="form-grid">
        <Field label={t('detail.updateText')} hint={t('detail.ctrlEnter')} wide>
          {(p) => (
            <textarea {...p} required rows={3} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={submitOnCtrlEnter} />
          )}
        </Field>
        <Field label={t('detail.updateDate')}>
          {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label={t('detail.newStatus')}>
          {(p) => (
            <select {...p} value={statusTo} onChange={(e) => setStatusTo(e.target.value as ActionStatus | '')}>
              <option value="">{t('detail.noStatusChange')}</option>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('detail.newProgress')}>
          {(p) => (
            <input {...p} type="number" min={0} max={100} step={1} value={progress} onChange={(e) => setProgress(e.target.value)} />
          )}
        </Field>
      </div>
      <fieldset className="evidence-fieldset">
        <legend>{t('detail.evidence')}</legend>
        {evidence.map((l, i) => (
          <div key={i} className="evidence-row">
            <input
              type="text"
              aria-label={t('detail.evidenceLabel', { n: i + 1 })}
              placeholder={t('detail.evidenceLabelPlaceholder')}
              value={l.label}
              onChange={(e) => setLink(i, { label: e.target.value })}
            />
            <input
              type="url"
              aria-label={t('detail.evidenceUrl', { n: i + 1 })}
              placeholder="https://"
              required
              value={l.url}
              onChange={(e) => setLink(i, { url: e.target.value })}
            />
            <button type="button" className="btn btn-sm" onClick={() => setEvidence((ls) => ls.filter((_, j) => j !== i))}>
              {t('detail.removeEvidence', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-sm" onClick={() => setEvidence((ls) => [...ls, emptyLink()])}>
          {t('detail.addEvidence')}
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          {add.isPending ? t('common.saving') : t('detail.saveUpdate')}
        </button>
      </div>
    </form>
  );
}
