/**
 * The value lists of the contract, free of zod so the browser can import them
 * without bundling the schema library. enums.ts builds the zod enums from them.
 */
export const DOCUMENT_KINDS = ['resolution', 'decision', 'recommendation', 'opinion'] as const;
export const DOCUMENT_STATUSES = ['in_force', 'superseded', 'suppressed'] as const;
export const CLAUSE_KINDS = ['preambular', 'operative'] as const;
export const ACTION_STATUSES = ['not_started', 'in_progress', 'ongoing', 'on_hold', 'completed', 'superseded'] as const;
export const SUGGESTION_STATUSES = ['pending', 'accepted', 'merged', 'dismissed'] as const;
export const ORGANISATION_TYPES = ['unit', 'partner'] as const;

export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** Statuses whose items can no longer be overdue. */
export const CLOSED_STATUSES: readonly ActionStatus[] = ['completed', 'superseded'];
