import { Command } from 'commander';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { createContext } from '../http/context.ts';
import { resolveDatabaseUrl, resolvePort } from '../config.ts';
import { isEmpty, loadDemo } from '../demo/seed.ts';
import { CliError, DB_OPTION_HELP } from './cli-support.ts';
import { ensureInitialAdmin } from '../modules/auth/bootstrap.ts';
import type { AppContext } from '../http/context.ts';

/** First start: someone must be able to sign in. The generated password is printed here, once, and nowhere else. */
async function announceInitialAdmin(ctx: AppContext) {
  const admin = await ensureInitialAdmin(ctx).catch((err: Error) => {
    throw new CliError(err.message, 2);
  });
  if (!admin) return;
  if (admin.generatedPassword) {
    console.log(`No accounts yet: created the admin ${admin.email} with the one-time password:\n\n    ${admin.generatedPassword}\n`);
    console.log('It is shown only now. Sign in and change it (user menu), or set MANDATE_ADMIN_PASSWORD before the first start.');
  } else {
    console.log(`No accounts yet: created the admin ${admin.email} with the password from MANDATE_ADMIN_PASSWORD.`);
  }
}

export function serveCommand() {
  return new Command('serve')
    .description('Serve the web app and the API')
    .option('--port <port>', 'port to listen on (default: $PORT, else 3000)')
    .option('--host <host>', 'address to bind (0.0.0.0 to accept remote clients)', 'localhost')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--no-demo', 'do not load the demo library into an empty database')
    .option('--log', 'log every request')
    .action(async (opts: { port?: string; host: string; db?: string; demo: boolean; log?: boolean }) => {
      let port: number;
      try {
        port = resolvePort(opts.port);
      } catch (err) {
        throw new CliError((err as Error).message, 2);
      }
      const url = resolveDatabaseUrl(opts.db);
      const db = await openDatabase({ url }).catch((err: Error) => {
        throw new CliError(`cannot open the database: ${err.message}`);
      });
      const ctx = createContext(db);
      if (opts.demo && (await isEmpty(ctx))) {
        const t0 = Date.now();
        const demo = await loadDemo(ctx);
        console.log(`Empty database: loaded the demo library (${demo.documents} documents, ${demo.actions} action items) in ${Date.now() - t0} ms.`);
      }
      await announceInitialAdmin(ctx);
      const app = await buildApp(ctx, { logger: Boolean(opts.log) });
      try {
        await app.listen({ port, host: opts.host });
      } catch (err) {
        await db.close();
        const code = (err as NodeJS.ErrnoException).code;
        throw new CliError(code === 'EADDRINUSE' ? `port ${port} is already in use; try --port ${port + 1}` : `cannot listen on ${opts.host}:${port}: ${(err as Error).message}`);
      }
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      console.log(`Mandate is running at http://localhost:${actualPort}  (database: ${db.location})`);
      console.log('Import real documents with:  npx mandate import FILE.xml FILE.txt … [--json]   or the Import page.');
      const stop = async () => {
        await app.close();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
