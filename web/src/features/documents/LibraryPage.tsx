import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DocumentKind, DocumentStatus } from '@mandate/shared';
import { DOCUMENT_STATUSES } from '../../domain.ts';
import { EmptyState, Spinner, ListState } from '../../ui/Feedback.tsx';
import { UrlPagination } from '../../ui/Pagination.tsx';
import { StatusPill } from '../../ui/StatusPill.tsx';
import { formatNumber } from '../../ui/format.ts';
import { DebouncedInput } from '../actions/ActionFilters.tsx';
import { useDocuments, useFacets } from './queries.ts';
import { DOCUMENT_SORTS, type DocumentSearch } from './search.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';

const route = getRouteApi('/documents');

export function LibraryPage() {
  const { t } = useTranslation();
  usePageTitle(t('library.title'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const facets = useFacets();
  const query = useDocuments(search);
  const update = (patch: Partial<DocumentSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, offset: undefined, ...patch }), replace: true });
  const data = query.data;
  const filtered = Boolean(search.q || search.body || search.kind || search.year || search.status);

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('library.title')}</h1>
          <p className="subtitle">
            {data ? t('library.count', { count: data.total }) : '\u00a0'} {query.isFetching && data && <Spinner />}
          </p>
        </div>
        <Link to="/import" className="btn">
          {t('nav.import')}
        </Link>
      </div>

      <div className="filters" role="group" aria-label={t('filters.label')}>
        <DebouncedInput
          value={search.q ?? ''}
          onChange={(q) => update({ q: q.trim() || undefined })}
          label={t('library.search')}
          placeholder={t('library.searchPlaceholder')}
        />
        <select aria-label={t('library.body')} value={search.body ?? ''} onChange={(e) => update({ body: e.target.value || undefined })}>
          <option value="">{t('library.anyBody')}</option>
          {facets.data?.bodies.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
        <select
          aria-label={t('library.kind')}
          value={search.kind ?? ''}
          onChange={(e) => update({ kind: (e.target.value || undefined) as DocumentKind | undefined })}
        >
          <option value="">{t('library.anyKind')}</option>
          {facets.data?.kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`, { defaultValue: k })}
            </option>
          ))}
        </select>
        <select
          aria-label={t('library.year')}
          value={search.year ?? ''}
          onChange={(e) => update({ year: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">{t('library.anyYear')}</option>
          {facets.data?.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <select
          aria-label={t('library.status')}
          value={search.status ?? ''}
          onChange={(e) => update({ status: (e.target.value || undefined) as DocumentStatus | undefined })}
        >
          <option value="">{t('library.anyStatus')}</option>
          {DOCUMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`documentStatus.${s}`)}
            </option>
          ))}
        </select>
        <span className="check">
          <label htmlFor="library-sort">{t('library.sortBy')}</label>
          <select id="library-sort" value={search.sort ?? 'body'} onChange={(e) => update({ sort: e.target.value as DocumentSearch['sort'] })}>
            {DOCUMENT_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`library.sort.${s}`)}
              </option>
            ))}
          </select>
        </span>
      </div>

      <ListState
        query={query}
        rows={10}
        isEmpty={data?.items.length === 0}
        empty={
          <EmptyState title={filtered ? t('library.noMatches') : t('library.emptyTitle')} hint={filtered ? undefined : t('library.emptyHint')}>
            {!filtered && (
              <p>
                <Link to="/import" className="btn btn-primary">
                  {t('nav.import')}
                </Link>
              </p>
            )}
          </EmptyState>
        }
      />
      {data && data.items.length > 0 && (
        <div>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t('library.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('library.col.label')}</th>
                  <th scope="col">{t('library.col.title')}</th>
                  <th scope="col">{t('library.col.body')}</th>
                  <th scope="col" className="num">
                    {t('library.col.year')}
                  </th>
                  <th scope="col">{t('library.col.status')}</th>
                  <th scope="col" className="num">
                    {t('library.col.clauses')}
                  </th>
                  <th scope="col" className="num">
                    {t('library.col.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((d) => (
                  <tr key={d.id}>
                    <td className="nowrap">
                      <Link to="/documents/$id" params={{ id: String(d.id) }}>
                        {d.label}
                      </Link>
                    </td>
                    <td className="cell-clip">{d.title}</td>
                    <td>{d.body}</td>
                    <td className="num">{d.year ?? '—'}</td>
                    <td>
                      <StatusPill status={d.status} kind="documentStatus" />
                    </td>
                    <td className="num">{formatNumber(d.clauseCount)}</td>
                    <td className="num">
                      {d.actionCount > 0 ? (
                        <Link to="/actions" search={{ documentId: d.id }}>
                          {formatNumber(d.actionCount)}
                        </Link>
                      ) : (
                        <span className="muted">0</span>
                      )}
                    </td>
                  </tr>
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
