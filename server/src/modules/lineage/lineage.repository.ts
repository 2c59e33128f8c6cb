import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/** Identity and visibility of one document: enough to find its lineage. */
export function getLineageKey(db: Q, id: number) {
  return db.selectFrom('documents').select(['id', 'body', 'kind', 'number', 'is_public']).where('id', '=', id).executeTakeFirst();
}

/**
 * The revisions of one lineage (same body, kind and number), newest first:
 * latest year, documents without a year last, then the later import. Sorted
 * here rather than in SQL, where SQLite and PostgreSQL place NULL differently.
 */
export async function listRevisions(db: Q, k: { body: string; kind: string; number: string }, v: { publicOnly: boolean }) {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'body', 'kind', 'number', 'revision', 'year', 'status', 'is_public'])
    .where('body', '=', k.body)
    .where('kind', '=', k.kind)
    .where('number', '=', k.number)
    .$if(v.publicOnly, (q) => q.where('is_public', '=', 1))
    .execute();
  return rows.sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || b.id - a.id);
}
