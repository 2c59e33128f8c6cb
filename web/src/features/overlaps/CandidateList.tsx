import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { StreamlineCandidate } from '@mandate/shared';

const SHOWN = 6;
/** The order groups appear in (the contract's list, repeated here so the page does not bundle the schema library). */
const CANDIDATE_TYPES = ['merge', 'suppress', 'update', 'boilerplate'] as const;

function DocumentLinks({ c }: { c: StreamlineCandidate }) {
  const { t } = useTranslation();
  if (c.type === 'boilerplate') return <span className="muted">{t('overlaps.inTexts', { count: c.documents.length })}</span>;
  return (
    <span className="candidate-docs">
      {c.documents.map((d, i) => (
        <span key={d.id}>
          {i > 0 && <span aria-hidden="true">{c.type === 'merge' ? ' + ' : ' → '}</span>}
          <Link to="/documents/$id" params={{ id: String(d.id) }}>
            {d.label}
          </Link>
        </span>
      ))}
    </span>
  );
}

/** What a reader can do next with a candidate: look at the passages, draft the merged text, see the citations. */
function CandidateActions({ c }: { c: StreamlineCandidate }) {
  const { t } = useTranslation();
  const [a, b] = c.documents;
  const pair = a && b && (c.type === 'merge' || (c.type === 'suppress' && c.evidence.containedIn !== undefined));
  return (
    <span className="candidate-actions">
      {pair && (
        <Link to="/streamline/pairs/$a/$b" params={{ a: String(a.id), b: String(b.id) }} className="btn btn-sm">
          {t('overlaps.comparePassages')}
        </Link>
      )}
      {c.type === 'merge' && a && b && (
        <Link to="/streamline/consolidate" search={{ ids: [a.id, b.id] }} className="btn btn-sm">
          {t('overlaps.consolidate')}
        </Link>
      )}
      {c.type === 'update' && a && (
        <Link to="/documents/$id" params={{ id: String(a.id) }} className="btn btn-sm">
          {t('overlaps.citations')}
        </Link>
      )}
    </span>
  );
}

function CandidateCard({ c }: { c: StreamlineCandidate }) {
  return (
    <li className="candidate" data-type={c.type}>
      <div className="candidate-head">
        <DocumentLinks c={c} />
      </div>
      <p className="candidate-reason">{c.reason}</p>
      {c.type === 'boilerplate' && c.evidence.text && <blockquote className="candidate-quote">{c.evidence.text}</blockquote>}
      <CandidateActions c={c} />
    </li>
  );
}

function CandidateGroup({ type, items }: { type: StreamlineCandidate['type']; items: StreamlineCandidate[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <section className="panel candidate-group" aria-labelledby={`candidates-${type}`} data-type={type}>
      <div className="panel-header">
        <h3 id={`candidates-${type}`}>
          {t(`overlaps.type.${type}`)} <span className="count">{items.length}</span>
        </h3>
      </div>
      <div className="panel-body">
        <p className="muted">{t(`overlaps.typeHint.${type}`)}</p>
        <ul className="candidate-list">
          {shown.map((c, i) => (
            <CandidateCard key={`${c.documents.map((d) => d.id).join('-')}-${i}`} c={c} />
          ))}
        </ul>
        {items.length > SHOWN && (
          <button type="button" className="btn-link" onClick={() => setAll(!all)}>
            {all ? t('overlaps.showLess') : t('overlaps.showMore', { count: items.length - SHOWN })}
          </button>
        )}
      </div>
    </section>
  );
}

/** Candidates grouped by type (merge, suppress, update, boilerplate), each group strongest first. */
export function CandidateList({ candidates }: { candidates: StreamlineCandidate[] }) {
  const { t } = useTranslation();
  const groups = CANDIDATE_TYPES.map((type) => ({ type, items: candidates.filter((c) => c.type === type) })).filter((g) => g.items.length > 0);
  return (
    <section aria-labelledby="candidates-title" className="stack">
      <div>
        <h2 id="candidates-title">{t('overlaps.candidates')}</h2>
        <p className="muted">{t('overlaps.candidatesHint')}</p>
      </div>
      {groups.length === 0 ? <p className="muted">{t('overlaps.noCandidates')}</p> : <div className="candidate-groups">{groups.map((g) => <CandidateGroup key={g.type} {...g} />)}</div>}
    </section>
  );
}
