import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../../db/dialect.ts';

/**
 * An action item's relations (responsible units, collaborators, tags, source
 * documents) as JSON-array columns of the item's own row. One statement per
 * page instead of four: the list endpoint is read all day, and per-statement
 * cost (building, compiling, running, sorting the IN-lists) was half of a
 * request's time. Both dialects answer with the same arrays; SQLite sends
 * them as JSON text, which `relationArray` reads back.
 */
export interface RelatedDocument {
  id: number;
  body: string;
  kind: string;
  number: string;
  revision: string;
}

export interface RelationColumns {
  responsible: unknown;
  collaborators: unknown;
  tags: unknown;
  documents: unknown;
}

// People know units by their short name ("SG17"); the registry keeps the full one too.
const partyName = sql.raw(`coalesce(nullif(o.acronym, ''), o.name)`);

function parties(dialect: DialectName, role: 'responsible' | 'collaborator'): RawBuilder<unknown> {
  const from = sql`from action_parties p join organisations o on o.id = p.organisation_id where p.action_id = actions.id and p.role = ${role}`;
  return dialect === 'postgres'
    ? sql`(select coalesce(json_agg(${partyName} order by ${partyName}), '[]') ${from})`
    : sql`(select json_group_array(${partyName} order by ${partyName}) ${from})`;
}

function tags(dialect: DialectName): RawBuilder<unknown> {
  const agg = dialect === 'postgres' ? sql.raw(`coalesce(json_agg(t.tag order by t.tag), '[]')`) : sql.raw('json_group_array(t.tag order by t.tag)');
  return sql`(select ${agg} from action_tags t where t.action_id = actions.id)`;
}

function documents(dialect: DialectName): RawBuilder<unknown> {
  const sources = sql`(select distinct d.id, d.body, d.kind, d.number, d.revision
      from action_clauses ac join clauses c on c.id = ac.clause_id join documents d on d.id = c.document_id
      where ac.action_id = actions.id)`;
  return dialect === 'postgres'
    ? sql`(select coalesce(json_agg(json_build_object('id', s.id, 'body', s.body, 'kind', s.kind, 'number', s.number, 'revision', s.revision) order by s.id), '[]') from ${sources} s)`
    : sql`(select json_group_array(json_object('id', s.id, 'body', s.body, 'kind', s.kind, 'number', s.number, 'revision', s.revision) order by s.id) from ${sources} s)`;
}

/** The four relation columns, to add to any select from `actions`. */
export function relationColumns(dialect: DialectName) {
  return [
    parties(dialect, 'responsible').as('responsible'),
    parties(dialect, 'collaborator').as('collaborators'),
    tags(dialect).as('tags'),
    documents(dialect).as('documents'),
  ] as const;
}

/** A relation column's value as an array, whichever dialect answered. */
export function relationArray<T>(value: unknown): T[] {
  if (typeof value === 'string') return JSON.parse(value) as T[];
  return Array.isArray(value) ? (value as T[]) : [];
}
