import type { AppContext } from '../../http/context.ts';
import { withCaller } from '../../http/context.ts';
import { systemCaller } from './actor.ts';
import { randomSecret } from './secrets.ts';
import { countUsers } from './users.repository.ts';
import { createUserIn } from './users.service.ts';

export interface InitialAdmin {
  email: string;
  /** Set only when it was generated: the caller prints it once and nowhere else. */
  generatedPassword: string | null;
}

/**
 * On a database without any account, creates the first admin so someone can
 * sign in at all. Email from MANDATE_ADMIN_EMAIL (default admin@localhost);
 * password from MANDATE_ADMIN_PASSWORD, else a random one returned to be shown
 * once. Returns null when accounts already exist (the usual case).
 */
export async function ensureInitialAdmin(ctx: AppContext, env: NodeJS.ProcessEnv = process.env): Promise<InitialAdmin | null> {
  const system = withCaller(ctx, systemCaller('first start'));
  return ctx.db.kysely.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) return null;
    const email = (env.MANDATE_ADMIN_EMAIL || 'admin@localhost').trim().toLowerCase();
    const given = env.MANDATE_ADMIN_PASSWORD;
    if (given !== undefined && given !== '' && given.length < 12) throw new Error('MANDATE_ADMIN_PASSWORD must be at least 12 characters');
    const password = given || randomSecret(15); // 120 bits, 20 characters
    await createUserIn(trx, system, { email, name: 'Administrator', role: 'admin', units: [], regions: [], password });
    return { email, generatedPassword: given ? null : password };
  });
}
