import { z } from 'zod';
import { dbIdText } from './common.ts';
import { documentStatus } from './enums.ts';

/**
 * The streamlining report: the overlap engine over the library (a background
 * run with progress), the document pairs it found, and candidates to merge,
 * suppress, update or trim, each with its evidence and a one-line reason.
 * Internal work: viewers and up read it, editors start runs.
 */

export const OVERLAP_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const CANDIDATE_TYPES = ['merge', 'suppress', 'update', 'boilerplate'] as const;

export const overlapRun = z.object({
  id: z.number().int(),
  status: z.enum(OVERLAP_RUN_STATUSES),
  /** incremental: only pairs involving documents changed since `baseRunId` were recomputed. */
  mode: z.enum(['full', 'incremental']),
  baseRunId: z.number().int().nullable(),
  /** What the run is doing ("loading", the engine's phases, "storing") and how far it got in it. */
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  /** Why it failed, for the user (never a stack). */
  error: z.string().nullable(),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  documents: z.number().int(),
  /** Documents the engine read (all of them in a full run). */
  recomputed: z.number().int(),
  pairs: z.number().int(),
});
export type OverlapRun = z.infer<typeof overlapRun>;

/** Documents added, changed or removed from the analysis since the last finished run. */
export const overlapStaleness = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  removed: z.number().int(),
});
export type OverlapStaleness = z.infer<typeof overlapStaleness>;

export const overlapStatus = z.object({
  /** The most recent run, whatever its state (null: never run). */
  run: overlapRun.nullable(),
  /** The run the report shows: the last one that finished. */
  report: overlapRun.nullable(),
  /** Null without a finished run. */
  stale: overlapStaleness.nullable(),
});
export type OverlapStatus = z.infer<typeof overlapStatus>;

/** An empty body is the default request. */
export const overlapRunStart = z
  .object({
    /** auto: incremental when a finished run exists and few documents changed since; full: everything again. */
    mode: z.enum(['auto', 'full']).default('auto'),
  })
  .nullish()
  .transform((v) => ({ mode: v?.mode ?? 'auto' }));
export type OverlapRunStart = z.infer<typeof overlapRunStart>;

export const overlapDocument = z.object({
  id: z.number().int(),
  label: z.string(),
  title: z.string(),
  status: documentStatus,
});
export type OverlapDocument = z.infer<typeof overlapDocument>;

export const overlapPairSummary = z.object({
  a: overlapDocument,
  b: overlapDocument,
  /** Share of the shorter text in shared passages (the engine's measure). */
  containment: z.number(),
  /** Share of each text's words in shared passages. */
  coverA: z.number(),
  coverB: z.number(),
  sharedWords: z.number().int(),
  passages: z.number().int(),
  /** Two revisions of one text: expected to overlap. */
  sameLineage: z.boolean(),
});
export type OverlapPairSummary = z.infer<typeof overlapPairSummary>;

export const candidateEvidence = z.object({
  containment: z.number().optional(),
  coverA: z.number().optional(),
  coverB: z.number().optional(),
  passages: z.number().int().optional(),
  sharedWords: z.number().int().optional(),
  sharedAddressees: z.array(z.string()).optional(),
  topicWords: z.array(z.string()).optional(),
  containedIn: z.number().int().optional(),
  supersededBy: z.number().int().optional(),
  actions: z.object({ total: z.number().int(), completed: z.number().int() }).optional(),
  outdated: z.number().int().optional(),
  outdatedExamples: z.array(z.string()).optional(),
  text: z.string().optional(),
  documents: z.number().int().optional(),
});

export const streamlineCandidate = z.object({
  type: z.enum(CANDIDATE_TYPES),
  /** The text the proposal is about first; then the other(s) it refers to. */
  documents: z.array(overlapDocument),
  reason: z.string(),
  evidence: candidateEvidence,
  score: z.number(),
});
export type StreamlineCandidate = z.infer<typeof streamlineCandidate>;

export const overlapReportQuery = z.object({
  /** Pairs below this containment are left out of the list (candidates use their own thresholds; runs store pairs from 0.1). */
  minContainment: z.coerce.number().min(0).max(1).default(0.2),
  /** Pairs of revisions of one text are left out unless asked for. */
  sameLineage: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type OverlapReportQuery = z.infer<typeof overlapReportQuery>;

export const overlapReport = z.object({
  status: overlapStatus,
  candidates: z.array(streamlineCandidate),
  pairs: z.array(overlapPairSummary),
  /** Pairs matching the filter, of which `pairs` holds the first `limit`, by containment. */
  totalPairs: z.number().int(),
  minContainment: z.number(),
});
export type OverlapReport = z.infer<typeof overlapReport>;

export const overlapPairParams = z.object({ a: dbIdText, b: dbIdText });

export const overlapSide = z.object({
  document: overlapDocument,
  /** The text passages point into (the clauses laid out as the engine read them). */
  text: z.string(),
  /** The document changed since the run: offsets may no longer fit the text. */
  changedSince: z.boolean(),
});

export const overlapPassage = z.object({
  /** Offsets into `a.text` and `b.text`, end exclusive. */
  a: z.tuple([z.number().int(), z.number().int()]),
  b: z.tuple([z.number().int(), z.number().int()]),
  words: z.number().int(),
});
export type OverlapPassage = z.infer<typeof overlapPassage>;

export const overlapPairDetail = z.object({
  runId: z.number().int().nullable(),
  a: overlapSide,
  b: overlapSide,
  /** Empty when the last run found no overlap between the two (or there is no run). */
  passages: z.array(overlapPassage),
  containment: z.number(),
  coverA: z.number(),
  coverB: z.number(),
});
export type OverlapPairDetail = z.infer<typeof overlapPairDetail>;
