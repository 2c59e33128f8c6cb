import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { withCaller } from '../../http/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from './actor.ts';
import type { AuthConfig } from './auth-config.ts';
import { randomSecret, sha256 } from './secrets.ts';
import { deleteExpiredSessions, deleteSession, deleteSessionsOf, insertSession, sessionWithUser, touchSession } from './sessions.repository.ts';
import { scopesOf } from './users.repository.ts';
import { actorOf } from './users.service.ts';

export const SESSION_COOKIE = 'mandate_session';
/** Readable by the web app (not HttpOnly) so it can echo it in X-CSRF-Token; useless to another site, which cannot read our cookies. */
export const CSRF_COOKIE = 'mandate_csrf';

/** last_seen_at is written at most this often, so reads do not turn into writes on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

export interface NewSession {
  /** The cookie value: only the browser holds it; the database keeps its SHA-256. */
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ResolvedSession {
  id: string;
  actor: Actor;
  csrfToken: string;
}

/** Opens a session for a user who just proved who they are; audited as a sign-in by that user. */
export async function openSession(db: Kysely<Database>, ctx: AppContext, actor: Actor, cfg: AuthConfig, meta: { ip: string; userAgent: string; method: string }): Promise<NewSession> {
  const secret = randomSecret();
  const csrfToken = randomSecret();
  const now = new Date(ctx.now());
  const expiresAt = new Date(now.getTime() + cfg.sessionMaxMs);
  const id = sha256(secret);
  await deleteExpiredSessions(db, now.toISOString());
  await insertSession(db, {
    id,
    user_id: actor.userId!,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    last_seen_at: now.toISOString(),
    ip: meta.ip,
    user_agent: meta.userAgent.slice(0, 300),
  });
  // The trail names the session by a short piece of its hash: enough to follow it, useless to steal it.
  await recordAudit(db, withCaller(ctx, { ...ctx.caller, actor }), {
    entity: 'session',
    entityId: id.slice(0, 12),
    action: 'login',
    before: null,
    after: { userId: actor.userId, method: meta.method, ip: meta.ip, expiresAt: expiresAt.toISOString() },
  });
  return { secret, csrfToken, expiresAt };
}

/** The session behind a cookie, or null when it is unknown, expired (idle or absolute) or its user is disabled. */
export async function resolveSession(ctx: AppContext, secret: string, cfg: AuthConfig): Promise<ResolvedSession | null> {
  const db = ctx.db.kysely;
  const id = sha256(secret);
  const row = await sessionWithUser(db, id);
  if (!row) return null;
  const now = new Date(ctx.now()).getTime();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (row.disabled === 1 || new Date(row.expires_at).getTime() <= now || now - lastSeen > cfg.sessionIdleMs) {
    await deleteSession(db, id);
    return null;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) await touchSession(db, id, new Date(now).toISOString());
  const scopes = (await scopesOf(db, [row.id])).get(row.id)!;
  return { id, actor: actorOf(row, scopes), csrfToken: row.csrf_token };
}

/** Signs out one session (this browser). */
export async function closeSession(ctx: AppContext, id: string): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await deleteSession(trx, id);
    await recordAudit(trx, ctx, { entity: 'session', entityId: id.slice(0, 12), action: 'logout', before: { userId: ctx.caller.actor.userId }, after: null });
  });
}

/** Signs a user out everywhere: every browser must sign in again. API tokens are separate and stay. */
export async function closeAllSessions(ctx: AppContext, userId: number): Promise<number> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const n = await deleteSessionsOf(trx, userId);
    await recordAudit(trx, ctx, { entity: 'session', entityId: `user:${userId}`, action: 'logout', before: { userId, sessions: n }, after: null });
    return n;
  });
}
