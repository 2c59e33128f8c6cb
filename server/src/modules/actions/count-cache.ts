import type { Db } from '../../db/database.ts';
import { untilChange } from '../../db/until-change.ts';

/**
 * Remembers list totals per filter until the database changes. Counting
 * 100,000 rows costs more than fetching the page itself, and the same filters
 * are asked for again and again (every page turn, every dashboard refresh).
 * Pages themselves are never cached: only the number beside them.
 */
export function cachedCount(db: Db, key: string, count: () => Promise<number>): Promise<number> {
  return untilChange<string, number>(db, 'action-counts', 1000).get(key, count);
}
