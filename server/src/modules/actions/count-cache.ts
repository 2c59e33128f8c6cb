import type { Db } from '../../db/database.ts';

/**
 * Remembers list totals per filter until the database changes. Counting
 * 100,000 rows costs more than fetching the page itself, and the same filters
 * are asked for again and again (every page turn, every dashboard refresh).
 * Pages themselves are never cached: only the number beside them.
 */
const MAX_ENTRIES = 1000;
const caches = new WeakMap<Db, { token: string; totals: Map<string, number> }>();

export async function cachedCount(db: Db, key: string, count: () => Promise<number>): Promise<number> {
  const token = db.changeToken();
  if (token === null) return count();
  let cache = caches.get(db);
  if (!cache || cache.token !== token) {
    cache = { token, totals: new Map() };
    caches.set(db, cache);
  }
  const hit = cache.totals.get(key);
  if (hit !== undefined) return hit;
  const total = await count();
  if (cache.totals.size >= MAX_ENTRIES) cache.totals.clear();
  cache.totals.set(key, total);
  return total;
}
