import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../http/context.ts';
import { loadDemo } from '../../demo/seed.ts';
import { importDocuments } from '../library/import.service.ts';
import { addUpdateIn, patchActionIn } from '../actions/actions.service.ts';
import { SHARED_DATA } from '../../test-support/test-db.ts';

/**
 * Text that trips naive dumps: quotes, backslashes, line and paragraph
 * separators (JSON allows them raw, line readers may split on them), Arabic,
 * emoji, and case/accents that sort differently under a locale collation.
 */
export const AWKWARD_TEXT = 'Rapport "annuel" \\ C:\\temp\nligne 2\r\n\u2028\u2029 تقرير سنوي 📈 — fin';
const AWKWARD_KEYS = ['AI', 'ai-ethics', 'Zeta', 'éthique', '_x', 'ab', 'Ab', 'a b'];

/** An account as the auth module stores it, inserted directly so these tests do not depend on its services. */
async function addAccounts(ctx: AppContext) {
  const k = ctx.db.kysely;
  const now = ctx.now();
  const user = await k
    .insertInto('users')
    .values({ email: 'focal.point@example.org', name: 'Fatima Zahra El-Idrissi — فاطمة', password_hash: null, role: 'contributor', locked_until: null, oidc_issuer: null, oidc_subject: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('user_scopes')
    .values(AWKWARD_KEYS.map((value, i) => ({ user_id: user.id, kind: i % 2 ? ('region' as const) : ('unit' as const), value })))
    .execute();
  await k
    .insertInto('sessions')
    .values([
      { id: 'f'.repeat(64), user_id: user.id, csrf_token: 'csrf-1', created_at: now, expires_at: now, last_seen_at: now, ip: '192.0.2.1', user_agent: 'Mozilla/5.0' },
      { id: '0'.repeat(64), user_id: user.id, csrf_token: 'csrf-2', created_at: now, expires_at: now, last_seen_at: now, ip: '', user_agent: '' },
    ])
    .execute();
  await k
    .insertInto('api_tokens')
    .values({ user_id: user.id, name: 'integration', token_hash: 'h'.repeat(64), prefix: 'mdt_abcd', scopes: '["read","write"]', expires_at: null, created_at: now, last_used_at: null, revoked_at: null })
    .execute();
}

/**
 * A database that looks like a real one: the demo library and plan, a PP-18
 * resolution in Akoma Ntoso, edits and progress updates (each audited), and
 * an account with scopes, sessions and a token.
 */
export async function buildRealisticDb(ctx: AppContext): Promise<void> {
  await loadDemo(ctx);
  const res2 = fs.readFileSync(path.join(SHARED_DATA, 'itu-pp18/res_2.xml'));
  const summary = await importDocuments(ctx, [{ name: 'res_2.xml', content: res2 }]);
  if (summary.failed.length > 0) throw new Error(`res_2.xml failed: ${JSON.stringify(summary.failed)}`);

  const ids = (await ctx.db.kysely.selectFrom('actions').select('id').orderBy('id').limit(3).execute()).map((r) => r.id);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const [i, id] of ids.entries()) {
      await patchActionIn(trx, ctx, id, { title: `${AWKWARD_TEXT} ${i}`, status: 'in_progress', progress: 40 + i, tags: AWKWARD_KEYS });
      await addUpdateIn(trx, ctx, id, { text: AWKWARD_TEXT, progress: 50 + i, evidence: [] });
    }
  });
  // A document edited after import: its version moves on, its status is no longer the default.
  await ctx.db.kysely.updateTable('documents').set({ status: 'suppressed', is_public: 1, version: 7 }).where('source_name', '=', 'res_2.xml').execute();
  await addAccounts(ctx);
}
