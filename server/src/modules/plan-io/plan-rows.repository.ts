import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionFilter } from '../actions/action-filters.ts';
import { applyActionFilters } from '../actions/action-filters.ts';
import { relationColumns } from '../actions/action-relations.ts';
import type { DialectName } from '../../db/dialect.ts';

type Q = Kysely<Database>;

/** Every action item matching a filter, in ref order, with the columns an export needs. */
export function actionsForExport(db: Q, f: ActionFilter, opts: { dialect: DialectName; today: string; publicOnly?: boolean }) {
  return applyActionFilters(db.selectFrom('actions'), f, opts).selectAll('actions').select(relationColumns(opts.dialect)).orderBy('actions.ref').execute();
}

/** The clause keys of each item's sources; `publicOnly`: only clauses of public documents (the public must not learn what internal texts an item cites). */
export function sourceKeysOf(db: Q, ids: number[], opts: { publicOnly?: boolean } = {}) {
  return db
    .selectFrom('action_clauses')
    .innerJoin('clauses', 'clauses.id', 'action_clauses.clause_id')
    .innerJoin('documents', 'documents.id', 'clauses.document_id')
    .select(['action_clauses.action_id', 'clauses.path', 'documents.body', 'documents.kind', 'documents.number', 'documents.revision'])
    .where('action_clauses.action_id', 'in', ids)
    .$if(opts.publicOnly === true, (q) => q.where('documents.is_public', '=', 1))
    .orderBy('documents.id')
    .orderBy('clauses.seq')
    .execute();
}

export function updatesForExport(db: Q, ids: number[]) {
  return db.selectFrom('progress_updates').selectAll().where('action_id', 'in', ids).orderBy('action_id').orderBy('date').orderBy('id').execute();
}

/** Resolves a clause key's parts to a clause id. */
export async function findClauseId(db: Q, k: { body: string; kind: string; number: string; revision: string; path: string }) {
  const row = await db
    .selectFrom('clauses')
    .innerJoin('documents', 'documents.id', 'clauses.document_id')
    .select('clauses.id')
    .where('documents.body', '=', k.body)
    .where('documents.kind', '=', k.kind)
    .where('documents.number', '=', k.number)
    .where('documents.revision', '=', k.revision)
    .where('clauses.path', '=', k.path)
    .executeTakeFirst();
  return row?.id;
}
