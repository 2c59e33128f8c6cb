import type { ApiToken, CreatedToken, TokenInput, TokenScope } from '@mandate/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { untilChange } from '../../db/until-change.ts';
import type { AppContext } from '../../http/context.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from './actor.ts';
import { assertSelfOrAdmin, assertSignedIn, can, forbidden, hasRole } from './policy.ts';
import { randomSecret, sha256 } from './secrets.ts';
import { findTokens, getTokenRow, insertToken, listTokenRows, revokeTokenRow, touchToken, tokenWithUser, type TokenRow } from './tokens.repository.ts';
import { getUserRow, scopesOf } from './users.repository.ts';
import { actorOf } from './users.service.ts';

/** Recognisable in logs, secret scanners and support requests ("mdt_…"), like GitHub's ghp_. */
export const TOKEN_PREFIX = 'mdt_';
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;
const TOUCH_EVERY_MS = 5 * 60_000;

export function toApiToken(r: TokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: JSON.parse(r.scopes) as TokenScope[],
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

/** Creates a token for a user (yourself, or anyone when you are an admin). The secret is returned once. */
export async function createToken(ctx: AppContext, userId: number, input: TokenInput): Promise<CreatedToken> {
  assertSelfOrAdmin(ctx, userId);
  // Creating a credential is a write: a read-only token cannot mint itself a writing one.
  if (ctx.caller.actor.scopes && !ctx.caller.actor.scopes.includes('write')) throw forbidden('A read-only token cannot create tokens.');
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const owner = await getUserRow(trx, userId);
    if (!owner) throw notFound('User', userId);
    const scopes = [...new Set(input.scopes)].sort();
    const ownerActor = actorOf(owner, (await scopesOf(trx, [userId])).get(userId)!);
    if (scopes.includes('admin') && !hasRole(ownerActor, 'admin')) throw badRequest('Only an admin can hold a token with the admin scope.', [{ location: 'body.scopes', message: 'admin scope needs the admin role' }]);
    if (scopes.includes('write') && !hasRole(ownerActor, 'contributor')) throw badRequest('A viewer cannot write; give the token the read scope only.', [{ location: 'body.scopes', message: 'write scope needs a role that can write' }]);
    if (input.expiresAt !== null && `${input.expiresAt}T23:59:59.999Z` <= ctx.now()) throw badRequest('The expiry date has passed.', [{ location: 'body.expiresAt', message: 'in the past' }]);
    const token = `${TOKEN_PREFIX}${randomSecret()}`;
    const id = await insertToken(trx, {
      user_id: userId,
      name: input.name,
      token_hash: sha256(token),
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      scopes: JSON.stringify(scopes),
      expires_at: input.expiresAt === null ? null : `${input.expiresAt}T23:59:59.999Z`,
      created_at: ctx.now(),
    });
    const created = toApiToken((await getTokenRow(trx, id))!);
    await recordAudit(trx, ctx, { entity: 'token', entityId: id, action: 'create', before: null, after: { ...created, userId } });
    return { ...created, token };
  });
}

/** A user's tokens, without secrets (they are not stored). */
export async function listTokens(ctx: AppContext, userId: number): Promise<ApiToken[]> {
  assertSelfOrAdmin(ctx, userId);
  return (await listTokenRows(ctx.db.kysely, userId)).map(toApiToken);
}

/** Revokes a token by id or by the prefix shown in lists; owners revoke their own, admins anyone's. */
export async function revokeToken(ctx: AppContext, idOrPrefix: number | string): Promise<ApiToken> {
  const { actor } = ctx.caller;
  if (actor.kind !== 'system') assertSignedIn(ctx);
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const matches = await findTokens(trx, idOrPrefix);
    if (matches.length > 1) throw badRequest(`The prefix ${String(idOrPrefix)} matches ${matches.length} tokens; give the id.`);
    const row = matches[0];
    // Someone else's token is "not found" to non-admins: ids are not a way to learn about others' tokens.
    if (!row || (row.user_id !== actor.userId && !can(actor, 'admin'))) throw notFound('API token', idOrPrefix);
    if (row.user_id === actor.userId && actor.scopes && !actor.scopes.includes('write')) throw forbidden('A read-only token cannot revoke tokens.');
    const before = toApiToken(row);
    if (!row.revoked_at) await revokeTokenRow(trx, row.id, ctx.now());
    const after = toApiToken((await getTokenRow(trx, row.id))!);
    await recordAudit(trx, ctx, { entity: 'token', entityId: row.id, action: 'revoke', before, after });
    return after;
  });
}

interface KnownToken {
  id: number;
  actor: Actor;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** A token as the database knows it, or null when it is unknown, revoked or its owner is disabled. */
async function loadToken(db: Kysely<Database>, hash: string): Promise<KnownToken | null> {
  const row = await tokenWithUser(db, hash);
  if (!row || row.revoked_at !== null || row.disabled === 1) return null;
  const scopes = (await scopesOf(db, [row.id])).get(row.id)!;
  const actor = { ...actorOf(row, scopes), label: `${row.email} (token ${row.prefix}…)`, scopes: JSON.parse(row.scopes) as TokenScope[] };
  return { id: row.token_id, actor, expiresAt: row.expires_at, lastUsedAt: row.last_used_at };
}

/** Who a bearer token acts as, or null when it is unknown, revoked, expired or its owner is disabled. */
export async function tokenActor(ctx: AppContext, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const hash = sha256(token);
  // Kept until the next write: revoking, disabling the owner or changing their role are all writes, so they
  // take effect on the next request as before; scripts call with the same token all day.
  const known = await untilChange<string, KnownToken | null>(ctx.db, 'api-tokens', 1000).get(hash, () => loadToken(ctx.db.kysely, hash));
  const now = ctx.now();
  if (!known || (known.expiresAt !== null && known.expiresAt <= now)) return null;
  if (!known.lastUsedAt || Date.parse(now) - Date.parse(known.lastUsedAt) > TOUCH_EVERY_MS) await touchToken(ctx.db.kysely, known.id, now);
  return known.actor;
}
