import { Command } from 'commander';
import { getStats } from '../modules/dashboard/dashboard.service.ts';
import { DB_OPTION_HELP, printJson, withContext } from './cli-support.ts';

export function statsCommand() {
  return new Command('stats')
    .description('Count documents, clauses and action items (by status)')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      await withContext(opts.db, async (ctx) => {
        const s = await getStats(ctx);
        if (opts.json) return printJson(s);
        console.log(`documents ${s.documents}\nclauses   ${s.clauses}\nactions   ${s.actions}\nsuggested ${s.suggestions}`);
        for (const [status, n] of Object.entries(s.byStatus)) console.log(`  ${status.padEnd(12)} ${n}`);
      });
    });
}
