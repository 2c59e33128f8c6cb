import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { CLOSED_STATUSES, type ActionQuery } from '@mandate/shared';
import type { Database } from '../../db/schema.ts';
import type { DialectName } from '../../db/dialect.ts';

export type ActionFilter = Omit<ActionQuery, 'limit' | 'offset' | 'sort' | 'order'>;

export interface FilterOptions {
  dialect: DialectName;
  today: string;
  /** Anonymous callers: only items marked public. */
  publicOnly?: boolean;
}

/**
 * Turns free text into a safe full-text query: only letters and digits survive,
 * each word becomes a prefix term, all must match. Users never see FTS syntax
 * errors, and nothing they type reaches SQL except as a bound parameter.
 */
export function searchTerms(q: string): string[] {
  return (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map((t) => t.toLowerCase());
}

/** The FTS5 query for search terms: every term, as a prefix. */
export function ftsMatch(terms: string[]): string {
  return terms.map((t) => `"${t}"*`).join(' ');
}

/** Six months before `today`, as YYYY-MM-DD. */
export function staleCutoff(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 6);
  return d.toISOString().slice(0, 10);
}

type ActionsQuery = SelectQueryBuilder<Database, 'actions', object>;
type Column = 'id' | 'status' | 'due_date' | 'last_update' | 'created_at';

export function applyActionFilters(query: ActionsQuery, f: ActionFilter, opts: FilterOptions): ActionsQuery {
  let q = query;
  if (opts.publicOnly) q = q.where('actions.is_public', '=', 1);
  if (f.status && f.status.length > 0) q = q.where(plain('status'), 'in', f.status);
  // A relation filter is "id IN (one index lookup)".
  const related = (rows: (eb: ExpressionBuilder<Database, 'actions'>) => SelectQueryBuilder<Database, keyof Database, { action_id: number }>) => q.where((eb) => eb(plain('id'), 'in', rows(eb)));
  if (f.responsible) {
    const name = f.responsible;
    q = related(
      (eb) =>
        eb
          .selectFrom('action_parties')
          .select('action_parties.action_id')
          .where('action_parties.role', '=', 'responsible')
          .where('action_parties.organisation_id', 'in', eb.selectFrom('organisations').select('organisations.id').where((o) => o.or([o('organisations.name', '=', name), o('organisations.acronym', '=', name)]))),
    );
  }
  if (f.documentId) {
    const id = f.documentId;
    q = related((eb) => eb.selectFrom('action_clauses').innerJoin('clauses', 'clauses.id', 'action_clauses.clause_id').select('action_clauses.action_id').where('clauses.document_id', '=', id));
  }
  if (f.tag) {
    const tag = f.tag;
    q = related((eb) => eb.selectFrom('action_tags').select('action_tags.action_id').where('action_tags.tag', '=', tag));
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
      q = q.where((eb) => eb(plain('id'), 'in', sql`(select rowid from actions_fts where actions_fts match ${ftsMatch(terms)})`));
    }
  }
  return q;
}

const plain = (name: Column) => sql.raw(`actions.${name}`);
const closed = () => sql.join([...CLOSED_STATUSES]);

/** Open items whose last progress update (or creation, if none) is more than six months old. */
export function staleExpression(today: string, col = plain) {
  return sql<boolean>`(${col('status')} not in (${closed()}) and coalesce(${col('last_update')}, substr(${col('created_at')}, 1, 10)) < ${staleCutoff(today)})`;
}

/** Open items whose due date has passed. */
export function overdueExpression(today: string, col = plain) {
  return sql<boolean>`(${col('due_date')} is not null and ${col('due_date')} < ${today} and ${col('status')} not in (${closed()}))`;
}
