import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Db } from './database.ts';
import { openSqliteTestDb, type TestDb } from '../test-support/test-db.ts';
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

  it('keeps nothing where the dialect cannot tell changes (PostgreSQL)', async () => {
    const blind = { changeToken: () => null } as unknown as Db;
    const cache = new UntilChange<string, number>(blind, 10);
    const c = counted();
    await cache.get('k', c.load);
    expect(await cache.get('k', c.load)).toBe(2);
  });
});
