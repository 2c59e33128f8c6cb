import fs from 'node:fs';
import { Command, Option } from 'commander';
import { exportPlan, type ExportFormat } from '../modules/plan-io/plan-export.service.ts';
import { CliError, DB_OPTION_HELP, printJson, withContext } from './cli-support.ts';

export function exportCommand() {
  const cmd = new Command('export').description('Export data');
  cmd
    .command('actions')
    .description('Export the action plan')
    .addOption(new Option('--format <format>', 'file format').choices(['xlsx', 'csv', 'json']).default('xlsx'))
    .option('--out <file>', 'where to write (default: stdout for csv and json)')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--json', 'print a JSON summary')
    .action(async (opts: { format: ExportFormat; out?: string; db?: string; json?: boolean }) => {
      if (!opts.out && opts.format === 'xlsx') throw new CliError('--out FILE is required for xlsx', 2);
      await withContext(opts.db, async (ctx) => {
        const file = await exportPlan(ctx, opts.format);
        if (!opts.out) return void process.stdout.write(file.content);
        try {
          fs.writeFileSync(opts.out, file.content);
        } catch (err) {
          throw new CliError(`cannot write ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
        }
        const summary = { out: opts.out, format: opts.format, bytes: file.content.byteLength };
        if (opts.json) printJson(summary);
        else console.error(`wrote ${opts.out} (${summary.bytes} bytes)`);
      });
    });
  return cmd;
}
