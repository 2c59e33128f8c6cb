import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ActionStatus, Dashboard } from '@mandate/shared';
import { formatNumber } from '../../ui/format.ts';

const statusColor = (s: ActionStatus) => `var(--status-${s})`;
const COMPLETED = 'var(--status-completed)';
const REST = 'var(--chart-rest)';

/** "Resolution 64 (Rev. Dubai, 2018)" → "Res. 64 (Rev. Dubai, 2018)": axis labels must stay short. */
const abbreviate = (label: string) =>
  label.replace(/^Resolution\b/, 'Res.').replace(/^Decision\b/, 'Dec.').replace(/^Recommendation\b/, 'Rec.');

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function useRtl() {
  const { i18n } = useTranslation();
  return i18n.dir() === 'rtl';
}

/** Donut of items by status, with a legend that links to each filtered plan. */
export function StatusDonut({ data }: { data: Dashboard['byStatus'] }) {
  const { t } = useTranslation();
  const rows = data
    .filter((d) => d.count > 0)
    .map((d) => ({ ...d, name: t(`status.${d.status}`), fill: statusColor(d.status) }));
  const total = rows.reduce((sum, d) => sum + d.count, 0);
  return (
    <div className="donut">
      <div className="donut-chart">
        <ResponsiveContainer width="100%" height={220}>
          <PieChart>
            <Pie data={rows} dataKey="count" nameKey="name" innerRadius="58%" outerRadius="90%" paddingAngle={1} isAnimationActive={false} />
            <Tooltip formatter={(v) => formatNumber(Number(v))} />
          </PieChart>
        </ResponsiveContainer>
        <div className="donut-center" aria-hidden="true">
          <strong>{formatNumber(total)}</strong>
          <span>{t('dashboard.items')}</span>
        </div>
      </div>
      <ul className="legend">
        {data.map((d) => (
          <li key={d.status}>
            <span className="swatch" style={{ background: statusColor(d.status) }} aria-hidden="true" />
            <Link to="/actions" search={{ status: [d.status] }}>
              {t(`status.${d.status}`)}
            </Link>
            <span className="legend-count">{formatNumber(d.count)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface StackRow {
  key: string;
  label: string;
  completed: number;
  rest: number;
}

/** Horizontal bars, one per responsible unit (top 15), completed stacked against the rest. */
export function ResponsibleChart({ data }: { data: Dashboard['byResponsible'] }) {
  const { t } = useTranslation();
  const rtl = useRtl();
  const navigate = useNavigate();
  const rows: StackRow[] = [...data]
    .sort((a, b) => b.count - a.count)
    .slice(0, 15)
    .map((d) => ({ key: d.name, label: d.name, completed: d.completed, rest: Math.max(0, d.count - d.completed) }));
  const open = (row: unknown) => {
    const name = (row as { payload?: StackRow }).payload?.key;
    if (name) void navigate({ to: '/actions', search: { responsible: name } });
  };
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 26 + 60)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e6e9ee" />
        <XAxis type="number" allowDecimals={false} reversed={rtl} tick={{ fontSize: 12 }} />
        <YAxis
          type="category"
          dataKey="label"
          width={130}
          orientation={rtl ? 'right' : 'left'}
          tick={{ fontSize: 12 }}
          tickFormatter={(v: string) => truncate(v, 20)}
          interval={0}
        />
        <Tooltip formatter={(v) => formatNumber(Number(v))} />
        <Legend />
        <Bar dataKey="completed" name={t('status.completed')} stackId="a" fill={COMPLETED} cursor="pointer" onClick={open} isAnimationActive={false} />
        <Bar dataKey="rest" name={t('dashboard.notCompleted')} stackId="a" fill={REST} cursor="pointer" onClick={open} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Columns, one per resolution (top 20 by number of items). */
export function DocumentChart({ data }: { data: Dashboard['byDocument'] }) {
  const { t } = useTranslation();
  const rtl = useRtl();
  const navigate = useNavigate();
  const rows: StackRow[] = [...data]
    .sort((a, b) => b.count - a.count)
    .slice(0, 20)
    .map((d) => ({ key: String(d.documentId), label: abbreviate(d.label), completed: d.completed, rest: Math.max(0, d.count - d.completed) }));
  const open = (row: unknown) => {
    const id = Number((row as { payload?: StackRow }).payload?.key);
    if (id) void navigate({ to: '/actions', search: { documentId: id } });
  };
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e6e9ee" />
        <XAxis
          dataKey="label"
          reversed={rtl}
          interval={0}
          angle={-35}
          textAnchor="end"
          height={90}
          tick={{ fontSize: 11 }}
          tickFormatter={(v: string) => truncate(v, 24)}
        />
        <YAxis allowDecimals={false} orientation={rtl ? 'right' : 'left'} tick={{ fontSize: 12 }} width={36} />
        <Tooltip formatter={(v) => formatNumber(Number(v))} />
        <Legend />
        <Bar dataKey="completed" name={t('status.completed')} stackId="a" fill={COMPLETED} cursor="pointer" onClick={open} isAnimationActive={false} />
        <Bar dataKey="rest" name={t('dashboard.notCompleted')} stackId="a" fill={REST} cursor="pointer" onClick={open} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
