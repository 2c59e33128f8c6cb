import { sql, type Kysely } from 'kysely';
import type { DocumentQuery } from '@mandate/shared';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/** Anonymous callers see public documents only, and count public action items only. */
export interface Visibility {
  publicOnly: boolean;
}

/** Filters shared by the list and its count. */
function filtered(db: Q, q: Omit<DocumentQuery, 'limit' | 'offset' | 'sort'>, v: Visibility) {
  let query = db.selectFrom('documents');
  if (v.publicOnly) query = query.where('documents.is_public', '=', 1);
  if (q.body) query = query.where('documents.body', '=', q.body);
  if (q.kind) query = query.where('documents.kind', '=', q.kind);
  if (q.year) query = query.where('documents.year', '=', q.year);
  if (q.status) query = query.where('documents.status', '=', q.status);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(documents.title)`, 'like', sql`lower(${like}) escape '\\'`),
        eb('documents.number', '=', q.q!),
      ]),
    );
  }
  return query;
}

const SORTS = {
  label: ['documents.body', 'documents.kind', 'documents.number'],
  body: ['documents.body', 'documents.kind', 'documents.number'],
  number: ['documents.number', 'documents.body'],
  year: ['documents.year', 'documents.body'],
} as const;

export async function listDocuments(db: Q, q: DocumentQuery, v: Visibility = { publicOnly: false }) {
  let query = filtered(db, q, v)
    .select([
      'documents.id',
      'documents.body',
      'documents.kind',
      'documents.number',
      'documents.revision',
      'documents.year',
      'documents.title',
      'documents.status',
      'documents.is_public',
    ])
    .select((eb) => [
      eb.selectFrom('clauses').whereRef('clauses.document_id', '=', 'documents.id').select(eb.fn.countAll<number>().as('n')).as('clause_count'),
      eb
        .selectFrom('action_clauses')
        .innerJoin('clauses', 'clauses.id', 'action_clauses.clause_id')
        .whereRef('clauses.document_id', '=', 'documents.id')
        .$if(v.publicOnly, (sub) => sub.where('action_clauses.action_id', 'in', (eb2) => eb2.selectFrom('actions').select('actions.id').where('actions.is_public', '=', 1)))
        .select(sql<number>`count(distinct action_clauses.action_id)`.as('n'))
        .as('action_count'),
    ]);
  for (const col of SORTS[q.sort]) query = query.orderBy(col);
  // Numbers are text ("64", "COM4/2"); order numerically where they are numeric.
  const rows = await query.orderBy('documents.id').limit(q.limit).offset(q.offset).execute();
  const { total } = await filtered(db, q, v).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

export function getDocumentRow(db: Q, id: number) {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDocumentByIdentity(db: Q, k: { body: string; kind: string; number: string; revision: string }) {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('body', '=', k.body)
    .where('kind', '=', k.kind)
    .where('number', '=', k.number)
    .where('revision', '=', k.revision)
    .executeTakeFirst();
}

export function listClauses(db: Q, documentId: number) {
  return db.selectFrom('clauses').selectAll().where('document_id', '=', documentId).orderBy('seq').execute();
}

export function actionsOfClauses(db: Q, clauseIds: number[]) {
  if (clauseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('action_clauses')
    .innerJoin('actions', 'actions.id', 'action_clauses.action_id')
    .select(['action_clauses.clause_id', 'actions.id', 'actions.title', 'actions.status', 'actions.progress', 'actions.is_public'])
    .where('action_clauses.clause_id', 'in', clauseIds)
    .orderBy('actions.ref')
    .execute();
}

export function suggestionsOfClauses(db: Q, clauseIds: number[]) {
  if (clauseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('suggestion_clauses')
    .innerJoin('suggestions', 'suggestions.id', 'suggestion_clauses.suggestion_id')
    .select(['suggestion_clauses.clause_id', 'suggestions.id', 'suggestions.title', 'suggestions.addressee', 'suggestions.status', 'suggestions.version'])
    .where('suggestion_clauses.clause_id', 'in', clauseIds)
    .where('suggestions.status', '=', 'pending')
    .execute();
}

export async function documentFacets(db: Q, v: Visibility = { publicOnly: false }) {
  const docs = () => db.selectFrom('documents').$if(v.publicOnly, (q) => q.where('is_public', '=', 1));
  const bodies = await docs().select('body').distinct().orderBy('body').execute();
  const kinds = await docs().select('kind').distinct().orderBy('kind').execute();
  const years = await docs().select('year').distinct().where('year', 'is not', null).orderBy('year', 'desc').execute();
  return { bodies: bodies.map((r) => r.body), kinds: kinds.map((r) => r.kind), years: years.map((r) => r.year as number) };
}

/** The revisions of one lineage (same body, kind and number), newest first. */
export function lineageOf(db: Q, k: { body: string; kind: string; number: string }) {
  return db
    .selectFrom('documents')
    .select(['id', 'year', 'status', 'revision'])
    .where('body', '=', k.body)
    .where('kind', '=', k.kind)
    .where('number', '=', k.number)
    // Undated revisions last on both dialects (PostgreSQL puts NULL first in a descending sort, SQLite last).
    .orderBy(sql`case when year is null then 1 else 0 end`)
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A status change from the lineage (not from a person): it still moves the version, so stale PATCHes fail. */
export function setDocumentStatus(db: Q, id: number, status: string) {
  return db.updateTable('documents').set({ status, version: sql<number>`version + 1` }).where('id', '=', id).execute();
}
