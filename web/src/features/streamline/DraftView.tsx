import { useTranslation } from 'react-i18next';
import type { ClauseOrigin, Consolidation, DraftClause } from '@mandate/shared';
import { shortPath } from './short-path.ts';

interface Group {
  heading: string;
  clauses: DraftClause[];
}

/** Consecutive clauses under one heading, as the draft lays them out. */
function groupsOf(clauses: DraftClause[]): Group[] {
  const out: Group[] = [];
  for (const c of clauses) {
    const last = out[out.length - 1];
    if (last && last.heading === c.heading) last.clauses.push(c);
    else out.push({ heading: c.heading, clauses: [c] });
  }
  return out;
}

const depthOf = (c: DraftClause) => Math.max(0, c.path.replace(/#\d+$/, '').split('/').length - 2);
const percent = (x: number) => Math.round(x * 100);

/** The draft as a document: headings, renumbered clauses, and where each clause came from. */
export function DraftView({ data }: { data: Consolidation }) {
  const { t } = useTranslation();
  const { draft } = data;
  const labelOf = new Map(data.sources.map((s) => [s.id, s.shortLabel]));
  return (
    <article className="draft" aria-labelledby="draft-title">
      <header className="doc-header">
        <div className="doc-kicker">{draft.header}</div>
        <h2 id="draft-title" className="draft-title">
          {draft.title ?? t('streamline.title')}
        </h2>
        {draft.preamble && <p className="doc-preamble">{draft.preamble}</p>}
      </header>
      {groupsOf(draft.clauses).map((g, i) => (
        <section key={`${g.heading}-${i}`} className="clause-group" aria-label={g.heading}>
          <h3 className="clause-heading">{g.heading}</h3>
          {g.clauses.map((c) => (
            <div key={c.path} className="draft-clause" style={{ paddingInlineStart: `${depthOf(c) * 2}em` }}>
              <div className="clause">
                {c.num && <span className="clause-num">{/^\d/.test(c.num) ? c.num : `${c.num})`}</span>}
                <p className="clause-text">{c.text}</p>
              </div>
              <Origins origins={c.origin} merged={c.status === 'merged'} labelOf={labelOf} />
            </div>
          ))}
        </section>
      ))}
      <Removed data={data} />
    </article>
  );
}

function Origins({ origins, merged, labelOf }: { origins: ClauseOrigin[]; merged: boolean; labelOf: Map<number, string> }) {
  const { t } = useTranslation();
  return (
    <div className="origins">
      {merged && <span className="pill origin-merged">{t('streamline.merged')}</span>}
      <ul className="origin-chips" aria-label={t('streamline.origin')}>
        {origins.map((o, k) => (
          <li key={`${o.sourceId}-${o.path}`} className={`origin-chip${k === 0 && merged ? ' is-kept' : ''}`} title={o.path}>
            {t('streamline.originChip', { label: labelOf.get(o.sourceId) ?? `#${o.sourceId}`, path: shortPath(o.path) })}
            {k === 0 && merged && <span className="visually-hidden"> ({t('streamline.kept')})</span>}
            {o.similarity < 1 && <span className="origin-similar"> · {t('streamline.originSimilar', { percent: percent(o.similarity) })}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Removed({ data }: { data: Consolidation }) {
  const { t } = useTranslation();
  const removed = data.draft.removed;
  if (removed.length === 0) return null;
  const labelOf = new Map(data.sources.map((s) => [s.id, s.shortLabel]));
  return (
    <section className="removed" aria-labelledby="removed-title">
      <h3 id="removed-title" className="section-title">
        {t('streamline.removedTitle')}
      </h3>
      <p className="muted">{t('streamline.removedHint')}</p>
      <ul className="removed-list">
        {removed.map((r) => (
          <li key={`${r.sourceId}-${r.path}`}>
            <span className="origin-chip" title={r.path}>
              {t('streamline.originChip', { label: labelOf.get(r.sourceId) ?? `#${r.sourceId}`, path: shortPath(r.path) })}
            </span>{' '}
            {t(`streamline.reason.${r.reason}`, { path: shortPath(r.duplicateOf ?? ''), percent: percent(r.similarity) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
