import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DocumentDiff, LineageRevision } from '@mandate/shared';
import { isProblem } from '../../api.ts';
import { EmptyState, ErrorBanner, Notice, SkeletonRows, Spinner } from '../../ui/Feedback.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { DiffList } from './DiffList.tsx';
import { DiffSummary } from './DiffSummary.tsx';
import { CarryOverLink } from '../carry-over/CarryOverLink.tsx';
import { useDocumentDiff, useLineage } from './queries.ts';
import './lineage.css';

const route = getRouteApi('/documents/$id/compare');

/** Two revisions of a document, clause by clause: /documents/$id/compare?against=OTHER (default: the previous revision). */
export function ComparePage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const docId = Number(id);
  const lineage = useLineage(docId);
  const diff = useDocumentDiff(docId, search.against);
  const data = diff.data;
  usePageTitle(data ? `${t('lineage.title')}: ${data.newer.label}` : t('lineage.title'));

  const show = (newer: number, older: number) =>
    void navigate({ to: '/documents/$id/compare', params: { id: String(newer) }, search: { against: older, changes: search.changes } });
  const setChangesOnly = (on: boolean) => void navigate({ search: (prev) => ({ ...prev, changes: on || undefined }), replace: true });
  const noOther = isProblem(diff.error, 400) && search.against === undefined;

  return (
    <div className="stack compare">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/documents/$id" params={{ id }}>
          {data?.newer.id === docId ? data.newer.label : data?.older.id === docId ? data.older.label : `#${id}`}
        </Link>
      </nav>
      <div className="page-header">
        <div>
          <h1>{t('lineage.title')}</h1>
          <p className="subtitle">
            {data ? `${data.older.label} → ${data.newer.label}` : '\u00a0'} {diff.isFetching && data && <Spinner />}
          </p>
        </div>
        <CarryOverLink diff={data} />
      </div>

      {noOther ? (
        <EmptyState title={t('lineage.noOther')}>
          <Link to="/documents/$id" params={{ id }}>
            {t('nav.library')}
          </Link>
        </EmptyState>
      ) : (
        <ErrorBanner error={diff.error ?? lineage.error} onRetry={isProblem(diff.error, 404) ? undefined : () => void diff.refetch()} />
      )}

      {data && (
        <RevisionPickers
          data={data}
          revisions={lineage.data?.items ?? []}
          onOlder={(older) => show(data.newer.id, older)}
          onNewer={(newer) => show(newer, data.older.id)}
        />
      )}
      {diff.isPending && !diff.error && (
        <div className="panel">
          <SkeletonRows rows={10} />
        </div>
      )}
      {data && <Comparison data={data} changesOnly={search.changes === true} onChangesOnly={setChangesOnly} />}
    </div>
  );
}

function RevisionPickers({ data, revisions, onOlder, onNewer }: { data: DocumentDiff; revisions: LineageRevision[]; onOlder: (id: number) => void; onNewer: (id: number) => void }) {
  const { t } = useTranslation();
  // The lineage of the page's document, plus either compared document from elsewhere.
  const options = [...revisions];
  for (const d of [data.newer, data.older]) if (!options.some((r) => r.id === d.id)) options.push({ id: d.id, label: d.label, revision: d.revision, year: d.year, status: d.status, isPublic: d.isPublic });
  const select = (label: string, value: number, other: number, onChange: (id: number) => void) => (
    <label className="field compare-pick">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {options.map((r) => (
          <option key={r.id} value={r.id} disabled={r.id === other}>
            {r.label}
            {r.status !== 'in_force' ? ` · ${t(`documentStatus.${r.status}`)}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="filters compare-pickers" role="group" aria-label={t('lineage.pickers')}>
      {select(t('lineage.older'), data.older.id, data.newer.id, onOlder)}
      <span aria-hidden="true" className="compare-arrow">
        →
      </span>
      {select(t('lineage.newer'), data.newer.id, data.older.id, onNewer)}
    </div>
  );
}

function Comparison({ data, changesOnly, onChangesOnly }: { data: DocumentDiff; changesOnly: boolean; onChangesOnly: (on: boolean) => void }) {
  const { t } = useTranslation();
  const clauses = changesOnly ? data.clauses.filter((c) => c.op !== 'unchanged') : data.clauses;
  const identical = data.clauses.every((c) => c.op === 'unchanged');
  return (
    <article className="panel document compare-body" aria-label={t('lineage.title')}>
      {!data.sameLineage && <Notice tone="warning">{t('lineage.notSameLineage')}</Notice>}
      <div className="compare-toolbar">
        <DiffSummary summary={data.summary} />
        <label className="check">
          <input type="checkbox" checked={changesOnly} onChange={(e) => onChangesOnly(e.target.checked)} />
          {t('lineage.changesOnly')}
        </label>
      </div>
      <p className="muted compare-legend">{t('lineage.legend')}</p>
      {identical && <EmptyState title={t('lineage.noDifferences')} />}
      {clauses.length === 0 && !identical ? <EmptyState title={t('lineage.noChanges')} /> : <DiffList clauses={clauses} />}
    </article>
  );
}
