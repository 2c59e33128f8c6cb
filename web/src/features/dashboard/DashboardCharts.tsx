import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ActionStatus, Dashboard } from '@mandate/shared';
import { formatNumber } from '../../ui/format.ts';

const statusColor = (s: ActionStatus) => `var(--status-${s})`;
const COMPLETED = 'var(--status-completed)';
const REST = 'var(--chart-rest)';

/** "WTSA Resolution 64 (Rev. Dubai, 2018)" → "WTSA Res. 64 (Rev. Dubai, 2018)": axis labels must stay short. */
const abbreviate = (label: string) =>
  label.replace(/\bResolution\b/, 'Res.').replace(/\bDecision\b/, 'Dec.').replace(/\bRecommendation\b/, 'Rec.');

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

const legendText = (value: string) => <span className="chart-legend-text">{value}</span>;

/**
 * Category label on one line, cut to `chars` with the full text as a tooltip; recharts' own
 * tick wraps long labels onto two lines that overlap their neighbours.
 */
function CategoryTick({ x, y, payload, chars, rtl }: { x?: number; y?: number; payload?: { value: string }; chars: number; rtl: boolean }) {
  const value = payload?.value ?? '';
  return (
    <text x={x} y={y} dy={4} textAnchor={rtl ? 'start' : 'end'} fontSize={12} fill="#4b5563">
      <title>{value}</title>
      {truncate(value, chars)}
    </text>
  );
}

/** Horizontal bars, completed stacked against the rest; clicking a bar opens the filtered plan. */
function StackedBars({ rows, labelWidth, labelChars, onOpen }: {
  rows: StackRow[];
  labelWidth: number;
  labelChars: number;
  onOpen: (key: string) => void;
}) {
  const { t } = useTranslation();
  const rtl = useRtl();
  const open = (bar: unknown) => {
    const key = (bar as { payload?: StackRow }).payload?.key;
    if (key) onOpen(key);
  };
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 24 + 64)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} barCategoryGap="18%">
        <CartesianGrid horizontal={false} stroke="#e6e9ee" />
        <XAxis type="number" allowDecimals={false} reversed={rtl} tick={{ fontSize: 12 }} />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          orientation={rtl ? 'right' : 'left'}
          tick={<CategoryTick chars={labelChars} rtl={rtl} />}
          interval={0}
        />
        <Tooltip formatter={(v) => formatNumber(Number(v))} cursor={{ fill: 'rgb(29 78 216 / 6%)' }} />
        <Legend formatter={legendText} />
        <Bar dataKey="completed" name={t('status.completed')} stackId="a" fill={COMPLETED} cursor="pointer" onClick={open} isAnimationActive={false} />
        <Bar dataKey="rest" name={t('dashboard.notCompleted')} stackId="a" fill={REST} cursor="pointer" onClick={open} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

const topRows = <T extends { count: number; completed: number }>(data: T[], n: number, key: (d: T) => string, label: (d: T) => string) =>
  [...data]
    .sort((a, b) => b.count - a.count)
    .slice(0, n)
    .map((d) => ({ key: key(d), label: label(d), completed: d.completed, rest: Math.max(0, d.count - d.completed) }));

/** One bar per responsible unit (top 15). */
export function ResponsibleChart({ data }: { data: Dashboard['byResponsible'] }) {
  const navigate = useNavigate();
  const rows = topRows(data, 15, (d) => d.name, (d) => d.name);
  return (
    <StackedBars rows={rows} labelWidth={130} labelChars={20} onOpen={(name) => void navigate({ to: '/actions', search: { responsible: name } })} />
  );
}

/** One bar per resolution (top 20 by number of items). */
export function DocumentChart({ data }: { data: Dashboard['byDocument'] }) {
  const navigate = useNavigate();
  const rows = topRows(data, 20, (d) => String(d.documentId), (d) => abbreviate(d.label));
  return (
    <StackedBars
      rows={rows}
      labelWidth={250}
      labelChars={40}
      onOpen={(id) => void navigate({ to: '/actions', search: { documentId: Number(id) } })}
    />
  );
}
