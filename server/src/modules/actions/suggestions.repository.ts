import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

function filtered(db: Q, f: { documentId?: number; status?: string }) {
  let q = db.selectFrom('suggestions').innerJoin('documents', 'documents.id', 'suggestions.document_id');
  if (f.documentId) q = q.where('suggestions.document_id', '=', f.documentId);
  if (f.status) q = q.where('suggestions.status', '=', f.status);
  return q;
}

export async function listSuggestions(db: Q, f: { documentId?: number; status?: string; limit: number; offset: number }) {
  const rows = await filtered(db, f)
    .selectAll('suggestions')
    .select(['documents.body', 'documents.kind', 'documents.number', 'documents.revision'])
    .orderBy('documents.body')
    .orderBy('documents.id')
    .orderBy('suggestions.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const { total } = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

export function getSuggestionRow(db: Q, id: number) {
  return db
    .selectFrom('suggestions')
    .innerJoin('documents', 'documents.id', 'suggestions.document_id')
    .selectAll('suggestions')
    .select(['documents.body', 'documents.kind', 'documents.number', 'documents.revision'])
    .where('suggestions.id', '=', id)
    .executeTakeFirst();
}

export async function clausesOfSuggestions(db: Q, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('suggestion_clauses').select(['suggestion_id', 'clause_id']).where('suggestion_id', 'in', ids).execute();
}

/** Writes the decision only: the version moved in claimSuggestionVersion, once, first. */
export function setSuggestionStatus(db: Q, id: number, status: string, actionId: number | null) {
  return db.updateTable('suggestions').set({ status, action_id: actionId }).where('id', '=', id).execute();
}

/** Compare-and-set on the version (see claimActionVersion): false when someone decided first. */
export async function claimSuggestionVersion(db: Q, id: number, expected: number): Promise<boolean> {
  const r = await db
    .updateTable('suggestions')
    .set({ version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
