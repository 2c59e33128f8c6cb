import type { User } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { withCaller } from '../../http/context.ts';
import { HttpProblem } from '../../http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthConfig } from './auth-config.ts';
import { hashPassword, needsRehash, verifyPassword } from './password.ts';
import { FailureWindow } from './rate-limit.ts';
import { openSession, type NewSession } from './sessions.service.ts';
import { clearFailedLogins, findUserByEmail, recordFailedLogin, scopesOf, setPasswordHash, updateUserRow } from './users.repository.ts';
import { actorOf, loadUser } from './users.service.ts';

/** 429 with the seconds to wait; the route turns `retryAfter` into a Retry-After header. */
export class TooManyAttempts extends HttpProblem {
  constructor(readonly retryAfter: number) {
    super(429, 'Too many requests', `Too many failed sign-ins. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`);
  }
}

/** One message for an unknown email, a wrong password and a disabled account: none tells which. */
const wrongCredentials = () => new HttpProblem(401, 'Unauthorized', 'Wrong email or password.');

/** Failure counters that live with one running app (see FailureWindow for why in memory). */
export interface LoginGuard {
  ip: FailureWindow;
  /** Unknown emails fail and lock exactly like real accounts, so a lockout does not reveal that an account exists. */
  unknownEmail: FailureWindow;
}

export function createLoginGuard(cfg: AuthConfig): LoginGuard {
  return { ip: new FailureWindow(cfg.ipMaxFailures, cfg.ipWindowMs), unknownEmail: new FailureWindow(cfg.maxFailures, cfg.lockoutMs) };
}

export interface LoginMeta {
  ip: string;
  userAgent: string;
}

export async function login(ctx: AppContext, cfg: AuthConfig, guard: LoginGuard, input: { email: string; password: string }, meta: LoginMeta): Promise<{ user: User; session: NewSession }> {
  const db = ctx.db.kysely;
  const now = Date.parse(ctx.now());
  const email = input.email.trim().toLowerCase();
  const ipWait = guard.ip.retryAfter(meta.ip, now);
  if (ipWait > 0) throw new TooManyAttempts(ipWait);

  const row = await findUserByEmail(db, email);
  if (!row) {
    const wait = guard.unknownEmail.retryAfter(email, now);
    if (wait > 0) throw new TooManyAttempts(wait);
    await verifyPassword(null, input.password);
    guard.unknownEmail.fail(email, now);
    guard.ip.fail(meta.ip, now);
    throw wrongCredentials();
  }
  if (row.locked_until && Date.parse(row.locked_until) > now) throw new TooManyAttempts(Math.ceil((Date.parse(row.locked_until) - now) / 1000));

  const ok = (await verifyPassword(row.password_hash, input.password)) && row.disabled === 0;
  if (!ok) {
    guard.ip.fail(meta.ip, now);
    const failures = await recordFailedLogin(db, row.id);
    if (failures >= cfg.maxFailures) await lock(ctx, row.id, new Date(now + cfg.lockoutMs).toISOString());
    throw wrongCredentials();
  }

  const actor = actorOf(row, (await scopesOf(db, [row.id])).get(row.id)!);
  return db.transaction().execute(async (trx) => {
    if (row.failed_logins > 0 || row.locked_until) await clearFailedLogins(trx, row.id);
    // Parameters were raised since this hash was made: upgrade it now that we hold the password.
    if (needsRehash(row.password_hash!)) await setPasswordHash(trx, row.id, await hashPassword(input.password));
    const session = await openSession(trx, ctx, actor, cfg, { ...meta, method: 'password' });
    return { user: await loadUser(trx, row.id), session };
  });
}

/** Locks an account after too many failures; audited, since it changes what the account can do. */
async function lock(ctx: AppContext, id: number, until: string) {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await loadUser(trx, id);
    await updateUserRow(trx, id, { locked_until: until, failed_logins: 0 });
    const after = await loadUser(trx, id);
    const system = withCaller(ctx, { ...ctx.caller, actor: { ...ctx.caller.actor, label: `${ctx.caller.actor.label} (sign-in throttle)` } });
    await recordAudit(trx, system, { entity: 'user', entityId: id, action: 'update', before, after });
  });
}
