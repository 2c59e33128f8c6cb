import { DEFAULT_SQLITE_PATH } from './db/database.ts';

/** Where the data lives: --db wins, then DATABASE_URL, then the embedded SQLite file under ./data/. */
export function resolveDatabaseUrl(flag?: string): string {
  return flag || process.env.DATABASE_URL || DEFAULT_SQLITE_PATH;
}

export function resolvePort(flag?: string): number {
  const raw = flag ?? process.env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port "${raw}"`);
  return port;
}
