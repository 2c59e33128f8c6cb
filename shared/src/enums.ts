import { z } from 'zod';

export const DOCUMENT_KINDS = ['resolution', 'decision', 'recommendation', 'opinion'] as const;
export const documentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKind>;

export const DOCUMENT_STATUSES = ['in_force', 'superseded', 'suppressed'] as const;
export const documentStatus = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof documentStatus>;

export const CLAUSE_KINDS = ['preambular', 'operative'] as const;
export const clauseKind = z.enum(CLAUSE_KINDS);
export type ClauseKind = z.infer<typeof clauseKind>;

export const ACTION_STATUSES = [
  'not_started',
  'in_progress',
  'ongoing',
  'on_hold',
  'completed',
  'superseded',
] as const;
export const actionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof actionStatus>;

/** Statuses whose items can no longer be overdue. */
export const CLOSED_STATUSES: readonly ActionStatus[] = ['completed', 'superseded'];

export const SUGGESTION_STATUSES = ['pending', 'accepted', 'merged', 'dismissed'] as const;
export const suggestionStatus = z.enum(SUGGESTION_STATUSES);
export type SuggestionStatus = z.infer<typeof suggestionStatus>;

export const ORGANISATION_TYPES = ['unit', 'partner'] as const;
export const organisationType = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof organisationType>;
