import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ReferenceItem, ReferenceStatus } from '@mandate/shared';
import { apiUrl } from '../../api.ts';
import { EmptyState, Spinner, ListState } from '../../ui/Feedback.tsx';
import { UrlPagination } from '../../ui/Pagination.tsx';
import { formatNumber } from '../../ui/format.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useFacets } from '../documents/queries.ts';
import { ReferenceStatusPill } from './ReferenceStatusPill.tsx';
import { useReferences } from './queries.ts';
import { NEEDS_ATTENTION, REFERENCE_STATUSES, referenceQuery, type ReferenceSearch } from './search.ts';
import './references.css';

const route = getRouteApi('/references');

/** The library-wide report: citations of superseded revisions, of texts the library lacks, of unclear bodies. */
export function ReferencesPage() {
  const { t } = useTranslation();
  usePageTitle(t('references.title'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const facets = useFacets();
  const query = useReferences(search);
  const data = query.data;
  const update = (patch: Partial<ReferenceSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, offset: undefined, ...patch }), replace: true });
  const statuses = search.status ?? NEEDS_ATTENTION;
  const toggle = (s: ReferenceStatus) => {
    const next = statuses.includes(s) ? statuses.filter((x) => x !== s) : [...statuses, s];
    // Never an empty selection (the API needs one status at least): un-toggling the last one goes back to the default.
    update({ status: next.length === 0 || sameSet(next, NEEDS_ATTENTION) ? undefined : REFERENCE_STATUSES.filter((x) => next.includes(x)) });
  };
  const filtered = Boolean(search.body || search.targetBody || search.external || search.superseded || search.status);

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('references.title')}</h1>
          <p className="subtitle">
            {data ? t('references.count', { count: data.total }) : '\u00a0'} {query.isFetching && data && <Spinner />}
          </p>
        </div>
        <a className="btn" href={apiUrl('/api/references/export', { format: 'csv', ...referenceQuery(search) })} download>
          {t('references.exportCsv')}
        </a>
      </div>
      <p className="muted">{t('references.intro')}</p>

      <div className="filters" role="group" aria-label={t('filters.label')}>
        <span className="ref-status-toggles" role="group" aria-label={t('references.statusFilter')}>
          {REFERENCE_STATUSES.map((s) => (
            <button key={s} type="button" className="ref-toggle" aria-pressed={statuses.includes(s)} onClick={() => toggle(s)}>
              {t(`references.status.${s}`)}
              {data && <span className="ref-toggle-count">{formatNumber(data.counts[s])}</span>}
            </button>
          ))}
        </span>
        <select aria-label={t('references.body')} value={search.body ?? ''} onChange={(e) => update({ body: e.target.value || undefined })}>
          <option value="">{t('references.anyBody')}</option>
          {facets.data?.bodies.map((b) => (
            <option key={b} value={b}>
              {t('references.inBody', { body: b })}
            </option>
          ))}
        </select>
        <select aria-label={t('references.targetBody')} value={search.targetBody ?? ''} onChange={(e) => update({ targetBody: e.target.value || undefined })}>
          <option value="">{t('references.anyTargetBody')}</option>
          {facets.data?.bodies.map((b) => (
            <option key={b} value={b}>
              {t('references.citingBody', { body: b })}
            </option>
          ))}
        </select>
        <label className="check" title={t('references.externalHint')}>
          <input type="checkbox" checked={Boolean(search.external)} onChange={(e) => update({ external: e.target.checked || undefined })} />
          {t('references.external')}
        </label>
        <label className="check">
          <input type="checkbox" checked={Boolean(search.superseded)} onChange={(e) => update({ superseded: e.target.checked || undefined })} />
          {t('references.superseded')}
        </label>
      </div>

      <ListState
        query={query}
        rows={10}
        isEmpty={data?.items.length === 0}
        empty={
          <EmptyState title={filtered ? t('references.noMatches') : t('references.emptyTitle')} hint={filtered ? undefined : t('references.emptyHint')} />
        }
      />
      {data && data.items.length > 0 && (
        <div>
          <div className="table-wrap">
            <table className="data references-table">
              <caption className="visually-hidden">{t('references.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('references.col.status')}</th>
                  <th scope="col">{t('references.col.cited')}</th>
                  <th scope="col">{t('references.col.in')}</th>
                  <th scope="col">{t('references.col.library')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <ReferenceRow key={item.id} item={item} />
                ))}
              </tbody>
            </table>
          </div>
          <UrlPagination total={data.total} search={search} />
        </div>
      )}
    </div>
  );
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

function ReferenceRow({ item }: { item: ReferenceItem }) {
  const { t } = useTranslation();
  const written = oneLine(item.text);
  return (
    <tr>
      <td>
        <ReferenceStatusPill status={item.status} />
      </td>
      <td>
        {item.targetLabel}
        {!item.targetLabel.includes(written) && <span className="ref-cell-sub">{t('references.asWritten', { text: written })}</span>}
        {item.problem && <span className="ref-cell-sub">{t('references.malformed', { problem: item.problem })}</span>}
      </td>
      <td>
        <Link to="/documents/$id" params={{ id: String(item.citing.id) }} hash={`clause-${item.clauseId}`}>
          {item.citing.label}
        </Link>
        <span className="ref-cell-sub">{t('references.clause', { path: item.clausePath })}</span>
      </td>
      <td>
        <LibraryCell item={item} />
      </td>
    </tr>
  );
}

/** Where the citation leads in the library: the document, the revision now in force, or the candidates. */
export function LibraryCell({ item }: { item: Pick<ReferenceItem, 'status' | 'external' | 'document' | 'current' | 'candidates'> }) {
  const { t } = useTranslation();
  const link = (d: { id: number; label: string }) => (
    <Link to="/documents/$id" params={{ id: String(d.id) }}>
      {d.label}
    </Link>
  );
  if (item.status === 'ambiguous') {
    return (
      <>
        {t('references.oneOf')}{' '}
        {item.candidates.map((c, i) => (
          <span key={c.id}>
            {i > 0 && '; '}
            {link(c)}
          </span>
        ))}
      </>
    );
  }
  if (item.status === 'outdated') {
    return (
      <>
        {item.current ? (
          <span className="ref-now">
            {t('references.now')} {link(item.current)}
          </span>
        ) : (
          <span className="ref-now">{t('references.noneInForce')}</span>
        )}
        {item.document && <span className="ref-cell-sub">{link(item.document)}</span>}
      </>
    );
  }
  if (item.document) return link(item.document);
  return <span className="muted">{item.external ? t('references.external_label') : t('references.notInLibrary')}</span>;
}
