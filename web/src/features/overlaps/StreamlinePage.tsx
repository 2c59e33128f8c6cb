import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorBanner, SkeletonRows } from '../../ui/Feedback.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useCan } from '../auth/session.ts';
import { CandidateList } from './CandidateList.tsx';
import { PairsTable } from './PairsTable.tsx';
import { isActive, overlapKeys, useOverlapReport, useOverlapStatus, useStartRun } from './queries.ts';
import { RunPanel } from './RunPanel.tsx';
import { DEFAULT_MIN_CONTAINMENT, MIN_CONTAINMENT_CHOICES } from './search.ts';
import './overlaps.css';

const route = getRouteApi('/streamline');

export function StreamlinePage() {
  const { t } = useTranslation();
  usePageTitle(t('overlaps.title'));
  const can = useCan();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const qc = useQueryClient();
  const status = useOverlapStatus();
  const start = useStartRun();
  const running = isActive(status.data?.run);
  const reportRunId = status.data?.report?.id;
  const minContainment = search.min ?? DEFAULT_MIN_CONTAINMENT;
  const report = useOverlapReport({ minContainment, sameLineage: Boolean(search.lineage) }, reportRunId);

  // When a run ends (done or failed), the pair pages read from the new one.
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) void qc.invalidateQueries({ queryKey: overlapKeys.pairs });
    wasRunning.current = running;
  }, [running, qc]);

  const runButtons = can.edit && (
    <div className="run-buttons">
      <button type="button" className="btn btn-primary" disabled={running || start.isPending} onClick={() => start.mutate('auto')}>
        {start.isPending ? t('overlaps.starting') : t('overlaps.run')}
      </button>
      {reportRunId !== undefined && (
        <button type="button" className="btn" disabled={running || start.isPending} onClick={() => start.mutate('full')} title={t('overlaps.runFullHint')}>
          {t('overlaps.runFull')}
        </button>
      )}
    </div>
  );

  const data = report.data;
  const hasReport = Boolean(status.data?.report);
  return (
    <div className="stack streamline-page">
      <div className="page-header">
        <div>
          <h1>{t('overlaps.title')}</h1>
          <p className="subtitle">{t('overlaps.subtitle')}</p>
        </div>
        {hasReport && runButtons}
      </div>
      <ErrorBanner error={status.error} onRetry={() => void status.refetch()} />
      {status.isPending && !status.error && (
        <div className="panel">
          <SkeletonRows rows={4} />
        </div>
      )}
      {status.data && <RunPanel status={status.data} startError={start.error} />}
      {status.data && !hasReport && !running && (
        <div className="panel">
          <EmptyState title={t('overlaps.emptyTitle')} hint={can.edit ? t('overlaps.emptyHint') : t('overlaps.emptyHintViewer')}>
            {runButtons}
          </EmptyState>
        </div>
      )}
      {hasReport && (
        <>
          <ErrorBanner error={report.error} onRetry={() => void report.refetch()} />
          {data && <CandidateList candidates={data.candidates} />}
          <section aria-labelledby="pairs-title" className="stack">
            <div className="section-head">
              <div>
                <h2 id="pairs-title">{t('overlaps.pairs')}</h2>
                <p className="muted">{t('overlaps.pairsHint')}</p>
              </div>
              <div className="filters" role="group" aria-label={t('overlaps.pairs')}>
                <label>
                  {t('overlaps.minContainment')}{' '}
                  <select value={minContainment} onChange={(e) => void navigate({ search: (prev) => ({ ...prev, min: Number(e.target.value) === DEFAULT_MIN_CONTAINMENT ? undefined : Number(e.target.value) }), replace: true })}>
                    {MIN_CONTAINMENT_CHOICES.map((x) => (
                      <option key={x} value={x}>
                        {Math.round(x * 100)}%
                      </option>
                    ))}
                  </select>
                </label>
                <label className="check">
                  <input type="checkbox" checked={Boolean(search.lineage)} onChange={(e) => void navigate({ search: (prev) => ({ ...prev, lineage: e.target.checked || undefined }), replace: true })} />{' '}
                  {t('overlaps.sameLineage')}
                </label>
                {data && <span className="muted">{t('overlaps.pairsCount', { shown: data.pairs.length, total: data.totalPairs })}</span>}
              </div>
            </div>
            {data && data.pairs.length === 0 && <p className="muted">{t('overlaps.noPairs')}</p>}
            {data && data.pairs.length > 0 && <PairsTable pairs={data.pairs} />}
          </section>
        </>
      )}
    </div>
  );
}
