import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '@mandate/shared';
import { ErrorBanner } from '../../ui/Feedback.tsx';
import { StatusPill } from '../../ui/StatusPill.tsx';
import { AcceptForm } from './AcceptForm.tsx';
import { MergeForm } from './MergeForm.tsx';
import { useDecideSuggestion, type Decision } from './queries.ts';
import { useCan } from '../auth/session.ts';

type Mode = 'view' | 'edit' | 'merge';

/** One proposed action item with its four decisions: accept, edit-then-accept, merge, dismiss. */
export interface DecisionOutcome {
  kind: Decision['kind'];
  title: string;
  actionId?: number;
}

export function SuggestionCard({ s, onDecided }: { s: Suggestion; onDecided?: (o: DecisionOutcome) => void }) {
  const { t } = useTranslation();
  const decide = useDecideSuggestion();
  const can = useCan();
  const run = (d: Decision) =>
    decide.mutate(d, {
      onSuccess: (res) => {
        const actionId = d.kind === 'dismiss' ? undefined : (res as { id?: number } | undefined)?.id;
        onDecided?.({ kind: d.kind, title: s.title, actionId });
      },
    });
  const [mode, setMode] = useState<Mode>('view');
  const pending = s.status === 'pending';
  const firstClause = s.clauseIds[0];

  return (
    <article className="suggestion panel" aria-labelledby={`sugg-${s.id}`}>
      <div className="panel-body">
        <div className="suggestion-meta">
          <Link
            to="/documents/$id"
            params={{ id: String(s.documentId) }}
            hash={firstClause !== undefined ? `clause-${firstClause}` : undefined}
          >
            {s.documentLabel}
          </Link>
          {s.heading && <span className="heading-ref">{s.heading}</span>}
          {s.addressee && <span className="tag">{s.addressee}</span>}
          {!pending && <StatusPill status={s.status} kind="suggestionStatus" />}
          {s.actionId !== null && (
            <Link to="/actions/$id" params={{ id: String(s.actionId) }}>
              {t('suggestions.openAction')}
            </Link>
          )}
        </div>
        <h2 id={`sugg-${s.id}`} className="suggestion-title">
          {s.title}
        </h2>
        {s.description && <p className="suggestion-text">{s.description}</p>}
        <ErrorBanner error={decide.error} />

        {pending && mode === 'view' && can.edit && (
          <div className="toolbar">
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={decide.isPending}
              aria-label={t('suggestions.acceptNamed', { title: s.title })}
              onClick={() => run({ kind: 'accept', id: s.id, version: s.version })}
            >
              {t('suggestions.accept')}
            </button>
            <button type="button" className="btn btn-sm" onClick={() => setMode('edit')}>
              {t('suggestions.editAccept')}
            </button>
            <button type="button" className="btn btn-sm" onClick={() => setMode('merge')}>
              {t('suggestions.merge')}
            </button>
            <button
              type="button"
              className="btn btn-sm btn-danger"
              disabled={decide.isPending}
              aria-label={t('suggestions.dismissNamed', { title: s.title })}
              onClick={() => run({ kind: 'dismiss', id: s.id, version: s.version })}
            >
              {t('suggestions.dismiss')}
            </button>
          </div>
        )}
        {pending && mode === 'edit' && (
          <AcceptForm
            suggestion={s}
            pending={decide.isPending}
            onCancel={() => setMode('view')}
            onAccept={(edits) => run({ kind: 'accept', id: s.id, version: s.version, edits })}
          />
        )}
        {pending && mode === 'merge' && (
          <MergeForm
            suggestion={s}
            pending={decide.isPending}
            onCancel={() => setMode('view')}
            onMerge={(actionId) => run({ kind: 'merge', id: s.id, version: s.version, actionId })}
          />
        )}
      </div>
    </article>
  );
}
