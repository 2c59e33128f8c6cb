import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/** Every count takes `pub`: anonymous callers' dashboards count public items only. */
export function countByStatus(db: Q, pub = false) {
  return db.selectFrom('actions').$if(pub, (q) => q.where('actions.is_public', '=', 1)).select(['status', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('status').execute();
}

export function countByResponsible(db: Q, limit: number, pub = false) {
  return db
    .selectFrom('action_parties')
    .innerJoin('organisations', 'organisations.id', 'action_parties.organisation_id')
    .innerJoin('actions', 'actions.id', 'action_parties.action_id')
    .where('action_parties.role', '=', 'responsible')
    .$if(pub, (q) => q.where('actions.is_public', '=', 1))
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

export function countByDocument(db: Q, limit: number, pub = false) {
  return db
    .selectFrom('action_clauses')
    .innerJoin('clauses', 'clauses.id', 'action_clauses.clause_id')
    .innerJoin('documents', 'documents.id', 'clauses.document_id')
    .innerJoin('actions', 'actions.id', 'action_clauses.action_id')
    .$if(pub, (q) => q.where('actions.is_public', '=', 1).where('documents.is_public', '=', 1))
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

export async function totals(db: Q, pub = false) {
  const actionsSeen = () => db.selectFrom('actions').$if(pub, (q) => q.where('is_public', '=', 1));
  // Suggestions are internal: the public counts none.
  const suggestionsSeen = () => db.selectFrom('suggestions').$if(pub, (q) => q.where(sql<boolean>`1 = 0`));
  const [actions, documents, clauses, suggestions, pending, avg] = await Promise.all([
    actionsSeen().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('documents').$if(pub, (q) => q.where('is_public', '=', 1)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('clauses')
      .$if(pub, (q) => q.where('document_id', 'in', (eb) => eb.selectFrom('documents').select('id').where('is_public', '=', 1)))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    suggestionsSeen().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    suggestionsSeen().where('status', '=', 'pending').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    actionsSeen().select(sql<number | null>`avg(progress)`.as('n')).executeTakeFirstOrThrow(),
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
