import { sql, type SelectQueryBuilder } from 'kysely';
import { CLOSED_STATUSES, type ActionQuery } from '@mandate/shared';
import type { Database } from '../../db/schema.ts';
import type { DialectName } from '../../db/dialect.ts';

export type ActionFilter = Omit<ActionQuery, 'limit' | 'offset' | 'sort' | 'order'>;

/**
 * Turns free text into a safe full-text query: only letters and digits survive,
 * each word becomes a prefix term, all must match. Users never see FTS syntax
 * errors, and nothing they type reaches SQL except as a bound parameter.
 */
export function searchTerms(q: string): string[] {
  return (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map((t) => t.toLowerCase());
}

/** Six months before `today`, as YYYY-MM-DD. */
export function staleCutoff(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 6);
  return d.toISOString().slice(0, 10);
}

type ActionsQuery = SelectQueryBuilder<Database, 'actions', object>;

export function applyActionFilters(
  query: ActionsQuery,
  f: ActionFilter,
  opts: { dialect: DialectName; today: string },
): ActionsQuery {
  let q = query;
  if (f.status && f.status.length > 0) q = q.where('actions.status', 'in', f.status);
  if (f.responsible) {
    const name = f.responsible;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('action_parties')
          .innerJoin('organisations', 'organisations.id', 'action_parties.organisation_id')
          .whereRef('action_parties.action_id', '=', 'actions.id')
          .where('action_parties.role', '=', 'responsible')
          .where((e) => e.or([e('organisations.name', '=', name), e('organisations.acronym', '=', name)]))
          .select(sql`1`.as('one')),
      ),
    );
  }
  if (f.documentId) {
    const id = f.documentId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('action_clauses')
          .innerJoin('clauses', 'clauses.id', 'action_clauses.clause_id')
          .whereRef('action_clauses.action_id', '=', 'actions.id')
          .where('clauses.document_id', '=', id)
          .select(sql`1`.as('one')),
      ),
    );
  }
  if (f.tag) {
    const tag = f.tag;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('action_tags').whereRef('action_tags.action_id', '=', 'actions.id').where('action_tags.tag', '=', tag).select(sql`1`.as('one'))),
    );
  }
  if (f.overdue !== undefined) {
    const overdue = overdueExpression(opts.today);
    q = q.where(f.overdue ? overdue : sql<boolean>`not ${overdue}`);
  }
  if (f.stale !== undefined) {
    const stale = staleExpression(opts.today);
    q = q.where(f.stale ? stale : sql<boolean>`not ${stale}`);
  }
  if (f.q) {
    const terms = searchTerms(f.q);
    if (terms.length === 0) return q.where(sql<boolean>`1 = 0`);
    if (opts.dialect === 'postgres') {
      const tsquery = terms.map((t) => `${t}:*`).join(' & ');
      q = q.where(sql<boolean>`actions.search @@ to_tsquery('english', ${tsquery})`);
    } else {
      const match = terms.map((t) => `"${t}"*`).join(' ');
      q = q.where(sql<boolean>`actions.id in (select rowid from actions_fts where actions_fts match ${match})`);
    }
  }
  return q;
}

/** Open items whose last progress update (or creation, if none) is more than six months old. */
export function staleExpression(today: string) {
  return sql<boolean>`(actions.status not in (${sql.join([...CLOSED_STATUSES])}) and coalesce(actions.last_update, substr(actions.created_at, 1, 10)) < ${staleCutoff(today)})`;
}

export function overdueExpression(today: string) {
  return sql<boolean>`(actions.due_date is not null and actions.due_date < ${today} and actions.status not in (${sql.join([...CLOSED_STATUSES])}))`;
}


