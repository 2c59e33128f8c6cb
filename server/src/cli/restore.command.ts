import { Command } from 'commander';
import { resolveDatabaseUrl } from '../config.ts';
import { restoreBackup } from '../modules/backup/restore.service.ts';
import { BackupError } from '../modules/backup/backup-error.ts';
import { CliError, DB_OPTION_HELP, printJson } from './cli-support.ts';

export function restoreCommand() {
  return new Command('restore')
    .description('Restore a backup (SQLite copy or NDJSON dump) into an empty database; stop the server first')
    .argument('<file>', 'the backup file (its format is recognised from its content)')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--force', 'replace a database that holds data (the old one is kept aside as FILE.replaced-<time> or schema <name>_replaced_<time>)')
    .option('--json', 'print a JSON summary')
    .action(async (file: string, opts: { db?: string; force?: boolean; json?: boolean }) => {
      const t0 = Date.now();
      const r = await restoreBackup(file, { url: resolveDatabaseUrl(opts.db), force: opts.force }).catch(toCliError);
      const summary = { ...r, ms: Date.now() - t0 };
      if (opts.json) return printJson(summary);
      const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
      console.error(`restored ${total} rows from ${file} (${r.format}) into ${r.target} in ${summary.ms} ms`);
      if (r.replaced) console.error(`the data it replaced is kept in ${r.replaced}`);
    });
}

/** Failures the operator can act on become one-line messages; anything else stays an unexpected error. */
function toCliError(err: unknown): never {
  throw err instanceof BackupError ? new CliError(err.message) : err;
}
