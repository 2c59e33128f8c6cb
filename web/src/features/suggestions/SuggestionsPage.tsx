import { useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SUGGESTION_STATUSES } from '../../domain.ts';
import { EmptyState, Notice, ListState } from '../../ui/Feedback.tsx';
import { UrlPagination } from '../../ui/Pagination.tsx';
import { useDocumentOptions } from '../documents/queries.ts';
import { useSuggestions } from './queries.ts';
import { SuggestionCard, type DecisionOutcome } from './SuggestionCard.tsx';
import type { SuggestionSearch } from './search.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';

const route = getRouteApi('/suggestions');

export function SuggestionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('suggestions.title'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useSuggestions(search);
  const documents = useDocumentOptions();
  const [last, setLast] = useState<DecisionOutcome | null>(null);
  const update = (patch: Partial<SuggestionSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, offset: undefined, ...patch }), replace: true });
  const data = query.data;

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('suggestions.title')}</h1>
          <p className="subtitle">{t('suggestions.subtitle')}</p>
        </div>
      </div>
      <div className="filters" role="group" aria-label={t('filters.label')}>
        <select
          aria-label={t('filters.status')}
          value={search.status ?? 'pending'}
          onChange={(e) => update({ status: e.target.value === 'pending' ? undefined : (e.target.value as SuggestionSearch['status']) })}
        >
          {SUGGESTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`suggestionStatus.${s}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filters.document')}
          className="select-wide"
          value={search.documentId ?? ''}
          onChange={(e) => update({ documentId: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">{t('filters.anyDocument')}</option>
          {documents.data?.items.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </select>
        {data && <span className="muted">{t('suggestions.count', { count: data.total })}</span>}
      </div>
      {last && (
        <Notice tone="success" onClose={() => setLast(null)}>
          {t(`suggestions.done.${last.kind}`, { title: last.title })}{' '}
          {last.actionId !== undefined && (
            <Link to="/actions/$id" params={{ id: String(last.actionId) }}>
              {t('suggestions.openAction')}
            </Link>
          )}
        </Notice>
      )}
      <ListState
        query={query}
        rows={6}
        isEmpty={data?.items.length === 0}
        empty={
          <EmptyState title={t('suggestions.emptyTitle')} hint={t('suggestions.emptyHint')} />
        }
      />
      {data && data.items.length > 0 && (
        <>
          <div className="suggestion-list">
            {data.items.map((s) => (
              <SuggestionCard key={s.id} s={s} onDecided={setLast} />
            ))}
          </div>
          <UrlPagination total={data.total} search={search} />
        </>
      )}
    </div>
  );
}
