import { z } from 'zod';
import { dbId, dbIdText } from './common.ts';
import { actionStatus, clauseKind } from './enums.ts';
import { diffOp } from './lineage.ts';
import { documentSummary } from './library.ts';

/**
 * Plan carry-over: the action items attached to the clauses of one revision,
 * proposed for the clauses of another (a WTSA-20 plan becoming a WTSA-24 plan).
 * The proposal comes from the revision diff; the editor may change or drop
 * any of it before applying.
 */

/**
 * Why a clause (or an item) is proposed where it is:
 *   unchanged       same text, same place
 *   renumbered      same text, another number ("invites" → "invites 1")
 *   reworded        similar text in place
 *   moved           out of order or under another heading (perhaps another addressee)
 *   partly removed  some of the item's clauses have no counterpart, the others do
 *   removed         no counterpart: the item has no target
 */
export const CARRY_OVER_REASONS = ['unchanged', 'renumbered', 'reworded', 'moved', 'partly removed', 'removed'] as const;
export const carryOverReason = z.enum(CARRY_OVER_REASONS);
export type CarryOverReason = z.infer<typeof carryOverReason>;

/** high: pre-selected (when the item is open); medium: worth a look; low: probably a different mandate. */
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export const confidenceLevel = z.enum(CONFIDENCE_LEVELS);
export type ConfidenceLevel = z.infer<typeof confidenceLevel>;

export const carryOverQuery = z.object({
  /** The revision the plan moves to. */
  to: dbIdText,
});

/** A clause of either revision, as the page shows it. */
export const carryOverClause = z.object({
  id: z.number().int(),
  kind: clauseKind,
  path: z.string(),
  /** The heading, shortened to its verb and addressee: "resolves", "instructs TSB Director". */
  heading: z.string(),
  /** Where it stands under the heading, from its path: "1", "2 a", "" for a lone clause. */
  number: z.string(),
  /** Heading and number: "resolves 2 a", "instructs TSB Director 1". */
  label: z.string(),
  text: z.string(),
});
export type CarryOverClause = z.infer<typeof carryOverClause>;

/** One clause an item cites in the older revision and its proposed counterpart (null: removed). */
export const carryOverLink = z.object({
  from: carryOverClause,
  to: carryOverClause.nullable(),
  op: diffOp,
  similarity: z.number().min(0).max(1),
  confidence: z.number().min(0).max(1),
  reason: carryOverReason,
});
export type CarryOverLink = z.infer<typeof carryOverLink>;

export const carryOverItem = z.object({
  actionId: z.number().int(),
  ref: z.string(),
  title: z.string(),
  status: actionStatus,
  /** Send it back with the item when applying: a change made meanwhile is then a 412, not overwritten. */
  version: z.number().int(),
  links: z.array(carryOverLink),
  /** The proposed new clauses: the union of the links' targets. */
  to: z.array(z.number().int()),
  confidence: z.number().min(0).max(1),
  level: confidenceLevel,
  reason: carryOverReason,
  /** Clauses of the newer revision the item cites already (carried over before, or linked by hand). */
  alreadyCited: z.array(z.number().int()),
  /** Ticked on the page: high confidence, the item still open, and something left to add. */
  preselected: z.boolean(),
});
export type CarryOverItem = z.infer<typeof carryOverItem>;

export const carryOverProposal = z.object({
  from: documentSummary,
  to: documentSummary,
  /** False when the two documents are not revisions of one another (allowed: a merged resolution's plan moves too). */
  sameLineage: z.boolean(),
  /** Every item citing the older revision, in the older revision's clause order. */
  items: z.array(carryOverItem),
  /** Removed clauses that items cite: each needs a decision (another target, or the item closes). */
  unmappedClauses: z.array(z.object({ clause: carryOverClause, actionIds: z.array(z.number().int()) })),
  /** Items none of whose clauses has a counterpart. */
  itemsWithoutTarget: z.array(z.number().int()),
  /** Operative clauses new in the newer revision that no item cites: candidates for new items. */
  newClausesWithoutItems: z.array(z.object({ clause: carryOverClause, suggestionId: z.number().int().nullable() })),
  /** What a target may be changed to: the newer revision's operative clauses, in order. */
  targets: z.array(carryOverClause),
});
export type CarryOverProposal = z.infer<typeof carryOverProposal>;

export const carryOverInput = z.object({
  to: dbId,
  items: z
    .array(
      z.object({
        actionId: dbId,
        /** Clauses of the newer revision to add as sources; the item keeps its older sources. */
        clauseIds: z.array(dbId).min(1).max(200),
        /** The version the proposal showed (optional): when given, a change made since is refused with 412. */
        version: z.number().int().min(1).optional(),
      }),
    )
    .min(1)
    .max(5000),
});
export type CarryOverInput = z.infer<typeof carryOverInput>;

export const carryOverResult = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** Items that gained sources, with their new version. */
  carried: z.array(z.object({ actionId: z.number().int(), ref: z.string(), added: z.array(z.number().int()), version: z.number().int() })),
  /** Items that cited every clause given already: left unchanged (no new version, no audit row). */
  unchanged: z.array(z.number().int()),
});
export type CarryOverResult = z.infer<typeof carryOverResult>;
