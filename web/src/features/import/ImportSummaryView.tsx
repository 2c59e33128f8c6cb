import { useTranslation } from 'react-i18next';
import type { ImportProblem, ImportSummary } from '@mandate/shared';
import { formatNumber } from '../../ui/format.ts';

function ProblemTable({ caption, rows }: { caption: string; rows: ImportProblem[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap no-max">
      <table className="data">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.col.file')}</th>
            <th scope="col">{t('import.col.location')}</th>
            <th scope="col">{t('import.col.message')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p, i) => (
            <tr key={i}>
              <td className="nowrap">{p.file}</td>
              <td>
                <code>{p.location}</code>
              </td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const counters = [
    ['files', summary.files],
    ['documents', summary.documents],
    ['created', summary.created],
    ['updated', summary.updated],
    ['clauses', summary.clauses],
    ['suggestedActions', summary.suggestedActions],
  ] as const;
  return (
    <section className="stack" aria-label={t('import.summary')}>
      <ul className="kpis compact">
        {counters.map(([key, n]) => (
          <li key={key} className="kpi">
            <div>
              <span className="kpi-label">{t(`import.counter.${key}`)}</span>
              <span className="kpi-value">{formatNumber(n)}</span>
            </div>
          </li>
        ))}
      </ul>
      {summary.failed.length > 0 && <ProblemTable caption={t('import.failed', { count: summary.failed.length })} rows={summary.failed} />}
      {summary.problems.length > 0 ? (
        <ProblemTable caption={t('import.problems', { count: summary.problems.length })} rows={summary.problems} />
      ) : (
        <p className="muted">{t('import.noProblems')}</p>
      )}
    </section>
  );
}
