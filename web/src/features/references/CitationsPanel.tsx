import { Fragment } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CitedEntry, CitingEntry } from '@mandate/shared';
import { ErrorBanner, SkeletonRows } from '../../ui/Feedback.tsx';
import { CitationGraph } from './CitationGraph.tsx';
import { LibraryCell } from './ReferencesPage.tsx';
import { ReferenceStatusPill } from './ReferenceStatusPill.tsx';
import { egoGraph } from './ego-graph.ts';
import { useDocumentCitations } from './queries.ts';
import './references.css';

/** "2 times in considering/a, resolves/3", each clause a link into the document that holds it. */
function Where({ documentId, count, clauses }: { documentId: number; count: number; clauses: { id: number; path: string }[] }) {
  const { t } = useTranslation();
  return (
    <span className="citation-where">
      {t('references.panel.times', { count })} {t('references.panel.inClauses')}{' '}
      {clauses.map((c, i) => (
        <Fragment key={c.id}>
          {i > 0 && ', '}
          <Link to="/documents/$id" params={{ id: String(documentId) }} hash={`clause-${c.id}`}>
            {c.path}
          </Link>
        </Fragment>
      ))}
    </span>
  );
}

function CitedItem({ entry, documentId }: { entry: CitedEntry; documentId: number }) {
  const { t } = useTranslation();
  return (
    <li>
      <span className="citation-line">
        <ReferenceStatusPill status={entry.status} />
        {entry.status === 'resolved' && entry.document ? (
          <Link to="/documents/$id" params={{ id: String(entry.document.id) }}>
            {entry.document.label}
          </Link>
        ) : (
          <span>{entry.targetLabel}</span>
        )}
      </span>
      {entry.status !== 'resolved' && (
        <span className="citation-where">
          <LibraryCell item={entry} />
        </span>
      )}
      <Where documentId={documentId} count={entry.count} clauses={entry.clauses} />
      {entry.status === 'resolved' && entry.document && entry.document.label !== entry.targetLabel && (
        <span className="citation-where">{t('references.panel.citesRevision', { label: entry.targetLabel })}</span>
      )}
    </li>
  );
}

function CitingItem({ entry }: { entry: CitingEntry }) {
  const { t } = useTranslation();
  return (
    <li>
      <span className="citation-line">
        <ReferenceStatusPill status={entry.status} />
        <Link to="/documents/$id" params={{ id: String(entry.citing.id) }}>
          {entry.citing.label}
        </Link>
      </span>
      {/* Which revision it names matters only when it is not this one. */}
      {entry.status !== 'resolved' && <span className="citation-where">{t('references.panel.citesRevision', { label: entry.targetLabel })}</span>}
      <Where documentId={entry.citing.id} count={entry.count} clauses={entry.clauses} />
    </li>
  );
}

/** The reader's citations: a small graph, then what this text cites and which texts cite it. */
export function CitationsPanel({ documentId }: { documentId: number }) {
  const { t } = useTranslation();
  const query = useDocumentCitations(documentId);
  const data = query.data;
  const held = data?.cites.filter((c) => !c.external) ?? [];
  const external = data?.cites.filter((c) => c.external) ?? [];
  const graph = data ? egoGraph(data) : null;
  const empty = data && held.length === 0 && data.citedBy.length === 0;

  return (
    <section className="panel citations-panel" aria-labelledby="citations-h">
      <div className="panel-header">
        <h2 id="citations-h">{t('references.panel.title')}</h2>
        <Link to="/references" search={{ status: ['outdated'] }} className="btn btn-sm">
          {t('references.panel.report')}
        </Link>
      </div>
      <div className="panel-body">
        <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />
        {query.isPending && !query.error && <SkeletonRows rows={3} />}
        {empty && <p className="muted">{t('references.panel.none')}</p>}
        {data && graph && !empty && (
          <>
            <CitationGraph graph={graph} document={data.document} />
            <div className="citations-columns">
              <div>
                <h3>
                  {t('references.panel.citedBy')} ({data.citedBy.length})
                </h3>
                {data.citedBy.length === 0 ? (
                  <p className="muted">{t('references.panel.citedByNone')}</p>
                ) : (
                  <ul className="citation-list">
                    {data.citedBy.map((e) => (
                      <CitingItem key={`${e.citing.id} ${e.status} ${e.targetLabel}`} entry={e} />
                    ))}
                  </ul>
                )}
              </div>
              <div>
                <h3>
                  {t('references.panel.cites')} ({held.length})
                </h3>
                {held.length === 0 ? (
                  <p className="muted">{t('references.panel.citesNone')}</p>
                ) : (
                  <ul className="citation-list">
                    {held.map((e) => (
                      <CitedItem key={`${e.document?.id ?? ''} ${e.status} ${e.targetLabel}`} entry={e} documentId={documentId} />
                    ))}
                  </ul>
                )}
              </div>
            </div>
          </>
        )}
        {external.length > 0 && (
          <details className="citation-external">
            <summary>{t('references.panel.externalSummary', { count: external.reduce((n, e) => n + e.count, 0) })}</summary>
            <ul className="citation-list">
              {external.map((e) => (
                <li key={e.targetLabel}>
                  <span>{e.targetLabel}</span>
                  <Where documentId={documentId} count={e.count} clauses={e.clauses} />
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}
