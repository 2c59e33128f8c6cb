import { z } from 'zod';
import { dbIdText } from './common.ts';
import { clauseKind, documentStatus } from './enums.ts';
import { documentSummary } from './library.ts';

/**
 * Lineage and revision diff. Documents with the same body, kind and number
 * are revisions of one another; the diff aligns the clauses of two of them.
 */

/** One revision of a lineage, newest first in lists. */
export const lineageRevision = z.object({
  id: z.number().int(),
  label: z.string(),
  revision: z.string(),
  year: z.number().int().nullable(),
  status: documentStatus,
  isPublic: z.boolean(),
});
export type LineageRevision = z.infer<typeof lineageRevision>;

export const documentLineage = z.object({
  /** The document asked about. */
  documentId: z.number().int(),
  /** Its revisions, the document itself included, newest first (what the caller may see). */
  items: z.array(lineageRevision),
});
export type DocumentLineage = z.infer<typeof documentLineage>;

/**
 *   unchanged  same text (whitespace and a clause's closing ";" / "," / "." or "and" aside), in place;
 *              a renumbered clause is unchanged, with its old and new path
 *   changed    a similar clause in place, with word-level changes
 *   moved      matched, but out of order or under another heading; `words` when its text changed too
 *   added / removed   no counterpart on the other side
 */
export const DIFF_OPS = ['unchanged', 'changed', 'moved', 'added', 'removed'] as const;
export const diffOp = z.enum(DIFF_OPS);
export type DiffOp = z.infer<typeof diffOp>;

export const wordSegment = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});
export type WordSegment = z.infer<typeof wordSegment>;

/** One side of an aligned pair: where the clause stands in its revision and what it says. */
export const diffSide = z.object({
  kind: clauseKind,
  heading: z.string(),
  path: z.string(),
  num: z.string(),
  text: z.string(),
});
export type DiffSide = z.infer<typeof diffSide>;

export const clauseDiff = z.object({
  op: diffOp,
  old: diffSide.optional(),
  new: diffSide.optional(),
  /** 1 for the same text, 0 for added and removed clauses, in between for matched, reworded ones. */
  similarity: z.number().min(0).max(1),
  /** Word-level changes from the old text to the new one (changed, and moved clauses whose text changed). */
  words: z.array(wordSegment).optional(),
});
export type ClauseDiff = z.infer<typeof clauseDiff>;

export const diffSummary = z.object({
  unchanged: z.number().int(),
  changed: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  moved: z.number().int(),
});
export type DiffSummary = z.infer<typeof diffSummary>;

/** What the pure diff produces, also the CLI's JSON: clauses in reading order of the newer revision. */
export const revisionDiff = z.object({
  summary: diffSummary,
  clauses: z.array(clauseDiff),
});
export type RevisionDiff = z.infer<typeof revisionDiff>;

export const documentDiffQuery = z.object({
  /** The other document; default: the previous revision in the lineage. */
  against: dbIdText.optional(),
});

export const documentDiff = revisionDiff.extend({
  /** The two documents, older first whichever way round they were asked for. */
  older: documentSummary,
  newer: documentSummary,
  /** False when the two documents are not revisions of one another (allowed, but worth saying). */
  sameLineage: z.boolean(),
});
export type DocumentDiff = z.infer<typeof documentDiff>;
