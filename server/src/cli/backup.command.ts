import { Command, Option } from 'commander';
import { resolveDatabaseUrl } from '../config.ts';
import { backupDatabase } from '../modules/backup/backup.service.ts';
import type { BackupFormat } from '../modules/backup/restore-into.ts';
import { BackupError } from '../modules/backup/backup-error.ts';
import { CliError, DB_OPTION_HELP, printJson } from './cli-support.ts';

export function backupCommand() {
  return new Command('backup')
    .description('Back up the database while it runs: an exact SQLite copy, or a portable NDJSON dump (SQLite or PostgreSQL)')
    .requiredOption('--out <file>', 'where to write the backup (written under a temporary name, then renamed)')
    .addOption(new Option('--format <format>', 'sqlite (SQLite sources only) or ndjson (default: from --out, else sqlite for SQLite, ndjson for PostgreSQL)').choices(['sqlite', 'ndjson']))
    .option('--db <url>', DB_OPTION_HELP)
    .option('--json', 'print a JSON summary')
    .action(async (opts: { out: string; format?: BackupFormat; db?: string; json?: boolean }) => {
      const t0 = Date.now();
      const r = await backupDatabase({ url: resolveDatabaseUrl(opts.db), out: opts.out, format: opts.format }).catch(toCliError);
      const summary = { ...r, ms: Date.now() - t0 };
      if (opts.json) return printJson(summary);
      const what = r.rows ? `${Object.values(r.rows).reduce((a, b) => a + b, 0)} rows` : `${r.pages} pages`;
      console.error(`wrote ${r.file} (${r.format}, ${r.bytes} bytes, ${what}) in ${summary.ms} ms`);
    });
}

/** Failures the operator can act on become one-line messages; anything else stays an unexpected error. */
function toCliError(err: unknown): never {
  throw err instanceof BackupError ? new CliError(err.message) : err;
}
