import type { CarryOverReason, ClauseDiff, DiffOp, DiffSide, RevisionDiff } from '@mandate/shared';
import { judgeLink, round } from './link-confidence.ts';

/**
 * Carries an action plan from one revision to the next: each item attached
 * to clauses of the older revision is proposed for those clauses'
 * counterparts in the newer one, as `diffRevisions(older, newer)` aligned
 * them. Clauses are named by path, the diff's identity of a clause within
 * its revision (unique per document); callers map ids to paths and back.
 */

export interface CarryOverSource {
  id: number;
  /** The clauses the item cites in the older revision. Paths the diff does not know are ignored. */
  clausePaths: readonly string[];
}

export interface PlannedLink {
  from: string;
  /** The counterpart's path in the newer revision; null when the clause was removed. */
  to: string | null;
  op: DiffOp;
  similarity: number;
  confidence: number;
  reason: CarryOverReason;
}

export interface PlannedItem {
  actionId: number;
  from: string[];
  /** The union of the links' targets, in the older revision's order. */
  to: string[];
  links: PlannedLink[];
  confidence: number;
  reason: CarryOverReason;
}

export interface CarryOverPlan {
  /** Every item, ordered by the first clause it cites (then by id). */
  items: PlannedItem[];
  /** Removed clauses that items cite, in the older revision's order. */
  unmappedClauses: { path: string; actionIds: number[] }[];
  /** Operative clauses added in the newer revision that nobody cites (see `citedNewPaths`). */
  newClausesWithoutItems: DiffSide[];
  /** Items with no target at all. */
  itemsWithoutTarget: number[];
}

export interface PlanOptions {
  /** Newer-revision clauses some item cites already: not offered as candidates for new items. */
  citedNewPaths?: ReadonlySet<string>;
}

export function planCarryOver(diff: Pick<RevisionDiff, 'clauses'>, sources: readonly CarryOverSource[], options: PlanOptions = {}): CarryOverPlan {
  const byOldPath = new Map<string, { entry: ClauseDiff; at: number }>();
  diff.clauses.forEach((entry, at) => {
    if (entry.old) byOldPath.set(entry.old.path, { entry, at });
  });

  const placed = sources.map((source) => {
    const known = [...new Set(source.clausePaths)].filter((p) => byOldPath.has(p)).sort((a, b) => byOldPath.get(a)!.at - byOldPath.get(b)!.at);
    const links = known.map((path) => linkFor(path, byOldPath.get(path)!.entry));
    return { item: combine(source.id, links), first: known.length > 0 ? byOldPath.get(known[0]!)!.at : Number.MAX_SAFE_INTEGER };
  });
  const items = placed.sort((a, b) => a.first - b.first || a.item.actionId - b.item.actionId).map((p) => p.item);

  const removedCited = new Map<string, number[]>();
  for (const item of items) {
    for (const link of item.links) if (link.to === null) removedCited.set(link.from, [...(removedCited.get(link.from) ?? []), item.actionId]);
  }
  const unmappedClauses = [...removedCited]
    .sort(([a], [b]) => byOldPath.get(a)!.at - byOldPath.get(b)!.at)
    .map(([path, actionIds]) => ({ path, actionIds: actionIds.sort((x, y) => x - y) }));

  const cited = options.citedNewPaths ?? new Set<string>();
  const newClausesWithoutItems = diff.clauses.filter((c) => c.op === 'added' && c.new!.kind === 'operative' && !cited.has(c.new!.path)).map((c) => c.new!);

  return { items, unmappedClauses, newClausesWithoutItems, itemsWithoutTarget: items.filter((i) => i.to.length === 0).map((i) => i.actionId) };
}

function linkFor(path: string, entry: ClauseDiff): PlannedLink {
  const { confidence, reason } = judgeLink(entry);
  return { from: path, to: entry.op === 'removed' ? null : entry.new!.path, op: entry.op, similarity: entry.similarity, confidence, reason };
}

/**
 * An item citing several clauses moves to the union of their targets. Its
 * confidence is the weakest surviving link's, not the mean: the page ticks
 * high-confidence rows for the editor, and one source rewritten beyond
 * recognition must not hide behind another that stayed the same. When some
 * of its clauses were removed, that confidence is scaled by the share that
 * survived: the item lost part of its mandate and needs a look however
 * faithfully the rest was kept.
 */
function combine(actionId: number, links: PlannedLink[]): PlannedItem {
  const kept = links.filter((l) => l.to !== null);
  const from = links.map((l) => l.from);
  if (kept.length === 0) return { actionId, from, to: [], links, confidence: 0, reason: 'removed' };
  const weakest = kept.reduce((w, l) => (l.confidence < w.confidence ? l : w));
  const partly = kept.length < links.length;
  return {
    actionId,
    from,
    to: [...new Set(kept.map((l) => l.to!))],
    links,
    confidence: partly ? round((weakest.confidence * kept.length) / links.length) : weakest.confidence,
    reason: partly ? 'partly removed' : weakest.reason,
  };
}
