import { sql, type SelectQueryBuilder } from 'kysely';
import type { ActionQuery } from '@mandate/shared';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { untilChange } from '../../db/until-change.ts';
import { applyActionFilters, type ActionFilter } from './action-filters.ts';

/**
 * The ids of the items a filter matches, in the order asked, kept
 * until the database changes (see UntilChange), so that any page of it is a
 * slice. The plan is read all day and written a few times an hour; a
 * filtered page otherwise costs the database either a walk of the sort index that
 * probes every row the filter rejects, or a sort of all the matches, again
 * for every page turn. After a write, the first read of a filter rebuilds it
 * from pieces that are themselves kept: each column's order of all items,
 * and each single filter's matches as a bitmap (about 10 ms at 100,000 items).
 * The rows of a page are read from the database on every request.
 *
 * The filters are the very ones the SQL path applies (applyActionFilters),
 * one at a time: what matches is the same by construction; the tests compare
 * both paths.
 */

type Sort = ActionQuery['sort'];
type Order = ActionQuery['order'];

export interface MatchOptions {
  today: string;
  publicOnly?: boolean;
}

const SORT_COLUMN: Record<Sort, string> = { ref: 'ref', title: 'title', status: 'status', progress: 'progress', dueDate: 'due_date', lastUpdate: 'last_update' };

/** Kept filters and orders per process; each list is at most 4 bytes per item. */
const KEPT_LISTS = 64;
const KEPT_BITMAPS = 64;

/** The matching ids, in order. */
export function matchingIds(db: Db, filter: ActionFilter, sort: Sort, order: Order, opts: MatchOptions): Promise<Int32Array> {
  const key = JSON.stringify({ filter, sort, order, today: opts.today, pub: Boolean(opts.publicOnly) });
  return untilChange<string, Int32Array>(db, 'action-match-lists', KEPT_LISTS).get(key, async () => {
    const [ordered, ...bitmaps] = await Promise.all([orderOf(db, sort), ...singleFilters(filter, opts).map((f) => bitmapOf(db, f, opts.today))]);
    return select(ordered, bitmaps, order === 'desc');
  });
}

/** The filter as one-condition filters (their conjunction is the filter), the public view as one more. */
function singleFilters(filter: ActionFilter, opts: MatchOptions): SingleFilter[] {
  const parts: SingleFilter[] = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ({ filter: { [name]: value } as ActionFilter }));
  if (opts.publicOnly) parts.push({ filter: {}, publicOnly: true });
  return parts;
}

interface SingleFilter {
  filter: ActionFilter;
  publicOnly?: boolean;
}

/** The ids in `ordered` (ascending, or read backwards) that every bitmap holds. */
function select(ordered: Int32Array, bitmaps: Uint8Array[], descending: boolean): Int32Array {
  const out = new Int32Array(ordered.length);
  let n = 0;
  const last = ordered.length - 1;
  for (let i = 0; i <= last; i += 1) {
    const id = ordered[descending ? last - i : i]!;
    let every = true;
    for (let b = 0; b < bitmaps.length; b += 1) {
      if (bitmaps[b]![id] !== 1) {
        every = false;
        break;
      }
    }
    if (every) out[n++] = id;
  }
  return out.slice(0, n);
}

/**
 * Every item's id by one column, ties by id, ascending; descending is the same
 * list read backwards (both databases put NULLs at one end ascending and the
 * other descending). One JSON array instead of 100,000 row objects: four times
 * faster. SQLite's aggregate reads the ordered subquery in its order, which
 * the tests check; PostgreSQL is told the order inside the aggregate.
 */
function orderOf(db: Db, sort: Sort): Promise<Int32Array> {
  return untilChange<Sort, Int32Array>(db, 'action-orders', 6).get(sort, async () => {
    const column = sql.raw(`actions.${SORT_COLUMN[sort]}`);
    const query =
      db.dialect === 'postgres'
        ? sql<{ ids: unknown }>`select coalesce(json_agg(actions.id order by ${column} asc, actions.id asc), '[]') as ids from actions`
        : sql<{ ids: unknown }>`select json_group_array(id) as ids from (select actions.id from actions order by ${column} asc, actions.id asc)`;
    return Int32Array.from(jsonIds((await query.execute(db.kysely)).rows[0]!.ids));
  });
}

/** A JSON array of ids, as SQLite (text) or PostgreSQL (parsed) sends it. */
function jsonIds(value: unknown): number[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as number[];
}

/** One condition's matches as a bitmap indexed by item id (a byte per item: a lookup is one read). */
function bitmapOf(db: Db, part: SingleFilter, today: string): Promise<Uint8Array> {
  const key = JSON.stringify({ ...part, today });
  return untilChange<string, Uint8Array>(db, 'action-filter-bitmaps', KEPT_BITMAPS).get(key, async () => {
    const matching: SelectQueryBuilder<Database, 'actions', { id: number }> = applyActionFilters(db.kysely.selectFrom('actions'), part.filter, {
      dialect: db.dialect,
      today,
      publicOnly: part.publicOnly,
    }).select('actions.id');
    const all = db.dialect === 'postgres' ? sql<unknown>`coalesce(json_agg(m.id), '[]')` : sql<unknown>`json_group_array(m.id)`;
    const row = await db.kysely.selectFrom(matching.as('m')).select(all.as('ids')).executeTakeFirstOrThrow();
    const ids = jsonIds(row.ids);
    const bitmap = new Uint8Array(ids.reduce((max, id) => Math.max(max, id), 0) + 1);
    for (const id of ids) bitmap[id] = 1;
    return bitmap;
  });
}
