import type { User } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { HttpProblem } from '../../http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertSignedIn, forbidden } from './policy.ts';
import { getUserRow, updateUserRow } from './users.repository.ts';
import { loadUser } from './users.service.ts';

/** The signed-in user, or null for anonymous visitors (and the system, which is nobody's account). */
export async function currentUser(ctx: AppContext): Promise<User | null> {
  const id = ctx.caller.actor.userId;
  return id === null ? null : loadUser(ctx.db.kysely, id);
}

/**
 * Changes your own password after proving you know the current one. Every
 * other session of yours ends: whoever might have had the old password is out.
 */
export async function changeOwnPassword(ctx: AppContext, input: { current: string; password: string }, keepSessionId?: string): Promise<User> {
  const id = assertSignedIn(ctx);
  if (ctx.caller.actor.scopes) throw forbidden('Change your password in the web app, not with an API token.');
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await getUserRow(trx, id);
    if (!row || !(await verifyPassword(row.password_hash, input.current))) throw new HttpProblem(400, 'Bad request', 'The current password is wrong.', [{ location: 'body.current', message: 'wrong password' }]);
    const before = await loadUser(trx, id);
    await updateUserRow(trx, id, { password_hash: await hashPassword(input.password), updated_at: ctx.now() });
    let q = trx.deleteFrom('sessions').where('user_id', '=', id);
    if (keepSessionId) q = q.where('id', '!=', keepSessionId);
    await q.execute();
    const after = await loadUser(trx, id);
    await recordAudit(trx, ctx, { entity: 'user', entityId: id, action: 'update', before, after: { ...after, password: '(changed)' } });
    return after;
  });
}
