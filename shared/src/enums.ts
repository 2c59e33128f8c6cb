import { z } from 'zod';
import { ACTION_STATUSES, CLAUSE_KINDS, DOCUMENT_KINDS, DOCUMENT_STATUSES, ORGANISATION_TYPES, SUGGESTION_STATUSES } from './constants.ts';

export * from './constants.ts';

export const documentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKind>;

export const documentStatus = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof documentStatus>;

export const clauseKind = z.enum(CLAUSE_KINDS);
export type ClauseKind = z.infer<typeof clauseKind>;

export const actionStatus = z.enum(ACTION_STATUSES);

export const suggestionStatus = z.enum(SUGGESTION_STATUSES);
export type SuggestionStatus = z.infer<typeof suggestionStatus>;

export const organisationType = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof organisationType>;
