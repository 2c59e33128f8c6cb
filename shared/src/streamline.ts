import { z } from 'zod';
import { dbId } from './common.ts';
import { clauseKind } from './enums.ts';
import { wordSegment } from './lineage.ts';

/**
 * Streamlining: a consolidated draft for a chosen merge of documents. Each
 * draft clause says which source clauses it stands for (`origin`); source
 * wordings left out of the draft are listed in `removed`; a redline per
 * source turns that source's text into the draft's.
 */

/** Where a draft clause came from: one source clause, and how alike its wording is to the draft's (1 = the same). */
export const clauseOrigin = z.object({
  sourceId: z.number().int(),
  path: z.string(),
  similarity: z.number().min(0).max(1),
});
export type ClauseOrigin = z.infer<typeof clauseOrigin>;

export const draftClause = z.object({
  kind: clauseKind,
  heading: z.string(),
  addressee: z.string().nullable(),
  /** Renumbered within its heading ("" when the heading has one clause). */
  num: z.string(),
  /** Unique within the draft: heading slug + number path, as in a parsed document. */
  path: z.string(),
  text: z.string(),
  /** The source clause whose wording was kept comes first. */
  origin: z.array(clauseOrigin),
  /** kept: one source clause; merged: near-duplicates from several places collapsed into this one. */
  status: z.enum(['kept', 'merged']),
});
export type DraftClause = z.infer<typeof draftClause>;

export const REMOVAL_REASONS = ['duplicate', 'near-duplicate', 'empty'] as const;

/** A source clause whose own wording is not in the draft (a duplicate's clause is still among the kept clause's origins). */
export const removedClause = z.object({
  sourceId: z.number().int(),
  path: z.string(),
  reason: z.enum(REMOVAL_REASONS),
  /** The draft clause (its path) that stands for it; null for empty clauses. */
  duplicateOf: z.string().nullable(),
  similarity: z.number().min(0).max(1),
});
export type RemovedClause = z.infer<typeof removedClause>;

export const consolidatedDraft = z.object({
  /** "DRAFT CONSOLIDATED RESOLUTION": the header line of the draft's text. */
  header: z.string(),
  title: z.string().optional(),
  /** The enacting formula ("The Plenipotentiary Conference …,"). */
  preamble: z.string().optional(),
  clauses: z.array(draftClause),
  removed: z.array(removedClause),
});
export type ConsolidatedDraft = z.infer<typeof consolidatedDraft>;

/** What a paragraph of a text is: its header line, title, enacting formula, a heading line, or a clause (label and text). */
export const PARAGRAPH_ROLES = ['header', 'title', 'formula', 'heading', 'clause'] as const;

/** One paragraph of a redline. equal/changed paragraphs pair a source paragraph with a draft one; insert and delete stand alone. */
export const redlineParagraph = z.object({
  role: z.enum(PARAGRAPH_ROLES),
  op: z.enum(['equal', 'changed', 'insert', 'delete']),
  /** Accepting every change (equal + insert) gives the draft's paragraph; rejecting them (equal + delete), the source's. */
  segments: z.array(wordSegment),
  sourcePath: z.string().optional(),
  draftPath: z.string().optional(),
});
export type RedlineParagraph = z.infer<typeof redlineParagraph>;

export const redlineSummary = z.object({
  equal: z.number().int(),
  changed: z.number().int(),
  inserted: z.number().int(),
  deleted: z.number().int(),
});
export type RedlineSummary = z.infer<typeof redlineSummary>;

/** The changes turning one source's text into the draft's, in reading order. */
export const sourceRedline = z.object({
  sourceId: z.number().int(),
  paragraphs: z.array(redlineParagraph),
  /** Clause paragraphs only. */
  summary: redlineSummary,
});
export type SourceRedline = z.infer<typeof sourceRedline>;

export const consolidationSourceInfo = z.object({
  id: z.number().int(),
  label: z.string(),
  /** For origin chips: "Res 64", or "Res 64 (2020)" when two sources share a number. */
  shortLabel: z.string(),
  title: z.string(),
  year: z.number().int().nullable(),
});
export type ConsolidationSourceInfo = z.infer<typeof consolidationSourceInfo>;

export const MAX_CONSOLIDATION_SOURCES = 10;

const documentIds = z
  .array(dbId)
  .min(2)
  .max(MAX_CONSOLIDATION_SOURCES)
  .refine((ids) => new Set(ids).size === ids.length, 'choose each document once');

export const consolidateRequest = z.object({
  /** The documents to merge, in the order their clauses are read (the first gives the draft its title). */
  documentIds,
});
export type ConsolidateRequest = z.infer<typeof consolidateRequest>;

export const consolidation = z.object({
  sources: z.array(consolidationSourceInfo),
  draft: consolidatedDraft,
  redlines: z.array(sourceRedline),
});
export type Consolidation = z.infer<typeof consolidation>;

export const consolidateExportRequest = z
  .object({
    documentIds,
    format: z.enum(['docx', 'txt']),
    /** A DOCX with tracked changes (or a text redline) against this source; without it, the clean draft. */
    against: dbId.optional(),
  })
  .refine((r) => r.against === undefined || r.documentIds.includes(r.against), { message: 'must be one of documentIds', path: ['against'] });
export type ConsolidateExportRequest = z.infer<typeof consolidateExportRequest>;
