import type { CarryOverReason, ClauseDiff, ConfidenceLevel } from '@mandate/shared';

/**
 * How sure we are that an action item attached to an older clause belongs on
 * its counterpart in the newer revision, from the diff entry alone.
 *
 *   unchanged, same path   1      the same words in the same place
 *   renumbered             0.95   the same words; only the number moved (an item
 *                                 cites the mandate, not the number, but a reader checks)
 *   reworded               similarity, × 0.95 when renumbered too
 *   moved                  similarity × 0.9 in the same section, × 0.8 under another
 *                          heading: the addressee may have changed ("instructs the
 *                          Director" → "instructs Study Group 5"), and with it who
 *                          is responsible for the item
 *   removed                0
 *
 * The diff pairs reworded clauses from a similarity of 0.3 (in place) up, so a
 * reworded pair's confidence runs 0.3–0.999: "report periodically to the Council"
 * → "publish an annual report to TSAG" (0.33) lands low, as a reader would judge.
 */
export const HIGH_CONFIDENCE = 0.8;
export const MEDIUM_CONFIDENCE = 0.5;

export interface LinkJudgement {
  confidence: number;
  reason: CarryOverReason;
}

export function judgeLink(entry: ClauseDiff): LinkJudgement {
  const { op, old: o, new: n, similarity } = entry;
  if (op === 'removed' || op === 'added' || !o || !n) return { confidence: 0, reason: 'removed' };
  const samePath = o.path === n.path;
  if (op === 'unchanged') return samePath ? { confidence: 1, reason: 'unchanged' } : { confidence: 0.95, reason: 'renumbered' };
  if (op === 'changed') return { confidence: round(similarity * (samePath ? 1 : 0.95)), reason: 'reworded' };
  const sameHeading = o.kind === n.kind && o.heading === n.heading;
  return { confidence: round(similarity * (sameHeading ? 0.9 : 0.8)), reason: 'moved' };
}

export function levelOf(confidence: number): ConfidenceLevel {
  return confidence >= HIGH_CONFIDENCE ? 'high' : confidence >= MEDIUM_CONFIDENCE ? 'medium' : 'low';
}

/** Three decimals, as the diff's similarities. */
export const round = (x: number) => Math.round(x * 1000) / 1000;
