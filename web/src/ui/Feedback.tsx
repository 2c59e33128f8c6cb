import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api.ts';

/** Shows an API problem's title, detail and field errors; any other error by its message. */
export function ErrorBanner({ error, onRetry, onDismiss }: { error: unknown; onRetry?: () => void; onDismiss?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ProblemError ? error.problem : undefined;
  const title = problem?.title ?? t('errors.generic');
  const detail = problem ? problem.detail : error instanceof Error ? error.message : String(error);
  return (
    <div className="banner banner-error" role="alert">
      <div className="banner-body">
        <strong>{title}</strong>
        {detail && <div>{detail}</div>}
        {problem?.errors && problem.errors.length > 0 && (
          <ul aria-label={t('errors.details')}>
            {problem.errors.map((e, i) => (
              <li key={i}>
                {e.location && <code>{e.location}</code>}
                {e.location && ': '}
                {e.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {onRetry && (
        <button type="button" className="btn btn-sm" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
      {onDismiss && (
        <button type="button" className="btn-link" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      )}
    </div>
  );
}

type Tone = 'success' | 'info' | 'warning';

export function Notice({ tone = 'info', children, onClose }: { tone?: Tone; children: ReactNode; onClose?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={`banner banner-${tone}`} role="status">
      <div className="banner-body">{children}</div>
      {onClose && (
        <button type="button" className="btn-link" onClick={onClose}>
          {t('common.dismiss')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, hint, children }: { title: string; hint?: ReactNode; children?: ReactNode }) {
  return (
    <div className="empty">
      <strong>{title}</strong>
      {hint && <div>{hint}</div>}
      {children}
    </div>
  );
}

export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation();
  return <span className="spinner" role="status" aria-label={label ?? t('common.loading')} />;
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

/** Grey shimmering lines standing in for a table or list while it loads. */
export function SkeletonRows({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton-rows" role="status" aria-label={t('common.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} className="skeleton" style={{ inlineSize: `${60 + ((i * 37) % 40)}%` }} />
      ))}
    </div>
  );
}

/**
 * What a list page shows until it has rows: the error (with retry), skeleton
 * rows while loading, or `empty` once the answer has no items. One component,
 * so every page fails, loads and comes up empty the same way.
 */
export function ListState({ query, rows = 10, isEmpty, empty }: { query: { error: unknown; isPending: boolean; refetch: () => unknown }; rows?: number; isEmpty: boolean; empty: ReactNode }) {
  return (
    <>
      <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />
      {query.isPending && !query.error && (
        <div className="panel">
          <SkeletonRows rows={rows} />
        </div>
      )}
      {isEmpty && <div className="panel">{empty}</div>}
    </>
  );
}
