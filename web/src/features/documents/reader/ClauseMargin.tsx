import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Clause } from '@mandate/shared';
import { ErrorBanner } from '../../../ui/Feedback.tsx';
import { ProgressBar } from '../../../ui/ProgressBar.tsx';
import { StatusPill } from '../../../ui/StatusPill.tsx';
import { useDecideSuggestion } from '../../suggestions/queries.ts';
import { useCan } from '../../auth/session.ts';

/** Beside an operative clause: the action items implementing it and the pending proposals. */
export function ClauseMargin({ clause }: { clause: Clause }) {
  const { t } = useTranslation();
  const decide = useDecideSuggestion();
  const can = useCan();
  const pending = clause.suggestions.filter((s) => s.status === 'pending');
  if (clause.actions.length === 0 && pending.length === 0) return <div className="clause-margin empty-margin" />;

  return (
    <aside className="clause-margin" aria-label={t('reader.marginFor', { num: clause.num || clause.path })}>
      {clause.actions.map((a) => (
        <div key={a.id} className="margin-action">
          <Link to="/actions/$id" params={{ id: String(a.id) }} className="margin-title">
            {a.title}
          </Link>
          <div className="margin-meta">
            <StatusPill status={a.status} />
            <ProgressBar value={a.progress} label={t('reader.progressOf', { title: a.title })} />
          </div>
        </div>
      ))}
      {pending.map((s) => (
        <div key={s.id} className="margin-suggestion">
          <span className="margin-kicker">{t('reader.suggested')}</span>
          <span className="margin-title">{s.title}</span>
          {s.addressee && <span className="muted margin-addressee">{s.addressee}</span>}
          {/* Deciding is the editors' (the server refuses anyone else). */}
          <div className="toolbar" hidden={!can.edit}>
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={decide.isPending}
              aria-label={t('suggestions.acceptNamed', { title: s.title })}
              onClick={() => decide.mutate({ kind: 'accept', id: s.id, version: s.version })}
            >
              {t('suggestions.accept')}
            </button>
            <button
              type="button"
              className="btn btn-sm"
              disabled={decide.isPending}
              aria-label={t('suggestions.dismissNamed', { title: s.title })}
              onClick={() => decide.mutate({ kind: 'dismiss', id: s.id, version: s.version })}
            >
              {t('suggestions.dismiss')}
            </button>
          </div>
        </div>
      ))}
      <ErrorBanner error={decide.error} />
    </aside>
  );
}
