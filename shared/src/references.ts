import { z } from 'zod';
import { dbIdText, paginationQuery } from './common.ts';
import { documentStatus } from './enums.ts';

/**
 * Citations found in the library's texts and what they resolve to. Resolution
 * happens when asked, against the library as it is then:
 *   resolved   the cited text is in the library and in force
 *   outdated   the cited revision is no longer in force (`current` is the one that is, if any)
 *   unknown    the library has no such text (`external`: nor anything of that body and kind)
 *   ambiguous  no body named and several bodies have that number (`candidates`)
 */
export const REFERENCE_STATUSES = ['resolved', 'outdated', 'unknown', 'ambiguous'] as const;
export const referenceStatus = z.enum(REFERENCE_STATUSES);
export type ReferenceStatus = z.infer<typeof referenceStatus>;

/** What a citation names, normalised ("PP Res. 175 (Rev. Dubai, 2018)" → PP / resolution / 175 / Rev. Dubai, 2018). */
export const referenceTarget = z.object({
  /**
   * The cited text's body: the citing text's when the citation names none,
   * another's when the revision names that body's meeting ("(Rev. Buenos
   * Aires, 2017)" is WTDC's), "" when that cannot be decided.
   */
  body: z.string(),
  kind: z.string(),
  number: z.string(),
  revision: z.string().optional(),
  year: z.number().int().optional(),
  session: z.string().optional(),
  series: z.string().optional(),
});
export type ReferenceTarget = z.infer<typeof referenceTarget>;

/** A library document as a link: id, how people cite it, and whether it is in force. */
export const referenceDocument = z.object({
  id: z.number().int(),
  label: z.string(),
  status: documentStatus,
});
export type ReferenceDocument = z.infer<typeof referenceDocument>;

const resolution = {
  status: referenceStatus,
  /** The library holds nothing of the target's body and kind (ITU-T Recommendations, Questions, UN symbols…). */
  external: z.boolean(),
  /** The cited document, when the library holds the revision cited. */
  document: referenceDocument.nullable(),
  /** The revision in force, when the citation is outdated. */
  current: referenceDocument.nullable(),
  /** The possible documents, when ambiguous. */
  candidates: z.array(referenceDocument),
};

export const referenceItem = z.object({
  id: z.number().int(),
  /** The document the citation stands in. */
  citing: referenceDocument,
  clauseId: z.number().int(),
  clausePath: z.string(),
  /** The citation as written; `start`/`end` are offsets into the clause's text. */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  target: referenceTarget,
  /** "PP Resolution 175 (Rev. Dubai, 2018)", "Recommendation ITU-T A.1". */
  targetLabel: z.string(),
  ...resolution,
  /** Set when the citation was malformed and read by repair. */
  problem: z.string().nullable(),
});
export type ReferenceItem = z.infer<typeof referenceItem>;

/** "outdated,unknown": one or more statuses, comma-separated. */
const statusList = z
  .string()
  .max(100)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(referenceStatus).min(1));

export const referenceFilter = z.object({
  status: statusList.optional(),
  /** Citations in this document only. */
  documentId: dbIdText.optional(),
  /** Body of the citing document. */
  body: z.string().max(40).optional(),
  /** Body of the cited text (the citing document's own body when the citation names none). */
  targetBody: z.string().max(40).optional(),
  /** Citations of texts the library keeps nothing of: left out by default. */
  external: z.enum(['exclude', 'include', 'only']).default('exclude'),
  /** Citations in documents in force only (default), or in superseded and suppressed ones too. */
  citing: z.enum(['in_force', 'all']).default('in_force'),
});
export type ReferenceFilter = z.infer<typeof referenceFilter>;

export const referenceQuery = paginationQuery.extend(referenceFilter.shape);
export type ReferenceQuery = z.infer<typeof referenceQuery>;

export const referenceExportQuery = referenceFilter.extend({ format: z.enum(['csv']).default('csv') });

/** Counts by status over the whole filter (before the status filter), for tabs and summaries. */
export const referenceCounts = z.object({ resolved: z.number().int(), outdated: z.number().int(), unknown: z.number().int(), ambiguous: z.number().int() });

export const referencePage = z.object({
  items: z.array(referenceItem),
  total: z.number().int().nonnegative(),
  counts: referenceCounts,
});
export type ReferencePage = z.infer<typeof referencePage>;

const clausePlace = z.object({ id: z.number().int(), path: z.string() });

/** What a document cites, one entry per cited text. */
export const citedEntry = z.object({
  target: referenceTarget,
  targetLabel: z.string(),
  ...resolution,
  count: z.number().int(),
  clauses: z.array(clausePlace),
});
export type CitedEntry = z.infer<typeof citedEntry>;

/** A document that cites this one (or an older revision of it: status outdated). */
export const citingEntry = z.object({
  citing: referenceDocument,
  /** The revision the citation names, as cited. */
  targetLabel: z.string(),
  status: referenceStatus,
  count: z.number().int(),
  clauses: z.array(clausePlace),
});
export type CitingEntry = z.infer<typeof citingEntry>;

export const documentCitations = z.object({
  document: referenceDocument,
  cites: z.array(citedEntry),
  citedBy: z.array(citingEntry),
});
export type DocumentCitations = z.infer<typeof documentCitations>;
