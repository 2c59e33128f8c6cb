import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, OverlapRunTable } from '../../db/schema.ts';

type Q = Kysely<Database>;
export type RunRow = Selectable<OverlapRunTable>;

/** The statuses whose texts the engine reads: in force, and superseded (older revisions still cited and tracked). */
export const ANALYSED_STATUSES = ['in_force', 'superseded'] as const;

// ---- runs

export function insertRun(db: Q, values: { mode: 'full' | 'incremental'; startedBy: string; now: string; owner: string }) {
  return db
    .insertInto('overlap_runs')
    .values({ status: 'queued', mode: values.mode, active: 1, started_by: values.startedBy, started_at: values.now, heartbeat_at: values.now, owner: values.owner })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function getRun(db: Q, id: number) {
  return db.selectFrom('overlap_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function latestRun(db: Q) {
  return db.selectFrom('overlap_runs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export function latestDoneRun(db: Q) {
  return db.selectFrom('overlap_runs').selectAll().where('status', '=', 'done').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export function activeRuns(db: Q) {
  return db.selectFrom('overlap_runs').selectAll().where('active', '=', 1).execute();
}

/** Progress of a run still going (a run already ended by someone else is left as it is). */
export function updateProgress(db: Q, id: number, p: { phase?: string; done?: number; total?: number; mode?: 'full' | 'incremental'; baseRunId?: number | null; now: string }) {
  return db
    .updateTable('overlap_runs')
    .set({
      status: 'running',
      heartbeat_at: p.now,
      ...(p.phase !== undefined ? { phase: p.phase } : {}),
      ...(p.done !== undefined ? { done: p.done } : {}),
      ...(p.total !== undefined ? { total: p.total } : {}),
      ...(p.mode !== undefined ? { mode: p.mode } : {}),
      ...(p.baseRunId !== undefined ? { base_run_id: p.baseRunId } : {}),
    })
    .where('id', '=', id)
    .where('active', '=', 1)
    .execute();
}

/** Ends an active run as done; false when it was no longer active (failed as interrupted meanwhile). */
export async function finishRun(db: Q, id: number, r: { now: string; documents: number; recomputed: number; pairs: number }): Promise<boolean> {
  const res = await db
    .updateTable('overlap_runs')
    .set({ status: 'done', active: null, phase: 'done', done: sql<number>`total`, finished_at: r.now, heartbeat_at: r.now, documents: r.documents, recomputed: r.recomputed, pairs: r.pairs })
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function failRun(db: Q, id: number, error: string, now: string) {
  return db
    .updateTable('overlap_runs')
    .set({ status: 'failed', active: null, error, finished_at: now, heartbeat_at: now })
    .where('id', '=', id)
    .where('active', '=', 1)
    .execute();
}

// ---- what a run stores

export interface SnapshotRow {
  document_id: number;
  version: number;
  text_hash: string;
  words: number;
  body_start: number;
}

export function runSnapshot(db: Q, runId: number): Promise<SnapshotRow[]> {
  return db.selectFrom('overlap_run_documents').select(['document_id', 'version', 'text_hash', 'words', 'body_start']).where('run_id', '=', runId).execute();
}

export interface PairRow {
  doc_a: number;
  doc_b: number;
  containment: number;
  cover_a: number;
  cover_b: number;
  shared_words: number;
  passages: string;
}

export function runPairs(db: Q, runId: number): Promise<PairRow[]> {
  return db
    .selectFrom('overlap_pairs')
    .select(['doc_a', 'doc_b', 'containment', 'cover_a', 'cover_b', 'shared_words', 'passages'])
    .where('run_id', '=', runId)
    .orderBy('containment', 'desc')
    .orderBy('doc_a')
    .orderBy('doc_b')
    .execute();
}

export function runPair(db: Q, runId: number, a: number, b: number) {
  return db.selectFrom('overlap_pairs').selectAll().where('run_id', '=', runId).where('doc_a', '=', a).where('doc_b', '=', b).executeTakeFirst();
}

export function runBoilerplate(db: Q, runId: number) {
  return db.selectFrom('overlap_boilerplate').select(['text', 'words', 'documents', 'occurrences']).where('run_id', '=', runId).orderBy('documents', 'desc').orderBy('id').execute();
}

/** Rows go in batches: SQLite and PostgreSQL both cap the bound parameters of one statement. */
async function insertBatched<T>(rows: readonly T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function storeResults(
  trx: Q,
  runId: number,
  r: { snapshot: SnapshotRow[]; pairs: PairRow[]; boilerplate: { text: string; words: number; documents: number; occurrences: string }[] },
) {
  await insertBatched(r.snapshot, 500, (b) => trx.insertInto('overlap_run_documents').values(b.map((s) => ({ run_id: runId, ...s }))).execute());
  await insertBatched(r.pairs, 200, (b) => trx.insertInto('overlap_pairs').values(b.map((p) => ({ run_id: runId, ...p }))).execute());
  await insertBatched(r.boilerplate, 200, (b) => trx.insertInto('overlap_boilerplate').values(b.map((p) => ({ run_id: runId, ...p }))).execute());
}

// ---- the library, as the engine and the report read it

export function analysedDocuments(db: Q, ids?: number[]) {
  return db
    .selectFrom('documents')
    .select(['id', 'body', 'kind', 'number', 'revision', 'year', 'title', 'status', 'preamble', 'version'])
    .where('status', 'in', [...ANALYSED_STATUSES])
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids!.length > 0 ? ids! : [-1]))
    .orderBy('id')
    .execute();
}

/** Every clause of the analysed documents, in document then reading order (one query, however large the library). */
export function analysedClauses(db: Q, documentIds?: number[]) {
  return db
    .selectFrom('clauses')
    .innerJoin('documents', 'documents.id', 'clauses.document_id')
    .select(['clauses.id', 'clauses.document_id', 'clauses.heading', 'clauses.num', 'clauses.text'])
    .where('documents.status', 'in', [...ANALYSED_STATUSES])
    .$if(documentIds !== undefined, (q) => q.where('clauses.document_id', 'in', documentIds!.length > 0 ? documentIds! : [-1]))
    .orderBy('clauses.document_id')
    .orderBy('clauses.seq')
    .execute();
}

export function documentsByIds(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('documents').select(['id', 'body', 'kind', 'number', 'revision', 'year', 'title', 'status', 'preamble', 'version']).where('id', 'in', ids).execute();
}

export function clausesOf(db: Q, documentId: number) {
  return db.selectFrom('clauses').select(['id', 'heading', 'num', 'text']).where('document_id', '=', documentId).orderBy('seq').execute();
}

/** Addressees of each analysed document's operative clauses. */
export function operativeAddressees(db: Q) {
  return db
    .selectFrom('clauses')
    .select(['document_id', 'addressee'])
    .distinct()
    .where('kind', '=', 'operative')
    .where('addressee', 'is not', null)
    .where('addressee', '!=', '')
    .execute();
}

/** Per document: action items linked to its clauses, and how many of them are completed. */
export async function actionCounts(db: Q): Promise<Map<number, { total: number; completed: number }>> {
  const rows = await db
    .selectFrom('action_clauses')
    .innerJoin('clauses', 'clauses.id', 'action_clauses.clause_id')
    .innerJoin('actions', 'actions.id', 'action_clauses.action_id')
    .select(['clauses.document_id', sql<number>`count(distinct actions.id)`.as('total'), sql<number>`count(distinct case when actions.status = 'completed' then actions.id end)`.as('completed')])
    .groupBy('clauses.document_id')
    .execute();
  return new Map(rows.map((r) => [r.document_id, { total: Number(r.total), completed: Number(r.completed) }]));
}

/** Ids and versions only: cheap enough for every status poll. */
export function analysedVersions(db: Q) {
  return db.selectFrom('documents').select(['id', 'version']).where('status', 'in', [...ANALYSED_STATUSES]).execute();
}
