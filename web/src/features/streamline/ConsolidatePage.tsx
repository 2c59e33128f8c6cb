import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Consolidation, ConsolidateExportRequest } from '@mandate/shared';
import { isProblem } from '../../api.ts';
import { EmptyState, ErrorBanner, SkeletonRows, Spinner } from '../../ui/Feedback.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { DraftView } from './DraftView.tsx';
import { RedlineView } from './RedlineView.tsx';
import { downloadConsolidation, useConsolidation } from './queries.ts';
import { panelId, tabId, Tabs } from './Tabs.tsx';
import './streamline.css';

const route = getRouteApi('/streamline/consolidate');

/** /streamline/consolidate?ids=1,2: the consolidated draft of the documents, and the changes from each of them to it. */
export function ConsolidatePage() {
  const { t } = useTranslation();
  const { ids = [] } = route.useSearch();
  const query = useConsolidation(ids);
  const data = query.data;
  usePageTitle(t('streamline.title'));

  return (
    <div className="stack consolidate">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        {ids[0] ? (
          <Link to="/documents/$id" params={{ id: String(ids[0]) }}>
            {data?.sources[0]?.label ?? t('nav.library')}
          </Link>
        ) : (
          <Link to="/documents">{t('nav.library')}</Link>
        )}
      </nav>
      <div className="page-header">
        <div>
          <h1>{t('streamline.title')}</h1>
          <p className="subtitle">
            {data ? t('streamline.subtitle', { sources: data.sources.map((s) => s.label).join(', ') }) : '\u00a0'} {query.isFetching && data && <Spinner />}
          </p>
        </div>
      </div>
      {ids.length < 2 ? (
        <EmptyState title={t('streamline.needTwo')} hint={t('streamline.needTwoHint')}>
          <Link to="/documents">{t('nav.library')}</Link>
        </EmptyState>
      ) : (
        <ErrorBanner error={query.error} onRetry={isProblem(query.error, 404) || isProblem(query.error, 400) ? undefined : () => void query.refetch()} />
      )}
      {query.isPending && ids.length >= 2 && !query.error && (
        <div className="panel">
          <SkeletonRows rows={12} />
        </div>
      )}
      {data && <Consolidated data={data} ids={ids} />}
    </div>
  );
}

function Consolidated({ data, ids }: { data: Consolidation; ids: number[] }) {
  const { t } = useTranslation();
  const [active, setActive] = useState('draft');
  const tabs = [
    { id: 'draft', title: t('streamline.draftTab') },
    ...data.sources.map((s) => ({ id: `source-${s.id}`, title: t('streamline.changesTab', { label: s.shortLabel }) })),
  ];
  const source = data.sources.find((s) => `source-${s.id}` === active);
  const redline = source && data.redlines.find((r) => r.sourceId === source.id);
  const merged = data.draft.clauses.filter((c) => c.status === 'merged').length;
  return (
    <div className="panel">
      <div className="panel-header consolidate-head">
        <Tabs label={t('streamline.tabs')} tabs={tabs} active={active} onChange={setActive} />
      </div>
      <div className="panel-body" role="tabpanel" id={panelId(active)} aria-labelledby={tabId(active)} tabIndex={0}>
        <div className="consolidate-toolbar">
          <p className="muted">{t('streamline.stats', { clauses: data.draft.clauses.length, merged, removed: data.draft.removed.length })}</p>
          <Downloads documentIds={ids} against={source?.id} />
        </div>
        {source && redline ? <RedlineView redline={redline} label={source.label} /> : <DraftView data={data} />}
      </div>
    </div>
  );
}

/** The clean draft (DOCX, text) on the draft tab; tracked changes and a text redline against the source on its tab. */
function Downloads({ documentIds, against }: { documentIds: number[]; against?: number }) {
  const { t } = useTranslation();
  const download = useMutation({ mutationFn: (body: ConsolidateExportRequest) => downloadConsolidation(body) });
  const button = (format: 'docx' | 'txt', label: string) => (
    <button type="button" className={`btn btn-sm${format === 'docx' ? ' btn-primary' : ''}`} disabled={download.isPending} onClick={() => download.mutate({ documentIds, format, against })}>
      {label}
    </button>
  );
  return (
    <div className="toolbar">
      {button('docx', t(against ? 'streamline.downloadTracked' : 'streamline.downloadDocx'))}
      {button('txt', t(against ? 'streamline.downloadRedlineText' : 'streamline.downloadText'))}
      {download.isPending && <Spinner label={t('streamline.downloading')} />}
      <ErrorBanner error={download.error} onDismiss={() => download.reset()} />
    </div>
  );
}
