import { useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, Loading, Notice } from '../../ui/Feedback.tsx';
import { StatusPill } from '../../ui/StatusPill.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useOverlapPair } from './queries.ts';
import { SideBySide } from './SideBySide.tsx';
import './overlaps.css';

const route = getRouteApi('/streamline/pairs/$a/$b');

export function PairPage() {
  const { t } = useTranslation();
  const params = route.useParams();
  const query = useOverlapPair(Number(params.a), Number(params.b));
  const d = query.data;
  usePageTitle(d ? t('overlaps.pairTitle', { a: d.a.document.label, b: d.b.document.label }) : t('overlaps.title'));
  // Passage 1 is shown (both panes scrolled to it) as soon as the texts arrive.
  const [current, setCurrent] = useState(1);
  const count = d?.passages.length ?? 0;
  const go = (n: number) => setCurrent(((n - 1 + count) % count) + 1);

  return (
    <div className="stack pair-page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/streamline">{t('overlaps.backToReport')}</Link>
      </nav>
      <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />
      {query.isPending && !query.error && <Loading />}
      {d && (
        <>
          <div className="page-header">
            <div>
              <h1>{t('overlaps.pairTitle', { a: d.a.document.label, b: d.b.document.label })}</h1>
              {count > 0 && <p className="subtitle">{t('overlaps.pairSubtitle', { count, containment: `${Math.round(d.containment * 100)}%` })}</p>}
              <p className="pair-docs">
                {[d.a, d.b].map((s) => (
                  <span key={s.document.id}>
                    <Link to="/documents/$id" params={{ id: String(s.document.id) }}>
                      {s.document.label}
                    </Link>{' '}
                    <StatusPill status={s.document.status} kind="documentStatus" /> <span className="muted">{s.document.title}</span>
                  </span>
                ))}
              </p>
            </div>
            {count > 0 && (
              <div className="passage-nav" role="group" aria-label={t('overlaps.passageOf', { n: current, count })}>
                <button type="button" className="btn btn-sm" onClick={() => go(current - 1)} aria-label={t('overlaps.prev')}>
                  ←
                </button>
                <span className="muted" aria-live="polite">
                  {t('overlaps.passageOf', { n: current, count })}
                </span>
                <button type="button" className="btn btn-sm" onClick={() => go(current + 1)}>
                  {t('overlaps.next')} →
                </button>
              </div>
            )}
          </div>
          {[d.a, d.b]
            .filter((s) => s.changedSince)
            .map((s) => (
              <Notice key={s.document.id} tone="warning">
                {t('overlaps.changedSince', { label: s.document.label })}
              </Notice>
            ))}
          {count === 0 && <Notice>{d.runId === null ? t('overlaps.pairNoRun') : t('overlaps.pairNone')}</Notice>}
          <SideBySide labels={[d.a.document.label, d.b.document.label]} texts={[d.a.text, d.b.text]} passages={d.passages} current={current} onCurrent={setCurrent} />
        </>
      )}
    </div>
  );
}
