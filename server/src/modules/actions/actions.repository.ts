import { sql, type Kysely } from 'kysely';
import type { ActionQuery } from '@mandate/shared';
import type { ActionTable, Database } from '../../db/schema.ts';
import type { DialectName } from '../../db/dialect.ts';
import { applyActionFilters, overdueExpression, type ActionFilter, type FilterOptions } from './action-filters.ts';
import { relationColumns } from './action-relations.ts';

type Q = Kysely<Database>;
type Opts = FilterOptions;

const SORT_COLUMNS = {
  ref: 'actions.ref',
  title: 'actions.title',
  status: 'actions.status',
  progress: 'actions.progress',
  dueDate: 'actions.due_date',
  lastUpdate: 'actions.last_update',
} as const;

export const actionColumns = [
  'actions.id',
  'actions.ref',
  'actions.title',
  'actions.status',
  'actions.progress',
  'actions.reports_to',
  'actions.due_date',
  'actions.recurrence',
  'actions.last_update',
  'actions.version',
  'actions.is_public',
] as const;

/** One page of action items, without relations (see relationsOf). */
export async function listActions(db: Q, q: ActionQuery, opts: Opts) {
  return applyActionFilters(db.selectFrom('actions'), q, opts)
    .select(actionColumns)
    .select(overdueExpression(opts.today).as('overdue'))
    .orderBy(SORT_COLUMNS[q.sort], q.order)
    .orderBy('actions.id', q.order)
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}

/** The list columns of the given items, in no particular order. */
export function actionRowsByIds(db: Q, ids: number[], today: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('actions').select(actionColumns).select(overdueExpression(today).as('overdue')).where('actions.id', 'in', ids).execute();
}

export async function countActions(db: Q, f: ActionFilter, opts: Opts): Promise<number> {
  const { total } = await applyActionFilters(db.selectFrom('actions'), f, opts)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(total);
}

export function getActionRow(db: Q, id: number, today: string, dialect: DialectName) {
  return db
    .selectFrom('actions')
    .selectAll()
    .select(overdueExpression(today).as('overdue'))
    .select(relationColumns(dialect))
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findActionByRef(db: Q, ref: string) {
  return db.selectFrom('actions').selectAll().where('ref', '=', ref).executeTakeFirst();
}

export function sourcesOf(db: Q, actionId: number) {
  return db
    .selectFrom('action_clauses')
    .innerJoin('clauses', 'clauses.id', 'action_clauses.clause_id')
    .innerJoin('documents', 'documents.id', 'clauses.document_id')
    .select([
      'clauses.id as clause_id',
      'clauses.path',
      'clauses.heading',
      'clauses.num',
      'documents.id as document_id',
      'documents.body',
      'documents.kind',
      'documents.number',
      'documents.revision',
    ])
    .where('action_clauses.action_id', '=', actionId)
    .orderBy('documents.id')
    .orderBy('clauses.seq')
    .execute();
}

export function updatesOf(db: Q, actionId: number) {
  return db.selectFrom('progress_updates').selectAll().where('action_id', '=', actionId).orderBy('date', 'desc').orderBy('id', 'desc').execute();
}

type ActionValues = Omit<ActionTable, 'id' | 'version' | 'is_public'> & { is_public?: number };

export async function insertAction(db: Q, values: ActionValues): Promise<number> {
  const row = await db.insertInto('actions').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Writes fields only: the version moves in claimActionVersion, once per change, before anything else. */
export async function updateAction(db: Q, id: number, values: Partial<ActionValues>) {
  if (Object.keys(values).length === 0) return;
  await db.updateTable('actions').set(values).where('id', '=', id).execute();
}

/**
 * Compare-and-set on the version: moves it on only if the row is still at
 * `expected`, in one statement. On PostgreSQL a concurrent writer blocks on
 * the row lock and then sees 0 rows, so two writers based on the same
 * version can never both succeed (a read-then-compare could). It also takes
 * the row lock first, so everything else the change writes is serialised.
 */
export async function claimActionVersion(db: Q, id: number, expected: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('actions')
    .set({ version: sql<number>`version + 1`, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Next free "A-0001"-style reference. */
export async function nextRef(db: Q): Promise<string> {
  const row = await db.selectFrom('actions').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  let n = Number(row?.max ?? 0) + 1;
  for (;;) {
    const ref = `A-${String(n).padStart(4, '0')}`;
    if (!(await findActionByRef(db, ref))) return ref;
    n += 1;
  }
}

export interface CreatedOrganisation {
  id: number;
  name: string;
  type: 'unit' | 'partner';
}

/**
 * Finds organisations by name or acronym, creating the missing ones (as units
 * or partners); returns their ids in input order, and the ones it created so
 * the service can audit them.
 */
export async function ensureOrganisations(db: Q, names: string[], type: 'unit' | 'partner'): Promise<{ ids: number[]; created: CreatedOrganisation[] }> {
  const ids: number[] = [];
  const created: CreatedOrganisation[] = [];
  for (const name of names) {
    const found = await db
      .selectFrom('organisations')
      .select('id')
      .where((eb) => eb.or([eb('name', '=', name), eb('acronym', '=', name)]))
      .orderBy(sql`case when name = ${name} then 0 else 1 end`)
      .executeTakeFirst();
    if (found) ids.push(found.id);
    else {
      const { id } = await db.insertInto('organisations').values({ name, acronym: '', type }).returning('id').executeTakeFirstOrThrow();
      ids.push(id);
      created.push({ id, name, type });
    }
  }
  return { ids, created };
}

/** Replaces one role's parties; returns the organisations it had to create. */
export async function replaceParties(db: Q, actionId: number, role: 'responsible' | 'collaborator', names: string[]): Promise<CreatedOrganisation[]> {
  await db.deleteFrom('action_parties').where('action_id', '=', actionId).where('role', '=', role).execute();
  const ensured = await ensureOrganisations(db, names, role === 'responsible' ? 'unit' : 'partner');
  const ids = [...new Set(ensured.ids)];
  if (ids.length > 0) {
    await db.insertInto('action_parties').values(ids.map((organisation_id) => ({ action_id: actionId, organisation_id, role }))).execute();
  }
  return ensured.created;
}

export async function replaceTags(db: Q, actionId: number, tags: string[]) {
  await db.deleteFrom('action_tags').where('action_id', '=', actionId).execute();
  const unique = [...new Set(tags)];
  if (unique.length > 0) await db.insertInto('action_tags').values(unique.map((tag) => ({ action_id: actionId, tag }))).execute();
}

export async function replaceClauses(db: Q, actionId: number, clauseIds: number[]) {
  await db.deleteFrom('action_clauses').where('action_id', '=', actionId).execute();
  const unique = [...new Set(clauseIds)];
  if (unique.length > 0) await db.insertInto('action_clauses').values(unique.map((clause_id) => ({ action_id: actionId, clause_id }))).execute();
}

/**
 * Adds source clauses, keeping every link already there: a merge must not
 * drop a link someone else wrote meanwhile, as delete-and-reinsert could.
 */
export async function addClauses(db: Q, actionId: number, clauseIds: number[]) {
  const unique = [...new Set(clauseIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('action_clauses')
    .values(unique.map((clause_id) => ({ action_id: actionId, clause_id })))
    .onConflict((oc) => oc.columns(['action_id', 'clause_id']).doNothing())
    .execute();
}

export async function existingClauseIds(db: Q, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('clauses').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertUpdate(
  db: Q,
  u: { action_id: number; date: string; text: string; status_from: string | null; status_to: string | null; progress: number | null; evidence: string; created_at: string },
): Promise<number> {
  const { id } = await db.insertInto('progress_updates').values(u).returning('id').executeTakeFirstOrThrow();
  // last_update is denormalised so "stale" filters and sorts need no join.
  await db
    .updateTable('actions')
    .set({ last_update: sql<string>`(select max(date) from progress_updates where action_id = ${u.action_id})` })
    .where('id', '=', u.action_id)
    .execute();
  return id;
}
