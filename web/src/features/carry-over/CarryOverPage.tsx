import { useEffect, useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CarryOverResult } from '@mandate/shared';
import { isProblem } from '../../api.ts';
import { EmptyState, ErrorBanner, Notice, SkeletonRows, Spinner } from '../../ui/Feedback.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useCan } from '../auth/session.ts';
import { CarryOverLists } from './CarryOverLists.tsx';
import { ProposalTable } from './ProposalTable.tsx';
import { ResultNotice } from './ResultNotice.tsx';
import { useApplyCarryOver, useCarryOverProposal } from './queries.ts';
import { carryOverBody, initialChoices, type Choices } from './selection.ts';
import './carry-over.css';

const route = getRouteApi('/documents/$id/carry-over');

/** /documents/$id/carry-over?to=NEWER: the action items citing document $id, proposed for the clauses of NEWER. */
export function CarryOverPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const { to } = route.useSearch();
  const from = Number(id);
  const can = useCan();
  const proposal = useCarryOverProposal(from, to);
  const apply = useApplyCarryOver(from);
  const data = proposal.data;
  const [choices, setChoices] = useState<Choices>({});
  const [result, setResult] = useState<CarryOverResult>();
  usePageTitle(data ? `${t('carryOver.title')}: ${data.from.label}` : t('carryOver.title'));

  // A fresh proposal (first load, or after carrying over) resets the choices to what it proposes.
  useEffect(() => {
    if (data) setChoices(initialChoices(data));
  }, [data]);

  const body = data ? carryOverBody(data, choices) : null;
  const count = body?.items.length ?? 0;
  const submit = () => {
    if (!body) return;
    setResult(undefined);
    apply.mutate(body, { onSuccess: (r) => setResult(r) });
  };

  return (
    <div className="stack carry-over">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/documents/$id" params={{ id }}>
          {data?.from.label ?? `#${id}`}
        </Link>
        {to !== undefined && (
          <>
            {' · '}
            <Link to="/documents/$id/compare" params={{ id: String(to) }} search={{ against: from }}>
              {t('carryOver.backToCompare')}
            </Link>
          </>
        )}
      </nav>
      <div className="page-header">
        <div>
          <h1>{t('carryOver.title')}</h1>
          <p className="subtitle">
            {data ? `${data.from.label} → ${data.to.label}` : '\u00a0'} {proposal.isFetching && data && <Spinner />}
          </p>
        </div>
      </div>

      {to === undefined && <EmptyState title={t('carryOver.noTarget')} />}
      <ErrorBanner error={proposal.error} onRetry={isProblem(proposal.error, 404) || isProblem(proposal.error, 400) ? undefined : () => void proposal.refetch()} />
      {proposal.isPending && to !== undefined && !proposal.error && (
        <div className="panel">
          <SkeletonRows rows={8} />
        </div>
      )}

      {data && (
        <>
          <p className="muted carry-intro">{t('carryOver.intro', { from: data.from.label, to: data.to.label })}</p>
          {!data.sameLineage && <Notice tone="warning">{t('carryOver.notSameLineage')}</Notice>}
          {result && <ResultNotice result={result} toLabel={data.to.label} onClose={() => setResult(undefined)} />}
          <ErrorBanner error={apply.error} onDismiss={() => apply.reset()} />
          {data.items.length === 0 ? (
            <div className="panel">
              <EmptyState title={t('carryOver.empty', { from: data.from.label })} />
            </div>
          ) : (
            <>
              <ProposalTable proposal={data} choices={choices} onChange={setChoices} editable={can.edit} />
              <div className="carry-actions">
                {can.edit ? (
                  <>
                    <button type="button" className="btn btn-primary" disabled={count === 0 || apply.isPending} onClick={submit}>
                      {apply.isPending ? t('carryOver.applying') : t('carryOver.apply', { count })}
                    </button>
                    {count === 0 && <span className="muted">{t('carryOver.nothingChosen')}</span>}
                  </>
                ) : (
                  <span className="muted">{t('carryOver.editorsOnly')}</span>
                )}
              </div>
            </>
          )}
          <CarryOverLists proposal={data} />
        </>
      )}
    </div>
  );
}
