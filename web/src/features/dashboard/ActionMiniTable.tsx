import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ActionSummary } from '@mandate/shared';
import { StatusPill } from '../../ui/StatusPill.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';

/** A short list of action items (overdue or stale) on the dashboard. */
export function ActionMiniTable({ items, dateColumn, caption }: { items: ActionSummary[]; dateColumn: 'dueDate' | 'lastUpdate'; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap no-max">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('actions.col.ref')}</th>
            <th scope="col">{t('actions.col.title')}</th>
            <th scope="col">{t('actions.col.responsible')}</th>
            <th scope="col">{t(dateColumn === 'dueDate' ? 'actions.col.dueDate' : 'actions.col.lastUpdate')}</th>
            <th scope="col">{t('actions.col.status')}</th>
            <th scope="col">{t('actions.col.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td className="ref">{a.ref}</td>
              <td className="cell-clip">
                <Link to="/actions/$id" params={{ id: String(a.id) }}>
                  {a.title}
                </Link>
              </td>
              <td>{a.responsible.join(', ')}</td>
              <td className={`nowrap${dateColumn === 'dueDate' && a.overdue ? ' overdue' : ''}`}>
                {a[dateColumn] ?? <span className="muted">{t('common.never')}</span>}
              </td>
              <td>
                <StatusPill status={a.status} />
              </td>
              <td>
                <ProgressBar value={a.progress} label={t('actions.progressOf', { ref: a.ref })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
