import type { DocumentCitations, ReferenceStatus } from '@mandate/shared';

export interface GraphNode {
  key: string;
  label: string;
  /** The library document the node links to, if any. */
  docId?: number;
  /** The status of the citation(s) the edge stands for: outdated edges are drawn in the warning colour. */
  status: ReferenceStatus;
  /** in_force, superseded or suppressed, for the node's own shading. */
  docStatus?: string;
}

export interface EgoGraph {
  left: GraphNode[];
  right: GraphNode[];
  hiddenLeft: number;
  hiddenRight: number;
}

/** Outdated wins over the rest when one citing text cites this one in several ways. */
const RANK: Record<ReferenceStatus, number> = { outdated: 3, ambiguous: 2, unknown: 1, resolved: 0 };

/**
 * The citation graph around one document: citing texts on the left, cited
 * texts on the right (texts the library does not keep are left out: they
 * are listed, not drawn). Each side keeps `max` nodes and counts the rest.
 */
export function egoGraph(data: DocumentCitations, max = 10): EgoGraph {
  const citing = new Map<number, GraphNode>();
  for (const c of data.citedBy) {
    const prev = citing.get(c.citing.id);
    if (!prev || RANK[c.status] > RANK[prev.status]) {
      citing.set(c.citing.id, { key: `l${c.citing.id}`, label: c.citing.label, docId: c.citing.id, status: c.status, docStatus: c.citing.status });
    }
  }
  const right = data.cites
    .filter((c) => !c.external)
    .map((c): GraphNode => {
      const doc = c.document ?? c.current ?? c.candidates[0] ?? null;
      return { key: `r${c.targetLabel}`, label: c.document?.label ?? c.targetLabel, docId: doc?.id, status: c.status, docStatus: c.document?.status };
    });
  const left = [...citing.values()];
  return { left: left.slice(0, max), right: right.slice(0, max), hiddenLeft: Math.max(0, left.length - max), hiddenRight: Math.max(0, right.length - max) };
}
