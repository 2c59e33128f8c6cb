import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '@mandate/shared';
import { api } from '../../api.ts';
import { keys } from '../../queryClient.ts';
import { EmptyState, ErrorBanner, SkeletonRows } from '../../ui/Feedback.tsx';
import { KpiCards } from './KpiCards.tsx';
import { DocumentChart, ResponsibleChart, StatusDonut } from './DashboardCharts.tsx';
import { ActionMiniTable } from './ActionMiniTable.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="panel" aria-label={title}>
      <div className="panel-header">
        <h2>{title}</h2>
        {action}
      </div>
      <div className="panel-body">{children}</div>
    </section>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const query = useQuery({
    queryKey: keys.dashboard,
    queryFn: ({ signal }) => api<Dashboard>('/api/dashboard', { signal }),
  });

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="subtitle">{t('dashboard.subtitle')}</p>
        </div>
      </div>
      <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />
      {query.isPending && !query.error && (
        <div className="panel">
          <SkeletonRows rows={8} />
        </div>
      )}
      {query.data && <DashboardBody data={query.data} />}
    </div>
  );
}

function DashboardBody({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  if (data.totals.actions === 0 && data.totals.documents === 0) {
    return (
      <div className="panel">
        <EmptyState title={t('dashboard.emptyTitle')} hint={t('library.emptyHint')}>
          <p>
            <Link to="/import" className="btn btn-primary">
              {t('nav.import')}
            </Link>
          </p>
        </EmptyState>
      </div>
    );
  }
  return (
    <>
      <KpiCards totals={data.totals} />
      <div className="dash-grid">
        <Section title={t('dashboard.byStatus')}>
          <StatusDonut data={data.byStatus} />
        </Section>
        <Section title={t('dashboard.byResponsible')}>
          {data.byResponsible.length ? <ResponsibleChart data={data.byResponsible} /> : <p className="muted">{t('dashboard.noData')}</p>}
        </Section>
      </div>
      <Section title={t('dashboard.byDocument')}>
        {data.byDocument.length ? <DocumentChart data={data.byDocument} /> : <p className="muted">{t('dashboard.noData')}</p>}
      </Section>
      <div className="stack">
        <Section
          title={t('dashboard.overdueTitle', { count: data.totals.overdue })}
          action={
            <Link to="/actions" search={{ overdue: true }}>
              {t('dashboard.viewAll')}
            </Link>
          }
        >
          {data.overdue.length ? (
            <ActionMiniTable items={data.overdue} dateColumn="dueDate" caption={t('dashboard.overdueTitle', { count: data.totals.overdue })} />
          ) : (
            <p className="muted">{t('dashboard.noneOverdue')}</p>
          )}
        </Section>
        <Section
          title={t('dashboard.staleTitle', { count: data.totals.stale })}
          action={
            <Link to="/actions" search={{ stale: true }}>
              {t('dashboard.viewAll')}
            </Link>
          }
        >
          {data.stale.length ? (
            <ActionMiniTable items={data.stale} dateColumn="lastUpdate" caption={t('dashboard.staleTitle', { count: data.totals.stale })} />
          ) : (
            <p className="muted">{t('dashboard.noneStale')}</p>
          )}
        </Section>
      </div>
    </>
  );
}
