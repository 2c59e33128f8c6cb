import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * The rows a full-text query matches, kept until the database changes
 * (SQLite). A search on common words ("report tsag") matches half the plan;
 * FTS5 rebuilds that whole match list for every page asked (~9 ms at 100,000
 * items), while testing membership in a kept set as the sort index is walked
 * costs microseconds. Same rule as the count cache: exact until the next write,
 * which any process's commit invalidates. Only broad searches come here (the
 * repository decides from the total): narrow ones are cheaper as they are.
 */
const MAX_SETS = 16;
const currentToken = new WeakMap<Db, string>();

/** The name under which `match`'s row ids are registered for `mandate_in_set`, or null where the dialect has no id sets. */
export async function searchSetName(db: Db, match: string): Promise<string | null> {
  const sets = db.idSets;
  const token = db.changeToken();
  if (!sets || token === null) return null;
  if (currentToken.get(db) !== token) {
    sets.clear();
    currentToken.set(db, token);
  }
  const name = `fts:${match}`;
  if (!sets.has(name)) {
    const { rows } = await sql<{ id: number }>`select rowid as id from actions_fts where actions_fts match ${match}`.execute(db.kysely);
    if (sets.size >= MAX_SETS) sets.delete(sets.keys().next().value!);
    sets.set(name, new Set(rows.map((r) => r.id)));
  }
  return name;
}

