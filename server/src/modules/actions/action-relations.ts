import { sql, type RawBuilder } from 'kysely';
import type { ActionSummary } from '@mandate/shared';
import type { Db } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect.ts';
import { untilChange } from '../../db/until-change.ts';
import { documentLabel } from '../library/document-label.ts';

/**
 * An action item's relations (responsible units and collaborators, tags, source
 * documents) as JSON-array columns of the item's own row: one statement for
 * any number of items instead of four. Both dialects answer with the same
 * arrays; SQLite sends them as JSON text, which `relationArray` reads back.
 */
export interface RelatedDocument {
  id: number;
  body: string;
  kind: string;
  number: string;
  revision: string;
}

export interface RelationColumns {
  /** [role, name] pairs, by name. */
  parties: unknown;
  tags: unknown;
  documents: unknown;
}

// People know units by their short name ("SG17"); the registry keeps the full one too.
const partyName = sql.raw(`coalesce(nullif(o.acronym, ''), o.name)`);

/** Both roles in one subquery ([role, name] pairs): one index walk per item instead of two. */
function parties(dialect: DialectName): RawBuilder<unknown> {
  const from = sql`from action_parties p join organisations o on o.id = p.organisation_id where p.action_id = actions.id`;
  return dialect === 'postgres'
    ? sql`(select coalesce(json_agg(json_build_array(p.role, ${partyName}) order by ${partyName}), '[]') ${from})`
    : sql`(select json_group_array(json_array(p.role, ${partyName}) order by ${partyName}) ${from})`;
}

function tags(dialect: DialectName): RawBuilder<unknown> {
  const agg = dialect === 'postgres' ? sql.raw(`coalesce(json_agg(t.tag order by t.tag), '[]')`) : sql.raw('json_group_array(t.tag order by t.tag)');
  return sql`(select ${agg} from action_tags t where t.action_id = actions.id)`;
}

// "documents whose id is among the item's clauses' documents" rather than a DISTINCT over the join: no temporary
// B-tree per item, about half the cost on SQLite.
function documents(dialect: DialectName): RawBuilder<unknown> {
  const cited = sql`d.id in (select c.document_id from action_clauses ac join clauses c on c.id = ac.clause_id where ac.action_id = actions.id)`;
  return dialect === 'postgres'
    ? sql`(select coalesce(json_agg(json_build_object('id', d.id, 'body', d.body, 'kind', d.kind, 'number', d.number, 'revision', d.revision) order by d.id), '[]') from documents d where ${cited})`
    : sql`(select json_group_array(json_object('id', d.id, 'body', d.body, 'kind', d.kind, 'number', d.number, 'revision', d.revision) order by d.id) from documents d where ${cited})`;
}

/** The relation columns, to add to any select from `actions`. */
export function relationColumns(dialect: DialectName) {
  return [parties(dialect).as('parties'), tags(dialect).as('tags'), documents(dialect).as('documents')] as const;
}

/** The names of one role's parties, in name order. */
export function partyNames(parties: unknown, role: 'responsible' | 'collaborator'): string[] {
  return relationArray<[string, string]>(parties)
    .filter(([r]) => r === role)
    .map(([, name]) => name);
}

/** A relation column's value as an array, whichever dialect answered. */
export function relationArray<T>(value: unknown): T[] {
  if (typeof value === 'string') return JSON.parse(value) as T[];
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The relations as the API shows them. */
export type ActionRelations = Pick<ActionSummary, 'responsible' | 'collaborators' | 'tags' | 'documents'>;

/** A row's relation columns as the API shows them. */
export function relationsFromRow(r: RelationColumns): ActionRelations {
  return {
    responsible: partyNames(r.parties, 'responsible'),
    collaborators: partyNames(r.parties, 'collaborator'),
    tags: relationArray<string>(r.tags),
    documents: relationArray<RelatedDocument>(r.documents).map((d) => ({ id: d.id, label: documentLabel(d) })),
  };
}

/** Items whose relations a process keeps (about 300 bytes each). */
const KEPT_ITEMS = 20_000;

/**
 * The relations of the given items, kept per item until the database changes
 * (see UntilChange: call it outside transactions only). The plan is read all
 * day by many people and written a few times an hour; its relations were
 * two thirds of a list page's cost, recomputed for the same items on every
 * page turn. The rows themselves are read from the database on every request.
 */
export async function relationsOf(db: Db, ids: readonly number[]): Promise<Map<number, ActionRelations>> {
  return untilChange<number, ActionRelations>(db, 'action-relations', KEPT_ITEMS).getMany(ids, async (missing) => {
    const rows = await db.kysely.selectFrom('actions').select('actions.id').select(relationColumns(db.dialect)).where('actions.id', 'in', missing).execute();
    return new Map(rows.map((r) => [r.id, relationsFromRow(r)]));
  });
}
