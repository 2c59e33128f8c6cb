import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

export function countByStatus(db: Q) {
  return db.selectFrom('actions').select(['status', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('status').execute();
}

export function countByResponsible(db: Q, limit: number) {
  return db
    .selectFrom('action_parties')
    .innerJoin('organisations', 'organisations.id', 'action_parties.organisation_id')
    .innerJoin('actions', 'actions.id', 'action_parties.action_id')
    .where('action_parties.role', '=', 'responsible')
    .select([
      sql<string>`coalesce(nullif(organisations.acronym, ''), organisations.name)`.as('name'),
      (eb) => eb.fn.countAll<number>().as('count'),
      sql<number>`sum(case when actions.status = 'completed' then 1 else 0 end)`.as('completed'),
    ])
    .groupBy(['organisations.id', 'organisations.acronym', 'organisations.name'])
    .orderBy('count', 'desc')
    .orderBy('name')
    .limit(limit)
    .execute();
}

export function countByDocument(db: Q, limit: number) {
  return db
    .selectFrom('action_clauses')
    .innerJoin('clauses', 'clauses.id', 'action_clauses.clause_id')
    .innerJoin('documents', 'documents.id', 'clauses.document_id')
    .innerJoin('actions', 'actions.id', 'action_clauses.action_id')
    .select([
      'documents.id',
      'documents.body',
      'documents.kind',
      'documents.number',
      'documents.revision',
      sql<number>`count(distinct actions.id)`.as('count'),
      sql<number>`count(distinct case when actions.status = 'completed' then actions.id end)`.as('completed'),
    ])
    .groupBy(['documents.id', 'documents.body', 'documents.kind', 'documents.number', 'documents.revision'])
    .orderBy('count', 'desc')
    .orderBy('documents.id')
    .limit(limit)
    .execute();
}

export async function totals(db: Q) {
  const [actions, documents, clauses, suggestions, pending, avg] = await Promise.all([
    db.selectFrom('actions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('clauses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('suggestions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('suggestions').where('status', '=', 'pending').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('actions').select(sql<number | null>`avg(progress)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    actions: Number(actions.n),
    documents: Number(documents.n),
    clauses: Number(clauses.n),
    suggestions: Number(suggestions.n),
    pendingSuggestions: Number(pending.n),
    averageProgress: avg.n === null ? 0 : Math.round(Number(avg.n) * 10) / 10,
  };
}
