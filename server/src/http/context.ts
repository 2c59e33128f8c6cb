import type { Db } from '../db/database.ts';
import { systemCaller, type Caller } from '../modules/auth/actor.ts';

/** What every service needs: the database, a clock (tests pin it) and who is calling. */
export interface AppContext {
  db: Db;
  /** Today's date as YYYY-MM-DD, in UTC. */
  today(): string;
  /** The current instant as an ISO string. */
  now(): string;
  caller: Caller;
}

export function createContext(db: Db, clock: () => Date = () => new Date(), caller: Caller = systemCaller()): AppContext {
  return {
    db,
    now: () => clock().toISOString(),
    today: () => clock().toISOString().slice(0, 10),
    caller,
  };
}

/** The same context acting for someone else (one per HTTP request). */
export function withCaller(ctx: AppContext, caller: Caller): AppContext {
  return { ...ctx, caller };
}
