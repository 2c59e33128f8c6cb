import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/** The documents chosen for a merge: identity, front matter and visibility. */
export function documentsByIds(db: Q, ids: readonly number[]) {
  return db
    .selectFrom('documents')
    .select(['id', 'body', 'kind', 'number', 'revision', 'year', 'title', 'preamble', 'is_public'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Their clauses in reading order. */
export function clausesOfDocuments(db: Q, ids: readonly number[]) {
  return db
    .selectFrom('clauses')
    .select(['document_id', 'kind', 'heading', 'addressee', 'num', 'path', 'text'])
    .where('document_id', 'in', [...ids])
    .orderBy('document_id')
    .orderBy('seq')
    .execute();
}
