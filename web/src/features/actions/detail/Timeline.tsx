import { useTranslation } from 'react-i18next';
import type { ProgressUpdate } from '@mandate/shared';
import { StatusPill } from '../../../ui/StatusPill.tsx';
import { safeHref } from '../../../ui/format.ts';

/** Progress updates, newest first, as a vertical timeline. */
export function Timeline({ updates }: { updates: ProgressUpdate[] }) {
  const { t } = useTranslation();
  if (updates.length === 0) return <p className="muted">{t('detail.noUpdates')}</p>;
  const sorted = [...updates].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
  return (
    <ol className="timeline">
      {sorted.map((u) => (
        <li key={u.id} className="timeline-item">
          <span className="timeline-dot" data-status={u.statusTo ?? undefined} aria-hidden="true" />
          <div className="timeline-head">
            <time dateTime={u.date}>{u.date}</time>
            {u.statusTo && (
              <span className="status-change">
                {u.statusFrom && (
                  <>
                    <StatusPill status={u.statusFrom} />
                    <span aria-label={t('detail.changedTo')}> → </span>
                  </>
                )}
                <StatusPill status={u.statusTo} />
              </span>
            )}
            {u.progress !== null && <span className="muted">{t('detail.progressAt', { pct: u.progress })}</span>}
          </div>
          <p className="timeline-text">{u.text}</p>
          {u.evidence.length > 0 && (
            <ul className="evidence" aria-label={t('detail.evidence')}>
              {u.evidence.map((e, i) => {
                const href = safeHref(e.url);
                return (
                  <li key={i}>
                    {href ? (
                      <a href={href} target="_blank" rel="noopener noreferrer">
                        {e.label || e.url}
                      </a>
                    ) : (
                      // Evidence in plain words (no link), or a link we do not make clickable (javascript:, data:): shown as text.
                      <span>
                        {e.label}
                        {e.url && e.url !== e.label && (
                          <>
                            {' '}
                            <code>{e.url}</code>
                          </>
                        )}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
