import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CarryOverProposal } from '@mandate/shared';

/** What the proposal cannot place: removed clauses with items, and new clauses nobody acts on yet. */
export function CarryOverLists({ proposal }: { proposal: CarryOverProposal }) {
  const { t } = useTranslation();
  const refOf = new Map(proposal.items.map((i) => [i.actionId, i.ref]));
  const itemLink = (id: number) => (
    <Link key={id} to="/actions/$id" params={{ id: String(id) }} className="ref">
      {refOf.get(id) ?? `#${id}`}
    </Link>
  );
  const withoutTarget = proposal.itemsWithoutTarget.map((id) => refOf.get(id) ?? `#${id}`);
  return (
    <div className="carry-lists">
      <section className="panel" aria-labelledby="carry-removed-h">
        <div className="panel-header">
          <h2 id="carry-removed-h">{t('carryOver.removedTitle')}</h2>
        </div>
        <div className="panel-body">
          <p className="muted carry-hint">{t('carryOver.removedHint')}</p>
          {proposal.unmappedClauses.length === 0 ? (
            <p>{t('carryOver.removedNone')}</p>
          ) : (
            <ul className="carry-clauses">
              {proposal.unmappedClauses.map(({ clause, actionIds }) => (
                <li key={clause.id}>
                  <Link to="/documents/$id" params={{ id: String(proposal.from.id) }} hash={`clause-${clause.id}`}>
                    {clause.label}
                  </Link>
                  <span className="carry-text">{clause.text}</span>
                  <span className="carry-sub">
                    {t('carryOver.citedBy')}{' '}
                    {actionIds.map((id, i) => (
                      <span key={id}>
                        {i > 0 && ', '}
                        {itemLink(id)}
                      </span>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {withoutTarget.length > 0 && <p className="carry-sub">{t('carryOver.withoutTarget', { count: withoutTarget.length, refs: withoutTarget.join(', ') })}</p>}
        </div>
      </section>

      <section className="panel" aria-labelledby="carry-new-h">
        <div className="panel-header">
          <h2 id="carry-new-h">{t('carryOver.newTitle')}</h2>
        </div>
        <div className="panel-body">
          <p className="muted carry-hint">{t('carryOver.newHint', { to: proposal.to.label })}</p>
          {proposal.newClausesWithoutItems.length === 0 ? (
            <p>{t('carryOver.newNone')}</p>
          ) : (
            <ul className="carry-clauses">
              {proposal.newClausesWithoutItems.map(({ clause, suggestionId }) => (
                <li key={clause.id}>
                  <strong>{clause.label}</strong>
                  <span className="carry-text">{clause.text}</span>
                  <span className="carry-sub">
                    {suggestionId !== null ? (
                      <Link to="/suggestions" search={{ documentId: proposal.to.id }}>
                        {t('carryOver.reviewSuggestion')}
                      </Link>
                    ) : (
                      <Link to="/documents/$id" params={{ id: String(proposal.to.id) }} hash={`clause-${clause.id}`}>
                        {t('carryOver.openInReader')}
                      </Link>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}
