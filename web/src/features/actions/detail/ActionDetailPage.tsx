import { useState, type ReactNode } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { ActionDetail, ActionPatch } from '@mandate/shared';
import { isProblem } from '../../../api.ts';
import { keys } from '../../../queryClient.ts';
import { HistoryPanel } from '../../audit/HistoryPanel.tsx';
import { ErrorBanner, Loading } from '../../../ui/Feedback.tsx';
import { ProgressBar } from '../../../ui/ProgressBar.tsx';
import { StatusPill } from '../../../ui/StatusPill.tsx';
import { ActionForm } from '../ActionForm.tsx';
import { staleWriteOf, useAction, usePatchAction, type StaleWrite } from '../queries.ts';
import { ActionConflict } from './ActionConflict.tsx';
import { AddUpdateForm } from './AddUpdateForm.tsx';
import { Timeline } from './Timeline.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { useCan } from '../../auth/session.ts';

const route = getRouteApi('/actions/$id');

export function ActionDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useAction(Number(id));
  usePageTitle(query.data ? `${query.data.ref} ${query.data.title}` : undefined);

  return (
    <div className="stack">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/actions">{t('nav.actions')}</Link>
      </nav>
      <ErrorBanner error={query.error} onRetry={isProblem(query.error, 404) ? undefined : () => void query.refetch()} />
      {query.isPending && !query.error && <Loading />}
      {query.data && <ActionView action={query.data} />}
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{children || <span className="muted">—</span>}</dd>
    </div>
  );
}

/** A save refused with 412: what the user started from, what they sent, and the server's current state. */
interface Conflict {
  base: ActionDetail;
  mine: ActionPatch;
  stale: StaleWrite<ActionDetail>;
}

function ActionView({ action: a }: { action: ActionDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  // Editors edit the item; contributors (on their units' items) and up report progress.
  const can = useCan();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const patch = usePatchAction();

  /** Saves based on `version`; a 412 opens the conflict view instead of an error. */
  const save = (base: ActionDetail, values: ActionPatch, version: number) =>
    patch.mutate(
      { id: a.id, version, patch: values },
      {
        onSuccess: () => {
          setConflict(null);
          setEditing(false);
        },
        onError: (e) => {
          const stale = staleWriteOf<ActionDetail>(e);
          if (stale) {
            setConflict({ base, mine: values, stale });
            setEditing(false);
          }
        },
      },
    );

  return (
    <>
      <header className="detail-header panel">
        <div className="panel-body">
          <div className="detail-ref">
            <span className="ref">{a.ref}</span>
            <StatusPill status={a.status} />
            {a.overdue && <span className="pill overdue-pill">{t('actions.overdue')}</span>}
          </div>
          <h1>{a.title}</h1>
          <ProgressBar value={a.progress} label={t('actions.progressOf', { ref: a.ref })} />
        </div>
      </header>

      {conflict && (
        <ActionConflict
          {...conflict}
          pending={patch.isPending}
          onUseTheirs={() => {
            qc.setQueryData(keys.action(a.id), conflict.stale.current);
            setConflict(null);
          }}
          onKeepMine={(mine, version) => save(conflict.base, mine, version)}
        />
      )}

      <div className="detail-grid">
        <div className="stack">
          <section className="panel" aria-labelledby="details-h">
            <div className="panel-header">
              <h2 id="details-h">{t('detail.details')}</h2>
              {!editing && can.edit && (
                <button type="button" className="btn btn-sm" onClick={() => setEditing(true)}>
                  {t('detail.edit')}
                </button>
              )}
            </div>
            <div className="panel-body">
              {editing ? (
                <ActionForm
                  initial={a}
                  submitLabel={t('common.save')}
                  pending={patch.isPending}
                  error={isProblem(patch.error, 412) ? null : patch.error}
                  onCancel={() => {
                    patch.reset();
                    setEditing(false);
                  }}
                  onSubmit={(values) => save(a, values, a.version)}
                />
              ) : (
                <>
                  {a.description && <p className="description">{a.description}</p>}
                  <dl className="dl">
                    <Field label={t('actions.col.responsible')}>{a.responsible.join(', ')}</Field>
                    <Field label={t('actionForm.collaborators')}>{a.collaborators.join(', ')}</Field>
                    <Field label={t('actionForm.reportsTo')}>{a.reportsTo}</Field>
                    <Field label={t('actions.col.dueDate')}>
                      {a.dueDate && <span className={a.overdue ? 'overdue' : undefined}>{a.dueDate}</span>}
                    </Field>
                    <Field label={t('actionForm.recurrence')}>{a.recurrence}</Field>
                    <Field label={t('actionForm.tags')}>
                      {a.tags.length > 0 && (
                        <span className="list-inline">
                          {a.tags.map((tag) => (
                            <Link key={tag} className="tag" to="/actions" search={{ tag }}>
                              {tag}
                            </Link>
                          ))}
                        </span>
                      )}
                    </Field>
                    <Field label={t('actions.col.lastUpdate')}>{a.lastUpdate}</Field>
                    <Field label={t('detail.updatedAt')}>{a.updatedAt.slice(0, 16).replace('T', ' ')}</Field>
                  </dl>
                </>
              )}
            </div>
          </section>

          <section className="panel" aria-labelledby="sources-h">
            <div className="panel-header">
              <h2 id="sources-h">{t('detail.sources')}</h2>
            </div>
            <div className="panel-body">
              {a.sources.length === 0 ? (
                <p className="muted">{t('detail.noSources')}</p>
              ) : (
                <ul className="sources">
                  {a.sources.map((s) => (
                    <li key={s.clauseId}>
                      <Link to="/documents/$id" params={{ id: String(s.documentId) }} hash={`clause-${s.clauseId}`}>
                        {s.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>
        </div>

        <div className="stack">
          <section className="panel" aria-labelledby="add-update-h" hidden={!can.contribute}>
            <div className="panel-header">
              <h2 id="add-update-h">{t('detail.addUpdate')}</h2>
            </div>
            <div className="panel-body">
              <AddUpdateForm actionId={a.id} version={a.version} />
            </div>
          </section>
          <section className="panel" aria-labelledby="timeline-h">
            <div className="panel-header">
              <h2 id="timeline-h">{t('detail.timeline', { count: a.updates.length })}</h2>
            </div>
            <div className="panel-body">
              <Timeline updates={a.updates} />
            </div>
          </section>
          <HistoryPanel entity="action" id={a.id} />
        </div>
      </div>
    </>
  );
}
