import { useTranslation } from 'react-i18next';
import type { ClauseDiff } from '@mandate/shared';
import { depthOf, numbersOf, placeOf } from './place.ts';
import { Change, WordChanges } from './WordChanges.tsx';

interface Group {
  heading: string;
  entries: ClauseDiff[];
}

/** The side a clause is shown by: the newer one, or the older for a removed clause. */
const shown = (c: ClauseDiff) => (c.new ?? c.old)!;

/** Consecutive entries under one heading, as the reader groups clauses. */
function groupByHeading(clauses: ClauseDiff[]): Group[] {
  const groups: Group[] = [];
  for (const c of clauses) {
    const heading = shown(c).heading;
    const last = groups[groups.length - 1];
    if (last && last.heading === heading) last.entries.push(c);
    else groups.push({ heading, entries: [c] });
  }
  return groups;
}

export function DiffList({ clauses }: { clauses: ClauseDiff[] }) {
  return (
    <div className="diff-list">
      {groupByHeading(clauses).map((g, i) => (
        <section key={`${g.heading}-${i}`} className="diff-group" aria-label={g.heading}>
          {g.heading && <h3 className="clause-heading">{g.heading}</h3>}
          {g.entries.map((c, k) => (
            <DiffRow key={k} clause={c} />
          ))}
        </section>
      ))}
    </div>
  );
}

function DiffRow({ clause: c }: { clause: ClauseDiff }) {
  const { t } = useTranslation();
  /** Old and new place: under the same heading the numbers say it ("1" → "2"), else heading and numbers. */
  const places = ({ old, new: now }: ClauseDiff) => {
    if (old!.heading !== now!.heading) return { from: placeOf(old!), to: placeOf(now!) };
    return { from: numbersOf(old!) || t('lineage.unnumbered'), to: numbersOf(now!) || t('lineage.unnumbered') };
  };
  const side = shown(c);
  const renumbered = c.op !== 'moved' && c.old && c.new && c.old.path !== c.new.path;
  return (
    <div className="diff-row" data-op={c.op}>
      <span className="diff-op">{t(`lineage.op.${c.op}`)}</span>
      <div className="diff-clause" style={{ paddingInlineStart: `${depthOf(side) * 2}em` }}>
        {/* Present even when empty, so texts line up. */}
        <span className="clause-num">{side.num}</span>
        <div className="diff-body">
          {c.op === 'moved' && <p className="diff-note">{t('lineage.movedFromTo', places(c))}</p>}
          {renumbered && <p className="diff-note renumbered">{t('lineage.renumbered', places(c))}</p>}
          <p className="clause-text">
            {c.words ? (
              <WordChanges words={c.words} />
            ) : c.op === 'added' ? (
              <Change op="insert" text={side.text} />
            ) : c.op === 'removed' ? (
              <Change op="delete" text={side.text} />
            ) : (
              side.text
            )}
          </p>
          {c.words && <p className="diff-note muted">{t('lineage.similarity', { percent: Math.round(c.similarity * 100) })}</p>}
        </div>
      </div>
    </div>
  );
}
