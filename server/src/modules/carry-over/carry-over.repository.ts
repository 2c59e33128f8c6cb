import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/**
 * The action items citing a document, one row per cited clause. Everything is
 * selected by document (a few hundred clauses at most), never by a list of
 * ids from the request, so no query grows with what a client sends.
 */
export function itemsCiting(db: Q, documentId: number) {
  return db
    .selectFrom('action_clauses')
    .innerJoin('clauses', 'clauses.id', 'action_clauses.clause_id')
    .innerJoin('actions', 'actions.id', 'action_clauses.action_id')
    .select(['actions.id', 'actions.ref', 'actions.title', 'actions.status', 'actions.version', 'clauses.id as clause_id'])
    .where('clauses.document_id', '=', documentId)
    .orderBy('actions.id')
    .orderBy('clauses.seq')
    .execute();
}

/** Links into document `to` held by items that cite document `from`: what was carried over already. */
export function citationsInto(db: Q, from: number, to: number) {
  return db
    .selectFrom('action_clauses')
    .innerJoin('clauses', 'clauses.id', 'action_clauses.clause_id')
    .select(['action_clauses.action_id', 'action_clauses.clause_id'])
    .where('clauses.document_id', '=', to)
    .where('action_clauses.action_id', 'in', (eb) =>
      eb.selectFrom('action_clauses as ac').innerJoin('clauses as c', 'c.id', 'ac.clause_id').select('ac.action_id').where('c.document_id', '=', from),
    )
    .execute();
}

export async function clauseIdsOf(db: Q, documentId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('clauses').select('id').where('document_id', '=', documentId).execute();
  return new Set(rows.map((r) => r.id));
}

export async function documentExists(db: Q, id: number): Promise<boolean> {
  return (await db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
