import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, startedAfterCall, type Db } from './database.ts';
import { DIALECTS, openSqliteTestDb, type TestDb } from '../test-support/test-db.ts';
import { UntilChange } from './until-change.ts';

describe('values kept until the database changes', () => {
  let t: TestDb | undefined;
  let other: Db | undefined;
  afterEach(async () => {
    await other?.close();
    await t?.cleanup();
    other = t = undefined;
  });

  const counted = () => {
    let loads = 0;
    return { load: async () => ++loads, loads: () => loads };
  };

  it('keeps a value while nothing is written, and reloads after a write on this connection', async () => {
    t = await openSqliteTestDb();
    const cache = new UntilChange<string, number>(t.db, 10);
    const c = counted();
    expect(await cache.get('k', c.load)).toBe(1);
    expect(await cache.get('k', c.load)).toBe(1);
    await sql`insert into organisations (name, acronym, type) values ('Org', '', 'unit')`.execute(t.db.kysely);
    expect(await cache.get('k', c.load)).toBe(2);
  });

  it('reloads after another process commits (a CLI import beside the server)', async () => {
    t = await openSqliteTestDb();
    other = await openDatabase({ url: t.db.location });
    const cache = new UntilChange<string, number>(t.db, 10);
    const c = counted();
    await cache.get('k', c.load);
    await sql`insert into organisations (name, acronym, type) values ('Elsewhere', '', 'partner')`.execute(other.kysely);
    expect(await cache.get('k', c.load)).toBe(2);
    expect(await cache.get('k', c.load)).toBe(2);
  });

  it('loads only the keys it does not keep, in one call, and drops the oldest beyond its size', async () => {
    t = await openSqliteTestDb();
    const cache = new UntilChange<number, string>(t.db, 3);
    const asked: number[][] = [];
    const load = async (keys: number[]) => {
      asked.push(keys);
      return new Map(keys.map((k) => [k, `v${k}`]));
    };
    expect([...(await cache.getMany([1, 2], load))]).toEqual([[1, 'v1'], [2, 'v2']]);
    expect([...(await cache.getMany([2, 3], load)).values()]).toEqual(['v2', 'v3']);
    expect(asked).toEqual([[1, 2], [3]]);
    await cache.getMany([4], load); // 1 goes
    await cache.getMany([1, 4], load);
    expect(asked.at(-1)).toEqual([1]);
    expect((await cache.getMany([], load)).size).toBe(0);
  });

  it('loads a key once for callers that ask while its load is under way, and forgets a failed load', async () => {
    t = await openSqliteTestDb();
    const cache = new UntilChange<string, number>(t.db, 10);
    let loads = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++loads), 20));
    expect(await Promise.all([cache.get('k', slow), cache.get('k', slow), cache.get('k', slow)])).toEqual([1, 1, 1]);
    expect(loads).toBe(1);
    await expect(cache.get('bad', () => Promise.reject(new Error('disk on fire')))).rejects.toThrow('disk on fire');
    expect(await cache.get('bad', async () => 7)).toBe(7);
  });

  it('keeps nothing where changes cannot be told', async () => {
    const blind = { changeToken: async () => null } as unknown as Db;
    const cache = new UntilChange<string, number>(blind, 10);
    const c = counted();
    await cache.get('k', c.load);
    expect(await cache.get('k', c.load)).toBe(2);
  });
});

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`the change token on ${dialect.name}`, () => {
    it('stays while nothing is written and moves when another connection commits, not before', async () => {
      const t = await dialect.open();
      const other = await t.openAnother();
      try {
        const first = await t.db.changeToken();
        expect(first).not.toBeNull();
        await t.db.kysely.selectFrom('organisations').selectAll().execute();
        expect(await t.db.changeToken()).toBe(first);
        let inside: string | null = null;
        await other.kysely.transaction().execute(async (trx) => {
          await trx.insertInto('organisations').values({ name: 'Pending', acronym: '', type: 'unit' }).execute();
          inside = await t.db.changeToken();
        });
        // SQLite's token moves at the commit; PostgreSQL's already when the writer takes a transaction id
        // (one reload more, harmless). Committed, both have moved.
        if (dialect.name === 'sqlite') expect(inside).toBe(first);
        else expect(inside).not.toBeNull();
        const after = await t.db.changeToken();
        expect(after).not.toBe(first);
        expect(await t.db.changeToken()).toBe(after);
      } finally {
        await other.close();
        await t.cleanup();
      }
    });
  });
}

describe('startedAfterCall', () => {
  it('answers callers that arrive during a query with the next query, shared', async () => {
    let started = 0;
    const releases: (() => void)[] = [];
    const query = startedAfterCall(
      () =>
        new Promise<number>((resolve) => {
          const n = ++started;
          releases.push(() => resolve(n));
        }),
    );
    const a = query();
    const b = query();
    const c = query();
    expect(started).toBe(1);
    releases[0]!();
    expect(await a).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toBe(2);
    releases[1]!();
    expect([await b, await c]).toEqual([2, 2]);
    const d = query();
    expect(started).toBe(3);
    releases[2]!();
    expect(await d).toBe(3);
  });
});
