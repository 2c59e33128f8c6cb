import cluster from 'node:cluster';
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
    .option('--workers <n>', 'API processes sharing the port (stateless; SQLite readers run in parallel under WAL)', '1')
    .action(async (opts: { port?: string; host: string; db?: string; demo: boolean; log?: boolean; workers: string }) => {
      let port: number;
      try {
        port = resolvePort(opts.port);
      } catch (err) {
        throw new CliError((err as Error).message, 2);
      }
      const workers = Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new CliError(`--workers must be a whole number from 1 to 64, not "${opts.workers}"`, 2);
      const url = resolveDatabaseUrl(opts.db);
      const db = await openDatabase({ url }).catch((err: Error) => {
        throw new CliError(`cannot open the database: ${err.message}`);
      });
      const ctx = createContext(db);
      // Workers only serve: the first process has already prepared the database.
      if (cluster.isWorker) {
        await listen(ctx, { port, host: opts.host, log: Boolean(opts.log) });
        return;
      }
      if (opts.demo && (await isEmpty(ctx))) {
        const t0 = Date.now();
        const demo = await loadDemo(ctx);
        console.log(`Empty database: loaded the demo library (${demo.documents} documents, ${demo.actions} action items) in ${Date.now() - t0} ms.`);
      }
      await announceInitialAdmin(ctx);
      if (workers > 1) return forkWorkers(ctx, workers, port);
      const actualPort = await listen(ctx, { port, host: opts.host, log: Boolean(opts.log) });
      announce(ctx, actualPort);
    });
}

function announce(ctx: AppContext, port: number) {
  console.log(`Mandate is running at http://localhost:${port}  (database: ${ctx.db.location})`);
  console.log('Import real documents with:  npx mandate import FILE.xml FILE.txt FILE.docx FILE.pdf … [--json]   or the Import page.');
}

async function listen(ctx: AppContext, o: { port: number; host: string; log: boolean }): Promise<number> {
  const app = await buildApp(ctx, { logger: o.log });
  try {
    await app.listen({ port: o.port, host: o.host });
  } catch (err) {
    await ctx.db.close();
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'EADDRINUSE' ? `port ${o.port} is already in use; try --port ${o.port + 1}` : `cannot listen on ${o.host}:${o.port}: ${(err as Error).message}`);
  }
  const stop = async () => {
    await app.close();
    await ctx.db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : o.port;
  process.send?.({ listening: actualPort });
  return actualPort;
}

/** Several API processes on one port (node:cluster hands connections round-robin); any that dies is replaced. */
async function forkWorkers(ctx: AppContext, workers: number, port: number) {
  await ctx.db.close();
  let announced = false;
  const fork = () =>
    cluster.fork().on('message', (m: { listening?: number }) => {
      if (m.listening !== undefined && !announced) {
        announced = true;
        announce(ctx, m.listening);
      }
    });
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (_w, code, signal) => {
    if (signal === 'SIGTERM' || signal === 'SIGINT' || stopping) return;
    console.error(`an API process exited (${signal ?? code}); starting another`);
    fork();
  });
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  void port;
}
