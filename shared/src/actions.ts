import { z } from 'zod';
import { actionStatus, suggestionStatus } from './enums.ts';
import { dbId, dbIdText, isoDate, isoDateInput, paginationQuery } from './common.ts';

/**
 * Evidence as stored and returned: a label and a link, or a label alone
 * (url ""), as a plan spreadsheet may list evidence in plain words. Not
 * checked as a URL on the way out: a stored value that fails a response
 * schema makes its item unreadable (a 500), whatever it holds. Clients link
 * only web and mail URLs (the web app's safeHref).
 */
export const evidenceLink = z.object({
  label: z.string(),
  url: z.string(),
});
export type EvidenceLink = z.infer<typeof evidenceLink>;

/** Schemes a link to evidence may use; javascript:, data: and file: are what an attacker would send. */
export const EVIDENCE_SCHEMES = ['http:', 'https:', 'mailto:'];

/**
 * Evidence sent by a client must be a web or mail link: whatever renders it
 * (the web app, exports, reports) can then make it clickable safely.
 */
export const evidenceLinkInput = z.object({
  label: z.string().max(300),
  url: z.string().url().max(2000).refine(hasEvidenceScheme, `must be a link starting with ${EVIDENCE_SCHEMES.join(', ')}`),
});

function hasEvidenceScheme(u: string): boolean {
  // zod runs refinements even after .url() failed: an unparsable value must be false here, not a throw.
  try {
    return EVIDENCE_SCHEMES.includes(new URL(u).protocol);
  } catch {
    return false;
  }
}

export const sourceClauseRef = z.object({
  clauseId: z.number().int(),
  documentId: z.number().int(),
  /** e.g. "Resolution 2 (Rev. Dubai, 2018) · resolves 3" */
  label: z.string(),
});

export const actionSummary = z.object({
  id: z.number().int(),
  ref: z.string(),
  title: z.string(),
  status: actionStatus,
  progress: z.number().int().min(0).max(100),
  responsible: z.array(z.string()),
  collaborators: z.array(z.string()),
  reportsTo: z.string(),
  dueDate: isoDate.nullable(),
  recurrence: z.string(),
  tags: z.array(z.string()),
  documents: z.array(z.object({ id: z.number().int(), label: z.string() })),
  lastUpdate: isoDate.nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
  /** Shown to anonymous visitors (the public view of the plan). */
  isPublic: z.boolean(),
});
export type ActionSummary = z.infer<typeof actionSummary>;

export const progressUpdate = z.object({
  id: z.number().int(),
  date: isoDate,
  text: z.string(),
  statusFrom: actionStatus.nullable(),
  statusTo: actionStatus.nullable(),
  progress: z.number().int().nullable(),
  evidence: z.array(evidenceLink),
});
export type ProgressUpdate = z.infer<typeof progressUpdate>;

export const actionDetail = actionSummary.extend({
  description: z.string(),
  sources: z.array(sourceClauseRef),
  updates: z.array(progressUpdate),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionDetail = z.infer<typeof actionDetail>;

const names = z.array(z.string().trim().min(1).max(200)).max(50);

/** The editable fields of an action item, without defaults (so a partial patch leaves the rest alone). */
const actionFields = z.object({
  title: z.string().trim().min(1).max(500),
  description: z.string().max(20_000),
  status: actionStatus,
  progress: z.number().int().min(0).max(100),
  responsible: names,
  collaborators: names,
  reportsTo: z.string().max(200),
  dueDate: isoDateInput.nullable(),
  recurrence: z.string().max(100),
  tags: z.array(z.string().trim().min(1).max(60)).max(30),
  clauseIds: z.array(dbId).max(200),
  isPublic: z.boolean(),
});

export const actionInput = actionFields.extend({
  description: actionFields.shape.description.default(''),
  status: actionFields.shape.status.default('not_started'),
  progress: actionFields.shape.progress.default(0),
  responsible: names.default([]),
  collaborators: names.default([]),
  reportsTo: actionFields.shape.reportsTo.default(''),
  dueDate: actionFields.shape.dueDate.default(null),
  recurrence: actionFields.shape.recurrence.default(''),
  tags: actionFields.shape.tags.default([]),
  clauseIds: actionFields.shape.clauseIds.default([]),
  isPublic: actionFields.shape.isPublic.default(false),
});
export type ActionInput = z.infer<typeof actionInput>;

export const actionPatch = actionFields.partial();
export type ActionPatch = z.infer<typeof actionPatch>;

export const updateInput = z.object({
  date: isoDateInput.optional(),
  text: z.string().trim().min(1).max(20_000),
  statusTo: actionStatus.optional(),
  progress: z.number().int().min(0).max(100).optional(),
  evidence: z.array(evidenceLinkInput).max(50).default([]),
});
export type UpdateInput = z.infer<typeof updateInput>;

const csvList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));

export const actionQuery = paginationQuery.extend({
  q: z.string().max(200).optional(),
  status: csvList.pipe(z.array(actionStatus)).optional(),
  responsible: z.string().max(200).optional(),
  documentId: dbIdText.optional(),
  tag: z.string().max(60).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  stale: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sort: z.enum(['ref', 'title', 'status', 'progress', 'dueDate', 'lastUpdate']).default('ref'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ActionQuery = z.infer<typeof actionQuery>;

export const suggestion = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  documentLabel: z.string(),
  heading: z.string(),
  addressee: z.string(),
  title: z.string(),
  description: z.string(),
  status: suggestionStatus,
  actionId: z.number().int().nullable(),
  clauseIds: z.array(z.number().int()),
  /** Send back as If-Match when deciding, so two reviewers cannot both decide the same proposal. */
  version: z.number().int(),
});
export type Suggestion = z.infer<typeof suggestion>;

export const suggestionQuery = paginationQuery.extend({
  documentId: dbIdText.optional(),
  status: suggestionStatus.optional(),
});

/** Accepting may override any field of the proposed action item. */
export const acceptSuggestionInput = actionPatch;
export const mergeSuggestionInput = z.object({ actionId: dbId });

export const dashboard = z.object({
  totals: z.object({
    actions: z.number().int(),
    documents: z.number().int(),
    overdue: z.number().int(),
    stale: z.number().int(),
    pendingSuggestions: z.number().int(),
    averageProgress: z.number(),
  }),
  byStatus: z.array(z.object({ status: actionStatus, count: z.number().int() })),
  byResponsible: z.array(z.object({ name: z.string(), count: z.number().int(), completed: z.number().int() })),
  byDocument: z.array(z.object({ documentId: z.number().int(), label: z.string(), count: z.number().int(), completed: z.number().int() })),
  overdue: z.array(actionSummary),
  stale: z.array(actionSummary),
});
export type Dashboard = z.infer<typeof dashboard>;

export const planImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  updatesAdded: z.number().int(),
});
export type PlanImportResult = z.infer<typeof planImportResult>;

export const stats = z.object({
  documents: z.number().int(),
  clauses: z.number().int(),
  actions: z.number().int(),
  suggestions: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
});
export type Stats = z.infer<typeof stats>;
