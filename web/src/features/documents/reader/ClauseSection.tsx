import { useTranslation } from 'react-i18next';
import type { Clause } from '@mandate/shared';
import { ClauseMargin } from './ClauseMargin.tsx';

interface Group {
  heading: string;
  clauses: Clause[];
}

/** Consecutive clauses sharing a heading ("considering", "resolves", "instructs the Director…"). */
function groupByHeading(clauses: Clause[]): Group[] {
  const groups: Group[] = [];
  for (const c of clauses) {
    const last = groups[groups.length - 1];
    if (last && last.heading === c.heading) last.clauses.push(c);
    else groups.push({ heading: c.heading, clauses: [c] });
  }
  return groups;
}

/** "resolves/2/a" is a sub-item of "resolves/2": indent it one step. */
const depthOf = (c: Clause) => Math.max(0, c.path.split('/').length - 2);

export function ClauseSection({ title, clauses, operative, targetId }: {
  title: string;
  clauses: Clause[];
  operative: boolean;
  targetId: number | null;
}) {
  const { t } = useTranslation();
  if (clauses.length === 0) return null;
  return (
    <section className={`clause-section${operative ? ' operative' : ''}`} aria-label={title}>
      <h2 className="section-title">{title}</h2>
      {operative && (
        <div className="clause-columns-head" aria-hidden="true">
          <span />
          <span>{t('reader.marginHead')}</span>
        </div>
      )}
      {groupByHeading(clauses).map((g, i) => (
        <div key={`${g.heading}-${i}`} className="clause-group">
          {g.heading && <h3 className="clause-heading">{g.heading}</h3>}
          {g.clauses.map((c) => (
            <div key={c.id} className={`clause-row${c.id === targetId ? ' is-target' : ''}`}>
              <div id={`clause-${c.id}`} className="clause" style={{ paddingInlineStart: `${depthOf(c) * 2}em` }}>
                {c.num && <span className="clause-num">{c.num}</span>}
                <p className="clause-text">{c.text}</p>
              </div>
              {operative && <ClauseMargin clause={c} />}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
