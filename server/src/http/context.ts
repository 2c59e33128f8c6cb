import type { Db } from '../db/database.ts';

/** What every service needs: the database and a clock (tests pin the clock). */
export interface AppContext {
  db: Db;
  /** Today's date as YYYY-MM-DD, in UTC. */
  today(): string;
  /** The current instant as an ISO string. */
  now(): string;
}

export function createContext(db: Db, clock: () => Date = () => new Date()): AppContext {
  return {
    db,
    now: () => clock().toISOString(),
    today: () => clock().toISOString().slice(0, 10),
  };
}
