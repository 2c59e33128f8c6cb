import { Command } from 'commander';
import { userInput, userPatch, USER_ROLES, type User } from '@mandate/shared';
import { HttpProblem } from '../http/problem.ts';
import { createUser, listUsers, patchUser } from '../modules/auth/users.service.ts';
import { findUserByEmail } from '../modules/auth/users.repository.ts';
import { CliError, DB_OPTION_HELP, printJson, withContext } from './cli-support.ts';

const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

/** Reads the whole of standard input (a password piped in, so it never shows in `ps` or the shell history). */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('--password-stdin reads the password from standard input: pipe it in, e.g. `printf %s "$PW" | mandate users add …`', 2);
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Service refusals (409 duplicate, 400 invalid) are the user's to fix: show the message, not a stack. */
export async function userFacing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof HttpProblem) throw new CliError(err.detail ?? err.title, err.status >= 500 ? 1 : 2);
    throw err;
  }
}

function describe(u: User): string {
  const scope = [...u.units.map((x) => `unit ${x}`), ...u.regions.map((x) => `region ${x}`)].join(', ');
  const flags = [u.disabled ? 'disabled' : '', u.sso ? 'sso' : '', u.lockedUntil ? `locked until ${u.lockedUntil}` : ''].filter(Boolean).join(', ');
  return `${String(u.id).padStart(4)}  ${u.email.padEnd(32)} ${u.role.padEnd(12)} ${scope}${flags ? `  (${flags})` : ''}`;
}

export function usersCommand() {
  const cmd = new Command('users').description('Manage accounts (the first admin is created by `mandate serve` on an empty database)');

  cmd
    .command('add')
    .description('Create an account')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--role <role>', `one of ${USER_ROLES.join(', ')}`)
    .option('--name <name>', 'display name', '')
    .option('--units <list>', 'contributors: responsible units they act for (names or acronyms, comma-separated)', list, [])
    .option('--regions <list>', 'contributors: regions they act for (comma-separated)', list, [])
    .option('--password-stdin', 'read the password from standard input (without it the account can only use single sign-on)')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--json', 'print the account as JSON')
    .action(async (opts: { email: string; role: string; name: string; units: string[]; regions: string[]; passwordStdin?: boolean; db?: string; json?: boolean }) => {
      const password = opts.passwordStdin ? await readStdin() : undefined;
      const parsed = userInput.safeParse({ email: opts.email, role: opts.role, name: opts.name, units: opts.units, regions: opts.regions, password });
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '), 2);
      await withContext(opts.db, async (ctx) => {
        const u = await userFacing(() => createUser(ctx, parsed.data));
        if (opts.json) return printJson(u);
        console.log(`Created ${u.role} ${u.email} (id ${u.id})${password ? '' : '; no password: single sign-on only'}.`);
      });
    });

  cmd
    .command('set')
    .description('Change an account: role, scope, name, password (also lifts a lockout), or disable it; the way back in for a locked-out admin')
    .requiredOption('--email <email>', 'whose account')
    .option('--role <role>', `one of ${USER_ROLES.join(', ')}`)
    .option('--name <name>', 'display name')
    .option('--units <list>', 'replace the units (comma-separated; "" for none)', list)
    .option('--regions <list>', 'replace the regions (comma-separated; "" for none)', list)
    .option('--password-stdin', 'read a new password from standard input')
    .option('--disable', 'disable the account (ends its sessions, stops its tokens)')
    .option('--enable', 'enable it again')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--json', 'print the account as JSON')
    .action(async (opts: { email: string; role?: string; name?: string; units?: string[]; regions?: string[]; passwordStdin?: boolean; disable?: boolean; enable?: boolean; db?: string; json?: boolean }) => {
      if (opts.disable && opts.enable) throw new CliError('--disable and --enable exclude each other', 2);
      const password = opts.passwordStdin ? await readStdin() : undefined;
      const disabled = opts.disable ? true : opts.enable ? false : undefined;
      const parsed = userPatch.safeParse({ role: opts.role, name: opts.name, units: opts.units, regions: opts.regions, password, disabled });
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '), 2);
      await withContext(opts.db, async (ctx) => {
        const row = await findUserByEmail(ctx.db.kysely, opts.email);
        if (!row) throw new CliError(`no user with the email ${opts.email}`, 2);
        const u = await userFacing(() => patchUser(ctx, row.id, parsed.data));
        if (opts.json) return printJson(u);
        console.log(describe(u));
      });
    });

  cmd
    .command('list')
    .description('List accounts')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      await withContext(opts.db, async (ctx) => {
        const users = await listUsers(ctx);
        if (opts.json) return printJson(users);
        for (const u of users) console.log(describe(u));
      });
    });

  return cmd;
}
