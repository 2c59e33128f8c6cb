import { useTranslation } from 'react-i18next';
import type { OverlapRun, OverlapStatus } from '@mandate/shared';
import { ErrorBanner, Notice } from '../../ui/Feedback.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { isActive } from './queries.ts';

/** The run's phases in order: the bar moves through them, each phase's own done/total filling its slice. */
const PHASES = ['loading', 'signatures', 'candidates', 'align', 'boilerplate', 'storing'];

export function overallProgress(run: OverlapRun): number {
  if (run.status === 'done') return 100;
  const i = PHASES.indexOf(run.phase);
  if (i < 0) return 0;
  const within = run.total > 0 ? Math.min(1, run.done / run.total) : 0;
  return ((i + within) / PHASES.length) * 100;
}

function useFormatDate() {
  const { i18n } = useTranslation();
  return (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Progress while a run goes; otherwise what the report is based on, and whether the library moved since. */
export function RunPanel({ status, startError }: { status: OverlapStatus; startError: unknown }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { run, report, stale } = status;

  if (isActive(run)) {
    const phase = t(`overlaps.phase.${run!.status === 'queued' ? 'queued' : run!.phase}`, { defaultValue: run!.phase });
    return (
      <div className="panel panel-body run-progress" aria-live="polite">
        <strong>{t('overlaps.running')}</strong>
        <ProgressBar value={overallProgress(run!)} label={t('overlaps.runLabel')} />
        <span className="muted">{run!.total > 0 ? t('overlaps.phaseProgress', { phase, done: run!.done, total: run!.total }) : phase}</span>
      </div>
    );
  }

  const staleParts = stale
    ? [
        stale.added > 0 && t('overlaps.staleAdded', { count: stale.added }),
        stale.changed > 0 && t('overlaps.staleChanged', { count: stale.changed }),
        stale.removed > 0 && t('overlaps.staleRemoved', { count: stale.removed }),
      ].filter(Boolean)
    : [];
  return (
    <>
      <ErrorBanner error={startError} />
      {run?.status === 'failed' && (
        <div className="banner banner-error" role="alert">
          <div className="banner-body">
            <strong>{t('overlaps.failed')}</strong>
            <div>{run.error}</div>
            {report && <div>{t('overlaps.failedOlder')}</div>}
          </div>
        </div>
      )}
      {report && (
        <p className="muted run-summary">
          {t(report.mode === 'incremental' ? 'overlaps.lastRunIncremental' : 'overlaps.lastRun', {
            date: formatDate(report.finishedAt ?? report.startedAt),
            documents: report.documents,
            recomputed: report.recomputed,
          })}
        </p>
      )}
      {staleParts.length > 0 && <Notice tone="warning">{t('overlaps.stale', { summary: staleParts.join(', ') })}</Notice>}
    </>
  );
}
