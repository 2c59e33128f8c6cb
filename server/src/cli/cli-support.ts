import { openDatabase, type Db } from '../db/database.ts';
import { createContext, type AppContext } from '../http/context.ts';
import { resolveDatabaseUrl } from '../config.ts';
import { systemCaller } from '../modules/auth/actor.ts';

/** An error whose message is meant for the user as it is. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const DB_OPTION_HELP = 'SQLite file path or postgres:// URL (default: $DATABASE_URL, else ./data/mandate.sqlite)';

/** Opens the database for one command and always closes it. */
export async function withContext<T>(dbFlag: string | undefined, run: (ctx: AppContext, db: Db) => Promise<T>): Promise<T> {
  const url = resolveDatabaseUrl(dbFlag);
  let db: Db;
  try {
    db = await openDatabase({ url });
  } catch (err) {
    throw new CliError(`cannot open the database ${url.replace(/:\/\/[^@]*@/, '://***@')}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return await run(createContext(db, undefined, systemCaller('cli')), db);
  } finally {
    await db.close();
  }
}

export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
