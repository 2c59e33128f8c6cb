import type { ActionStatus, CarryOverClause, CarryOverItem, CarryOverProposal, DocumentDetail, DocumentSummary } from '@mandate/shared';
import { CLOSED_STATUSES } from '@mandate/shared';
import { levelOf } from '../../analysis/carry-over/link-confidence.ts';
import type { CarryOverPlan } from '../../analysis/carry-over/plan-carry-over.ts';

/** Turns the pure plan (clauses by path) into the API's proposal (clauses by id, with labels). */

type Clause = DocumentDetail['clauses'][number];

export interface CitingItem {
  id: number;
  ref: string;
  title: string;
  status: ActionStatus;
  version: number;
  clauseIds: number[];
}

/**
 * Labels short enough for a table cell and a drop-down: "instructs the Director
 * of the Telecommunication Standardization Bureau" becomes "instructs TSB
 * Director" (the parser's addressee), and the number comes from the path, so a
 * sub-item reads "resolves 2 a", not a bare "a".
 */
export function clauseView(c: Clause): CarryOverClause {
  const heading = c.addressee ? `${c.heading.split(' ')[0]} ${c.addressee}` : c.heading;
  const number = c.path.split('/').slice(1).join(' ') || c.num;
  return { id: c.id, kind: c.kind, path: c.path, heading, number, label: number ? `${heading} ${number}` : heading, text: c.text };
}

export function summaryOf(d: DocumentDetail): DocumentSummary {
  const { id, body, kind, number, revision, year, title, status, label, clauseCount, actionCount, isPublic } = d;
  return { id, body, kind, number, revision, year, title, status, label, clauseCount, actionCount, isPublic };
}

export function proposalView(
  from: DocumentDetail,
  to: DocumentDetail,
  plan: CarryOverPlan,
  items: Map<number, CitingItem>,
  alreadyCited: Map<number, Set<number>>,
): CarryOverProposal {
  const oldByPath = new Map(from.clauses.map((c) => [c.path, c]));
  const newByPath = new Map(to.clauses.map((c) => [c.path, c]));
  const newId = (path: string) => newByPath.get(path)!.id;

  const proposed = plan.items.map((p): CarryOverItem => {
    const item = items.get(p.actionId)!;
    const cited = [...(alreadyCited.get(p.actionId) ?? [])];
    const to = p.to.map(newId);
    const level = levelOf(p.confidence);
    return {
      actionId: item.id,
      ref: item.ref,
      title: item.title,
      status: item.status,
      version: item.version,
      links: p.links.map((l) => ({
        from: clauseView(oldByPath.get(l.from)!),
        to: l.to === null ? null : clauseView(newByPath.get(l.to)!),
        op: l.op,
        similarity: l.similarity,
        confidence: l.confidence,
        reason: l.reason,
      })),
      to,
      confidence: p.confidence,
      level,
      reason: p.reason,
      alreadyCited: cited,
      // Completed and superseded items stay with the old plan unless the editor says otherwise.
      preselected: level === 'high' && !CLOSED_STATUSES.includes(item.status) && to.some((id) => !cited.includes(id)),
    };
  });

  // A pending suggestion on a new clause is the quickest way to an item for it.
  const suggestionFor = (path: string) => newByPath.get(path)!.suggestions.find((s) => s.status === 'pending')?.id ?? null;
  return {
    from: summaryOf(from),
    to: summaryOf(to),
    sameLineage: from.body === to.body && from.kind === to.kind && from.number === to.number,
    items: proposed,
    unmappedClauses: plan.unmappedClauses.map((u) => ({ clause: clauseView(oldByPath.get(u.path)!), actionIds: u.actionIds })),
    itemsWithoutTarget: plan.itemsWithoutTarget,
    newClausesWithoutItems: plan.newClausesWithoutItems.map((c) => ({ clause: clauseView(newByPath.get(c.path)!), suggestionId: suggestionFor(c.path) })),
    targets: to.clauses.filter((c) => c.kind === 'operative').map(clauseView),
  };
}
