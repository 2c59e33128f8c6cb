import { useCallback, useState } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiUrl, isProblem } from '../../api.ts';
import { invalidatePlan } from '../../queryClient.ts';
import { EmptyState, ErrorBanner, Notice, Spinner, ListState } from '../../ui/Feedback.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { ActionFilters } from './ActionFilters.tsx';
import { ActionsTable } from './ActionsTable.tsx';
import { NewActionDialog } from './NewActionDialog.tsx';
import { PlanImportButton, PlanImportSummary, type PlanImportResult } from './PlanImport.tsx';
import { useActions } from './queries.ts';
import { actionFilterQuery, DEFAULT_LIMIT, type ActionSearch } from './search.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useCan } from '../auth/session.ts';

const route = getRouteApi('/actions');

type Message = { kind: 'conflict' } | { kind: 'error'; error: unknown } | { kind: 'imported'; result: PlanImportResult };

export function ActionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('actions.title'));
  const can = useCan();
  const qc = useQueryClient();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useActions(search);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const update = (patch: Partial<ActionSearch>, resetPage = true) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(resetPage ? { offset: undefined } : {}) }), replace: true });

  const onStatusError = useCallback(
    (error: unknown) => {
      if (isProblem(error, 412)) {
        setMessage({ kind: 'conflict' });
        void invalidatePlan(qc);
      } else setMessage({ kind: 'error', error });
    },
    [qc],
  );

  const exportQuery = actionFilterQuery(search);
  const limit = search.limit ?? DEFAULT_LIMIT;
  const offset = search.offset ?? 0;
  const data = query.data;

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('actions.title')}</h1>
          <p className="subtitle">
            {data ? t('actions.count', { count: data.total }) : '\u00a0'}
            {query.isFetching && data && (
              <>
                {' '}
                <Spinner />
              </>
            )}
          </p>
        </div>
        <div className="toolbar">
          <a className="btn" href={apiUrl('/api/actions/export', { format: 'xlsx', ...exportQuery })} download>
            {t('actions.exportXlsx')}
          </a>
          <a className="btn" href={apiUrl('/api/actions/export', { format: 'csv', ...exportQuery })} download>
            {t('actions.exportCsv')}
          </a>
          {can.edit && (
            <>
              <PlanImportButton
                onResult={(result) => setMessage({ kind: 'imported', result })}
                onError={(error) => setMessage({ kind: 'error', error })}
              />
              <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                {t('actions.new')}
              </button>
            </>
          )}
        </div>
      </div>

      {message?.kind === 'conflict' && (
        <Notice tone="warning" onClose={() => setMessage(null)}>
          {t('actions.conflict')}
        </Notice>
      )}
      {message?.kind === 'imported' && (
        <Notice tone="success" onClose={() => setMessage(null)}>
          <PlanImportSummary result={message.result} />
        </Notice>
      )}
      {message?.kind === 'error' && <ErrorBanner error={message.error} onDismiss={() => setMessage(null)} />}

      <ActionFilters search={search} onChange={(patch) => update(patch)} />

      <ListState
        query={query}
        rows={10}
        isEmpty={data?.items.length === 0}
        empty={
          <EmptyState
            title={t('actions.emptyTitle')}
            hint={data?.total === 0 && !Object.values(actionFilterQuery(search)).some(Boolean) ? t('actions.emptyHint') : t('actions.emptyFilteredHint')}
          />
        }
      />
      {data && data.items.length > 0 && (
        <div>
          <ActionsTable
            items={data.items}
            sort={search.sort ?? 'ref'}
            order={search.order ?? 'asc'}
            onSort={(sort, order) => update({ sort, order })}
            onStatusError={onStatusError}
            busy={query.isPlaceholderData}
          />
          <Pagination
            total={data.total}
            limit={limit}
            offset={offset}
            onChange={(next) => update({ limit: next.limit === DEFAULT_LIMIT ? undefined : next.limit, offset: next.offset || undefined }, false)}
          />
        </div>
      )}
      <NewActionDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
