import { Command } from 'commander';
import { tokenScope, type TokenScope } from '@mandate/shared';
import { findUserByEmail } from '../modules/auth/users.repository.ts';
import { createToken, listTokens, revokeToken } from '../modules/auth/tokens.service.ts';
import { CliError, DB_OPTION_HELP, printJson, withContext } from './cli-support.ts';
import { userFacing } from './users.command.ts';
import type { AppContext } from '../http/context.ts';

/** "2027-01-01" as it is, or "90d" counted from today. */
export function parseExpiry(raw: string | undefined, today: string): string | null {
  if (raw === undefined || raw === 'never') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw))) return raw;
  const days = /^(\d{1,5})d$/.exec(raw);
  if (days) return new Date(Date.parse(`${today}T00:00:00Z`) + Number(days[1]) * 86_400_000).toISOString().slice(0, 10);
  throw new CliError(`--expires takes a date (2027-01-01), a number of days (90d) or "never", not "${raw}"`, 2);
}

function parseScopes(raw: string): TokenScope[] {
  const scopes = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = scopes.filter((s) => !tokenScope.safeParse(s).success);
  if (bad.length > 0 || scopes.length === 0) throw new CliError(`--scopes takes read, write and/or admin, not "${raw}"`, 2);
  return scopes as TokenScope[];
}

async function userIdOf(ctx: AppContext, email: string): Promise<number> {
  const u = await findUserByEmail(ctx.db.kysely, email);
  if (!u) throw new CliError(`no user with the email ${email} (see \`mandate users list\`)`, 2);
  return u.id;
}

export function tokensCommand() {
  const cmd = new Command('tokens').description('API tokens for scripts and integrations (sent as Authorization: Bearer …)');

  cmd
    .command('create')
    .description('Create a token for a user; the secret is printed once and cannot be shown again')
    .requiredOption('--email <email>', 'the user the token acts as')
    .option('--name <name>', 'what the token is for', '')
    .option('--expires <when>', 'expiry: a date (2027-01-01), a number of days (90d) or never', 'never')
    .option('--scopes <list>', 'read, write and/or admin (never beyond the user\'s role)', 'read')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--json', 'print {token, …} as JSON')
    .action(async (opts: { email: string; name: string; expires: string; scopes: string; db?: string; json?: boolean }) => {
      const scopes = parseScopes(opts.scopes);
      await withContext(opts.db, async (ctx) => {
        const expiresAt = parseExpiry(opts.expires, ctx.today());
        const created = await userFacing(async () => createToken(ctx, await userIdOf(ctx, opts.email), { name: opts.name, scopes, expiresAt }));
        if (opts.json) return printJson(created);
        console.log(created.token);
        console.error(`Token ${created.prefix}… for ${opts.email} (${created.scopes.join(', ')}${created.expiresAt ? `, expires ${created.expiresAt.slice(0, 10)}` : ''}). Keep it secret: it is not shown again.`);
      });
    });

  cmd
    .command('list')
    .description("List a user's tokens (never their secrets)")
    .requiredOption('--email <email>', 'whose tokens')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { email: string; db?: string; json?: boolean }) => {
      await withContext(opts.db, async (ctx) => {
        const tokens = await listTokens(ctx, await userIdOf(ctx, opts.email));
        if (opts.json) return printJson(tokens);
        for (const t of tokens) console.log(`${String(t.id).padStart(4)}  ${t.prefix}…  ${t.scopes.join(',').padEnd(16)} ${t.revokedAt ? 'revoked' : t.expiresAt ? `expires ${t.expiresAt.slice(0, 10)}` : 'no expiry'}  ${t.name}`);
      });
    });

  cmd
    .command('revoke <idOrPrefix>')
    .description('Revoke a token by id or by the prefix shown in lists (mdt_…)')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--json', 'print the revoked token as JSON')
    .action(async (idOrPrefix: string, opts: { db?: string; json?: boolean }) => {
      const key = /^\d+$/.test(idOrPrefix) ? Number(idOrPrefix) : idOrPrefix.replace(/…$/, '');
      await withContext(opts.db, async (ctx) => {
        const t = await userFacing(() => revokeToken(ctx, key));
        if (opts.json) return printJson(t);
        console.log(`Revoked token ${t.prefix}… (id ${t.id}).`);
      });
    });

  return cmd;
}
