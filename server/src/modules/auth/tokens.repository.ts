import type { Kysely } from 'kysely';
import type { ApiTokenTable, Database } from '../../db/schema.ts';

type Q = Kysely<Database>;
export type TokenRow = Awaited<ReturnType<typeof getTokenRow>> & object;

export function getTokenRow(db: Q, id: number) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertToken(db: Q, values: Omit<ApiTokenTable, 'id' | 'last_used_at' | 'revoked_at'>): Promise<number> {
  return (await db.insertInto('api_tokens').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export function listTokenRows(db: Q, userId: number) {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** By numeric id, or by the shown prefix ("mdt_AbCd1234"). */
export function findTokens(db: Q, idOrPrefix: number | string) {
  const q = db.selectFrom('api_tokens').selectAll();
  if (typeof idOrPrefix === 'number') return q.where('id', '=', idOrPrefix).execute();
  return q.where('prefix', '=', idOrPrefix).execute();
}

export function revokeTokenRow(db: Q, id: number, at: string) {
  return db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
}

export function touchToken(db: Q, id: number, at: string) {
  return db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** The token and its owner in one query: every token-authenticated request runs it. */
export function tokenWithUser(db: Q, hash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.prefix', 'api_tokens.scopes', 'api_tokens.expires_at', 'api_tokens.revoked_at', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', hash)
    .executeTakeFirst();
}
