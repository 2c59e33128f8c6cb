import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OverlapPairSummary } from '@mandate/shared';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A bar in the cell, so the strongest overlaps stand out when scanning the column. */
function ContainmentBar({ value }: { value: number }) {
  return (
    <span className="containment">
      <span className="containment-track" aria-hidden="true">
        <span className="containment-fill" style={{ inlineSize: pct(value) }} />
      </span>
      <span className="containment-label">{pct(value)}</span>
    </span>
  );
}

/** Pairs sorted by containment (the server's order), each opening the side-by-side view. */
export function PairsTable({ pairs }: { pairs: OverlapPairSummary[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data pairs-table">
        <caption className="visually-hidden">{t('overlaps.pairs')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overlaps.col.a')}</th>
            <th scope="col">{t('overlaps.col.b')}</th>
            <th scope="col">{t('overlaps.col.containment')}</th>
            <th scope="col" className="num">
              {t('overlaps.col.cover')}
            </th>
            <th scope="col" className="num">
              {t('overlaps.col.passages')}
            </th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr key={`${p.a.id}-${p.b.id}`}>
              <td>
                <Link to="/documents/$id" params={{ id: String(p.a.id) }}>
                  {p.a.label}
                </Link>
                <div className="muted cell-clip pair-title">{p.a.title}</div>
              </td>
              <td>
                <Link to="/documents/$id" params={{ id: String(p.b.id) }}>
                  {p.b.label}
                </Link>
                {p.sameLineage && <span className="pill pair-lineage">{t('overlaps.sameLineageBadge')}</span>}
                <div className="muted cell-clip pair-title">{p.b.title}</div>
              </td>
              <td>
                <Link to="/streamline/pairs/$a/$b" params={{ a: String(p.a.id), b: String(p.b.id) }} aria-label={t('overlaps.pairTitle', { a: p.a.label, b: p.b.label })}>
                  <ContainmentBar value={p.containment} />
                </Link>
              </td>
              <td className="num nowrap">{t('overlaps.coverBoth', { a: pct(p.coverA), b: pct(p.coverB) })}</td>
              <td className="num">{p.passages}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
