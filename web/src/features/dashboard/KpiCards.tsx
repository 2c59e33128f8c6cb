import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '@mandate/shared';
import { formatNumber } from '../../ui/format.ts';

/** Headline numbers; each card opens the list it counts. */
export function KpiCards({ totals }: { totals: Dashboard['totals'] }) {
  const { t } = useTranslation();
  return (
    <ul className="kpis" aria-label={t('dashboard.kpis')}>
      <li className="kpi">
        <Link to="/actions">
          <span className="kpi-label">{t('dashboard.kpi.actions')}</span>
          <span className="kpi-value">{formatNumber(totals.actions)}</span>
        </Link>
      </li>
      <li className="kpi">
        <Link to="/documents">
          <span className="kpi-label">{t('dashboard.kpi.documents')}</span>
          <span className="kpi-value">{formatNumber(totals.documents)}</span>
        </Link>
      </li>
      <li className="kpi" data-tone={totals.overdue > 0 ? 'danger' : undefined}>
        <Link to="/actions" search={{ overdue: true }}>
          <span className="kpi-label">{t('dashboard.kpi.overdue')}</span>
          <span className="kpi-value">{formatNumber(totals.overdue)}</span>
        </Link>
      </li>
      <li className="kpi" data-tone={totals.stale > 0 ? 'warning' : undefined}>
        <Link to="/actions" search={{ stale: true }}>
          <span className="kpi-label">{t('dashboard.kpi.stale')}</span>
          <span className="kpi-value">{formatNumber(totals.stale)}</span>
        </Link>
      </li>
      <li className="kpi">
        <Link to="/suggestions">
          <span className="kpi-label">{t('dashboard.kpi.pendingSuggestions')}</span>
          <span className="kpi-value">{formatNumber(totals.pendingSuggestions)}</span>
        </Link>
      </li>
      <li className="kpi">
        <div>
          <span className="kpi-label">{t('dashboard.kpi.averageProgress')}</span>
          <span className="kpi-value">{formatNumber(totals.averageProgress)}%</span>
          <span className="kpi-bar" aria-hidden="true">
            <span style={{ inlineSize: `${Math.min(100, totals.averageProgress)}%` }} />
          </span>
        </div>
      </li>
    </ul>
  );
}
