import type { Kysely } from 'kysely';
import type { Database, SessionTable } from '../../db/schema.ts';

type Q = Kysely<Database>;

export function insertSession(db: Q, s: SessionTable) {
  return db.insertInto('sessions').values(s).execute();
}

/** The session and its user in one query: every signed-in request runs it. */
export function sessionWithUser(db: Q, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at', 'sessions.last_seen_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export function touchSession(db: Q, id: string, at: string) {
  return db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export function deleteSession(db: Q, id: string) {
  return db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Q, userId: number): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Expired sessions are refused on sight; this keeps the table from growing with them. */
export function deleteExpiredSessions(db: Q, now: string) {
  return db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
