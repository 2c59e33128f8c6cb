import { useEffect, useMemo } from 'react';
import { getRouteApi, Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '@mandate/shared';
import { isProblem } from '../../../api.ts';
import { EmptyState, ErrorBanner, SkeletonRows } from '../../../ui/Feedback.tsx';
import { StatusPill } from '../../../ui/StatusPill.tsx';
import { useDocument } from '../queries.ts';
import { PublishToggle } from '../../auth/PublishToggle.tsx';
import { ClauseSection } from './ClauseSection.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { HistoryPanel } from '../../audit/HistoryPanel.tsx';
import { useCan } from '../../auth/session.ts';
import { ConsolidateWith } from '../../streamline/ConsolidateWith.tsx';
import { CitationsPanel } from '../../references/CitationsPanel.tsx';
import { RevisionsPanel } from '../../lineage/RevisionsPanel.tsx';

const route = getRouteApi('/documents/$id');

export function ReaderPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useDocument(Number(id));
  usePageTitle(query.data?.label);
  return (
    <div className="stack reader">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/documents">{t('nav.library')}</Link>
      </nav>
      <ErrorBanner error={query.error} onRetry={isProblem(query.error, 404) ? undefined : () => void query.refetch()} />
      {query.isPending && !query.error && (
        <div className="panel">
          <SkeletonRows rows={12} />
        </div>
      )}
      {query.data && <DocumentView doc={query.data} />}
    </div>
  );
}

function DocumentView({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const hash = useLocation({ select: (l) => l.hash });
  const targetId = /^clause-(\d+)$/.exec(hash)?.[1];

  const can = useCan();
  const [preambular, operative] = useMemo(() => {
    const sorted = [...doc.clauses].sort((a, b) => a.seq - b.seq);
    return [sorted.filter((c) => c.kind === 'preambular'), sorted.filter((c) => c.kind === 'operative')];
  }, [doc.clauses]);

  // The clause a link points at only exists once the document has loaded, so scroll here.
  useEffect(() => {
    if (!targetId) return;
    document.getElementById(`clause-${targetId}`)?.scrollIntoView({ block: 'center' });
  }, [targetId, doc.id]);

  return (
    <article className="panel document" aria-labelledby="doc-title">
      <header className="doc-header">
        <div className="doc-topline">
          <div className="doc-kicker">
            <span>{doc.label}</span>
            <StatusPill status={doc.status} kind="documentStatus" />
          </div>
          <div className="doc-actions">
            <PublishToggle doc={doc} />
            <ConsolidateWith doc={doc} />
          </div>
        </div>
        <h1 id="doc-title">{doc.title || doc.label}</h1>
        <p className="muted doc-meta">
          {[doc.body, doc.place, doc.year].filter(Boolean).join(' · ')}
          {doc.sourceName && <> · {t('reader.source', { name: doc.sourceName })}</>}
        </p>
        {doc.preamble && <p className="doc-preamble">{doc.preamble}</p>}
      </header>
      <RevisionsPanel documentId={doc.id} />
      {doc.clauses.length === 0 ? (
        <EmptyState title={t('reader.noClauses')} />
      ) : (
        <>
          <ClauseSection title={t('reader.preambular')} clauses={preambular} operative={false} targetId={targetId ? Number(targetId) : null} />
          <ClauseSection title={t('reader.operative')} clauses={operative} operative targetId={targetId ? Number(targetId) : null} />
        </>
      )}
      <CitationsPanel documentId={doc.id} />
      {can.read && <HistoryPanel entity="document" id={doc.id} />}
    </article>
  );
}
