import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { replaceClauseReferences } from './write-references.ts';

type Q = Kysely<Database>;

/**
 * Extracts the citations of every stored document again from its stored
 * clause texts: the backfill of migration 0003 and `mandate refs --reindex`.
 * One transaction (or the caller's: migrations on PostgreSQL run in one), so
 * readers never see a half-indexed library.
 */
export async function reindexReferences(db: Q): Promise<{ documents: number; references: number }> {
  const run = async (trx: Q) => {
    const docs = await trx.selectFrom('documents').select(['id', 'body', 'kind', 'number', 'revision', 'year']).orderBy('id').execute();
    let references = 0;
    for (const d of docs) {
      const clauses = await trx.selectFrom('clauses').select(['id', 'text']).where('document_id', '=', d.id).orderBy('seq').execute();
      references += await replaceClauseReferences(trx, d.id, d, clauses);
    }
    return { documents: docs.length, references };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
