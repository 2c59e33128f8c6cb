import type { Kysely } from 'kysely';
import type { User, UserInput, UserPatch, UserRole } from '@mandate/shared';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { staleWrite } from '../../http/etag.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from './actor.ts';
import { hashPassword } from './password.ts';
import { assertCan } from './policy.ts';
import { deleteSessionsOf } from './sessions.repository.ts';
import {
  countActiveAdmins,
  findUserByEmail,
  getUserRow,
  insertUser,
  listUserRows,
  replaceScopes,
  scopesOf,
  updateUserRow,
  type Scopes,
  type UserRow,
} from './users.repository.ts';

type Q = Kysely<Database>;

/** The API's view of an account: never the password hash. */
export function toUser(r: UserRow, s: Scopes): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as UserRole,
    units: s.units,
    regions: s.regions,
    disabled: r.disabled === 1,
    lockedUntil: r.locked_until,
    sso: r.oidc_subject !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** Who a user acts as, for every service call of their requests. */
export function actorOf(r: UserRow, s: Scopes): Actor {
  return { kind: 'user', userId: r.id, label: r.email, role: r.role as UserRole, units: s.units, regions: s.regions };
}

export async function loadUser(db: Q, id: number): Promise<User> {
  const row = await getUserRow(db, id);
  if (!row) throw notFound('User', id);
  return toUser(row, (await scopesOf(db, [id])).get(id)!);
}

export async function listUsers(ctx: AppContext): Promise<User[]> {
  assertCan(ctx, 'admin');
  const rows = await listUserRows(ctx.db.kysely);
  const scopes = await scopesOf(ctx.db.kysely, rows.map((r) => r.id));
  return rows.map((r) => toUser(r, scopes.get(r.id)!));
}

export async function getUser(ctx: AppContext, id: number): Promise<User> {
  assertCan(ctx, 'admin');
  return loadUser(ctx.db.kysely, id);
}

/** Creates an account inside an open transaction (API, CLI, first start, single sign-on). */
export async function createUserIn(db: Q, ctx: AppContext, input: UserInput & { oidcIssuer?: string; oidcSubject?: string }): Promise<User> {
  if (await findUserByEmail(db, input.email)) throw new HttpProblem(409, 'Conflict', `A user with the email ${input.email} already exists.`);
  const now = ctx.now();
  const id = await insertUser(db, {
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: input.role,
    password_hash: input.password ? await hashPassword(input.password) : null,
    oidc_issuer: input.oidcIssuer ?? null,
    oidc_subject: input.oidcSubject ?? null,
    created_at: now,
    updated_at: now,
  });
  await replaceScopes(db, id, { units: input.units, regions: input.regions });
  const user = await loadUser(db, id);
  await recordAudit(db, ctx, { entity: 'user', entityId: id, action: 'create', before: null, after: user });
  return user;
}

export async function createUser(ctx: AppContext, input: UserInput): Promise<User> {
  assertCan(ctx, 'admin');
  return ctx.db.kysely.transaction().execute((trx) => createUserIn(trx, ctx, input));
}

/** Changes an account. Disabling or demoting ends its sessions; the last active admin stays an admin. */
export async function patchUser(ctx: AppContext, id: number, patch: UserPatch, expectedVersion?: number): Promise<User> {
  assertCan(ctx, 'admin');
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await loadUser(trx, id);
    const stale = () => staleWrite(`User ${before.email}`, expectedVersion ?? before.version, before);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw stale();
    const losesAdmin = before.role === 'admin' && !before.disabled && ((patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true);
    if (losesAdmin && (await countActiveAdmins(trx)) <= 1) {
      throw new HttpProblem(409, 'Conflict', 'This is the last active admin: make someone else admin first.');
    }
    const claimed = await updateUserRow(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
      // A new password from an admin also lifts a lockout.
      ...(patch.password !== undefined ? { password_hash: await hashPassword(patch.password), failed_logins: 0, locked_until: null } : {}),
      updated_at: ctx.now(),
    }, before.version);
    if (!claimed) throw stale();
    if (patch.units !== undefined || patch.regions !== undefined) {
      await replaceScopes(trx, id, { units: patch.units ?? before.units, regions: patch.regions ?? before.regions });
    }
    // Sessions carry no copy of the role (it is read on every request), but a disabled or
    // re-passworded account must not stay signed in anywhere.
    if (patch.disabled === true || patch.password !== undefined) await deleteSessionsOf(trx, id);
    const after = await loadUser(trx, id);
    // The hash never enters the trail; that the password changed does.
    const logged = patch.password !== undefined ? { ...after, password: '(changed)' } : after;
    await recordAudit(trx, ctx, { entity: 'user', entityId: id, action: 'update', before, after: logged });
    return after;
  });
}
