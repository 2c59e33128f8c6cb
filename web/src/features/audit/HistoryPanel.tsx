import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntity, AuditEntry } from '@mandate/shared';
import { ErrorBanner, SkeletonRows } from '../../ui/Feedback.tsx';
import { formatValue, listChange, type Words } from './format-change.ts';
import { useHistory } from './queries.ts';

const PAGE = 20;

/** "2026-06-15 10:00 UTC": the trail is in UTC, and saying so avoids a wrong guess about time zones. */
const when = (at: string) => `${at.slice(0, 16).replace('T', ' ')} UTC`;

/** An entity's history from the audit trail: who, when, and what changed, field by field. */
export function HistoryPanel({ entity, id }: { entity: AuditEntity; id: number }) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const history = useHistory(entity, id, limit);
  const items = history.data?.items ?? [];

  return (
    <section className="panel" aria-labelledby="history-h">
      <div className="panel-header">
        <h2 id="history-h">{t('history.title')}</h2>
      </div>
      <div className="panel-body">
        <ErrorBanner error={history.error} onRetry={() => void history.refetch()} />
        {history.isPending && !history.error && <SkeletonRows rows={3} />}
        {history.data && items.length === 0 && <p className="muted">{t('history.empty')}</p>}
        {items.length > 0 && (
          <ol className="history">
            {items.map((e) => (
              <HistoryEntry key={e.id} e={e} />
            ))}
          </ol>
        )}
        {history.data && history.data.total > items.length && (
          <button type="button" className="btn btn-sm" disabled={history.isFetching} onClick={() => setLimit((n) => n + PAGE)}>
            {t('history.more')}
          </button>
        )}
      </div>
    </section>
  );
}

function HistoryEntry({ e }: { e: AuditEntry }) {
  const { t } = useTranslation();
  const words: Words = { empty: '—', yes: t('history.yes'), no: t('history.no') };
  // A creation lists every field from nothing: the verb says it all.
  const fields = (e.action === 'create' ? [] : Object.entries(e.diff)).map(([field, [before, after]]) =>
    // Statuses read as words ("In progress"), not codes.
    field === 'status' ? ([field, [statusWord(before), statusWord(after)]] as const) : ([field, [before, after]] as const),
  );
  function statusWord(v: unknown) {
    return typeof v === 'string' ? t(`status.${v}`, { defaultValue: v }) : v;
  }
  return (
    <li className="history-entry">
      <div className="history-head">
        <strong>{e.actor.label}</strong> {t(`history.action.${e.action}`, { defaultValue: e.action })}
        <time dateTime={e.at} className="muted">
          {when(e.at)}
        </time>
      </div>
      {fields.length > 0 && (
        <dl className="history-diff" aria-label={t('history.changes')}>
          {fields.map(([field, [before, after]]) => (
            <div key={field} className="dl-row">
              <dt>{t(`history.field.${field}`, { defaultValue: field })}</dt>
              <dd>
                <Change before={before} after={after} words={words} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

function Change({ before, after, words }: { before: unknown; after: unknown; words: Words }) {
  const { t } = useTranslation();
  const list = Array.isArray(before) || Array.isArray(after) ? listChange(before, after, words) : null;
  if (list) {
    return (
      <>
        {list.added.length > 0 && <span className="diff-added">{t('history.added', { items: list.added.join(', ') })}</span>}
        {list.added.length > 0 && list.removed.length > 0 && '; '}
        {list.removed.length > 0 && <span className="diff-removed">{t('history.removed', { items: list.removed.join(', ') })}</span>}
      </>
    );
  }
  if (before === null || before === undefined) return <span className="diff-added">{formatValue(after, words)}</span>;
  return (
    <>
      <del className="diff-removed">{formatValue(before, words)}</del> → <ins className="diff-added">{formatValue(after, words)}</ins>
    </>
  );
}
