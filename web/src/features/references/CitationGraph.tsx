import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ReferenceDocument } from '@mandate/shared';
import type { EgoGraph, GraphNode } from './ego-graph.ts';

const W = 960;
const NODE_W = 290;
const NODE_H = 28;
const ROW = 38;
const TOP = 28;
const LEFT_X = 0;
const CENTER_X = (W - NODE_W) / 2;
const RIGHT_X = W - NODE_W;
/** About as many characters as fit a node at 12px; the full label is in the tooltip. */
const MAX_CHARS = 44;

const clip = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);

function columnY(count: number, height: number, i: number): number {
  const used = count * ROW - (ROW - NODE_H);
  return TOP + (height - TOP - used) / 2 + i * ROW;
}

function Node({ node, x, y, center = false }: { node: GraphNode; x: number; y: number; center?: boolean }) {
  const body = (
    <g className={`node${center ? ' center' : ''}${node.docStatus ? ` ${node.docStatus}` : ''}`}>
      <title>{node.label}</title>
      <rect x={x} y={y} width={NODE_W} height={NODE_H} rx={5} />
      <text x={x + 10} y={y + NODE_H / 2} dominantBaseline="central">
        {clip(node.label)}
      </text>
    </g>
  );
  if (center || node.docId === undefined) return body;
  // The lists under the graph carry the same links for keyboards and screen readers.
  return (
    <Link to="/documents/$id" params={{ id: String(node.docId) }} tabIndex={-1}>
      {body}
    </Link>
  );
}

/** A curve from the right edge of one box to the left edge of another, ending in an arrow. */
function Edge({ from, to, status }: { from: [number, number]; to: [number, number]; status: string }) {
  const mid = (from[0] + to[0]) / 2;
  const d = `M${from[0]},${from[1]} C${mid},${from[1]} ${mid},${to[1]} ${to[0] - 6},${to[1]}`;
  return <path className="edge" data-ref-status={status} d={d} markerEnd="url(#citation-arrow)" />;
}

/**
 * The document's neighbourhood in the citation graph, as plain SVG: texts
 * citing it on the left, the document in the middle, what it cites on the
 * right. Outdated citations are dashed in the warning colour.
 */
export function CitationGraph({ graph, document }: { graph: EgoGraph; document: ReferenceDocument }) {
  const { t } = useTranslation();
  const more = graph.hiddenLeft > 0 || graph.hiddenRight > 0 ? 1 : 0;
  // Node columns are centred in `area`; the "+N more" line, if any, sits below it.
  const area = TOP + Math.max(graph.left.length, graph.right.length, 1) * ROW;
  const height = area + more * ROW;
  const centerY = columnY(1, area, 0);
  const center: GraphNode = { key: 'center', label: document.label, status: 'resolved' };
  const mid = centerY + NODE_H / 2;
  return (
    <svg className="citation-graph" viewBox={`0 0 ${W} ${height}`} aria-hidden="true" focusable="false">
      <defs>
        <marker id="citation-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="var(--muted)" />
        </marker>
      </defs>
      <text className="column-title" x={LEFT_X} y={12}>
        {t('references.panel.citedBy')}
      </text>
      <text className="column-title" x={CENTER_X} y={12}>
        {t('references.panel.thisDocument')}
      </text>
      <text className="column-title" x={RIGHT_X} y={12}>
        {t('references.panel.cites')}
      </text>
      {graph.left.map((n, i) => {
        const y = columnY(graph.left.length, area, i);
        return <Edge key={`e${n.key}`} from={[LEFT_X + NODE_W, y + NODE_H / 2]} to={[CENTER_X, mid]} status={n.status} />;
      })}
      {graph.right.map((n, i) => {
        const y = columnY(graph.right.length, area, i);
        return <Edge key={`e${n.key}`} from={[CENTER_X + NODE_W, mid]} to={[RIGHT_X, y + NODE_H / 2]} status={n.status} />;
      })}
      {graph.left.map((n, i) => (
        <Node key={n.key} node={n} x={LEFT_X} y={columnY(graph.left.length, area, i)} />
      ))}
      <Node node={center} x={CENTER_X} y={centerY} center />
      {graph.right.map((n, i) => (
        <Node key={n.key} node={n} x={RIGHT_X} y={columnY(graph.right.length, area, i)} />
      ))}
      {graph.hiddenLeft > 0 && (
        <text className="more" x={LEFT_X + 10} y={height - 14}>
          {t('references.panel.more', { count: graph.hiddenLeft })}
        </text>
      )}
      {graph.hiddenRight > 0 && (
        <text className="more" x={RIGHT_X + 10} y={height - 14}>
          {t('references.panel.more', { count: graph.hiddenRight })}
        </text>
      )}
    </svg>
  );
}
