import type { Db } from './database.ts';

/**
 * Values derived from the database, kept exactly until its next committed
 * change (any connection, any process: see Db.changeToken). Where changes
 * cannot be told, nothing is kept and every read loads.
 *
 * Two rules keep it exact:
 * - a value is filed under the token read *before* it was loaded, so it is
 *   never older than its token (a change meanwhile moves the token on and the
 *   next read drops it);
 * - whatever keeps a value may also be read by another request at the same
 *   moment: values are never changed in place;
 * - fill it only from reads outside a transaction: a rolled-back write leaves
 *   SQLite's change counter moved, and a value read inside that transaction
 *   would survive under the new token.
 */
/** The values kept under one token, and the loads under way for it. */
interface Generation<K, V> {
  entries: Map<K, V>;
  loading: Map<K, Promise<V>>;
}

export class UntilChange<K, V> {
  #token: string | null = null;
  #generation: Generation<K, V> = { entries: new Map(), loading: new Map() };

  constructor(
    private readonly db: Db,
    /** Beyond this many entries the oldest go first. */
    private readonly max: number,
  ) {}

  /** The values valid now, or null when changes cannot be told. */
  async #current(): Promise<Generation<K, V> | null> {
    const token = await this.db.changeToken();
    if (token === null) return null;
    if (token !== this.#token) {
      this.#token = token;
      this.#generation = { entries: new Map(), loading: new Map() };
    }
    return this.#generation;
  }

  #keep(entries: Map<K, V>, key: K, value: V) {
    if (entries.size >= this.max) entries.delete(entries.keys().next().value as K);
    entries.set(key, value);
  }

  /**
   * The kept value, or the one `load` gives. Callers asking for a key whose
   * load is under way wait for that load rather than start their own: right
   * after a write, fifty requests for the same list do the work once.
   */
  async get(key: K, load: () => Promise<V>): Promise<V> {
    const generation = await this.#current();
    if (generation === null) return load();
    const hit = generation.entries.get(key);
    if (hit !== undefined) return hit;
    let loading = generation.loading.get(key);
    if (!loading) {
      loading = load().then(
        (value) => {
          this.#keep(generation.entries, key, value);
          generation.loading.delete(key);
          return value;
        },
        (err: unknown) => {
          generation.loading.delete(key);
          throw err;
        },
      );
      generation.loading.set(key, loading);
    }
    return loading;
  }

  /** Several keys at once; `loadMissing` is called once, with the keys not kept (never with none). */
  async getMany(keys: readonly K[], loadMissing: (missing: K[]) => Promise<Map<K, V>>): Promise<Map<K, V>> {
    const generation = await this.#current();
    if (generation === null) return keys.length === 0 ? new Map() : loadMissing([...keys]);
    const { entries } = generation;
    const found = new Map<K, V>();
    const missing: K[] = [];
    for (const key of keys) {
      const hit = entries.get(key);
      if (hit === undefined) missing.push(key);
      else found.set(key, hit);
    }
    if (missing.length === 0) return found;
    for (const [key, value] of await loadMissing(missing)) {
      found.set(key, value);
      this.#keep(entries, key, value);
    }
    return found;
  }
}

const registry = new WeakMap<Db, Map<string, UntilChange<unknown, unknown>>>();

/** The named cache of one database (one per process: each process keeps its own). */
export function untilChange<K, V>(db: Db, name: string, max: number): UntilChange<K, V> {
  let caches = registry.get(db);
  if (!caches) registry.set(db, (caches = new Map()));
  let cache = caches.get(name);
  if (!cache) caches.set(name, (cache = new UntilChange<unknown, unknown>(db, max)));
  return cache as UntilChange<K, V>;
}
