import { z } from 'zod';
import { actionStatus, clauseKind, documentKind, documentStatus, suggestionStatus } from './enums.ts';
import { paginationQuery } from './common.ts';

/** A tolerated or fatal fault found while importing, located by element path or line. */
export const importProblem = z.object({
  file: z.string(),
  location: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const documentSummary = z.object({
  id: z.number().int(),
  body: z.string(),
  kind: documentKind,
  number: z.string(),
  revision: z.string(),
  year: z.number().int().nullable(),
  title: z.string(),
  status: documentStatus,
  /** Human label, e.g. "Resolution 64 (Rev. Dubai, 2018)". */
  label: z.string(),
  clauseCount: z.number().int(),
  actionCount: z.number().int(),
  /** Shown to anonymous visitors (the public library). */
  isPublic: z.boolean(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const clauseActionRef = z.object({
  id: z.number().int(),
  title: z.string(),
  status: actionStatus,
  progress: z.number().int(),
});

export const clauseSuggestionRef = z.object({
  id: z.number().int(),
  title: z.string(),
  addressee: z.string(),
  status: suggestionStatus,
  version: z.number().int(),
});

export const clause = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  kind: clauseKind,
  heading: z.string(),
  addressee: z.string().nullable(),
  num: z.string(),
  path: z.string(),
  text: z.string(),
  actions: z.array(clauseActionRef),
  suggestions: z.array(clauseSuggestionRef),
});
export type Clause = z.infer<typeof clause>;

export const documentDetail = documentSummary.extend({
  place: z.string(),
  preamble: z.string(),
  sourceName: z.string(),
  clauses: z.array(clause),
  /** Also sent as the ETag; PATCH needs it back in If-Match. */
  version: z.number().int(),
});
export type DocumentDetail = z.infer<typeof documentDetail>;

export const documentQuery = paginationQuery.extend({
  body: z.string().max(40).optional(),
  kind: documentKind.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  status: documentStatus.optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(['label', 'year', 'body', 'number']).default('body'),
});
export type DocumentQuery = z.infer<typeof documentQuery>;

export const documentFacets = z.object({
  bodies: z.array(z.string()),
  kinds: z.array(z.string()),
  years: z.array(z.number().int()),
});

export const importSummary = z.object({
  files: z.number().int(),
  documents: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  clauses: z.number().int(),
  suggestedActions: z.number().int(),
  problems: z.array(importProblem),
  /** Files that were rejected whole (database unchanged for them). */
  failed: z.array(importProblem),
});
export type ImportSummary = z.infer<typeof importSummary>;

/** What an editor may change on a document: publish it, or suppress it (status otherwise follows the lineage). */
export const documentPatch = z
  .object({
    isPublic: z.boolean(),
    status: z.enum(['in_force', 'suppressed']),
  })
  .partial();
export type DocumentPatch = z.infer<typeof documentPatch>;
