import { Command, CommanderError } from 'commander';
import { serveCommand } from './serve.command.ts';
import { importCommand } from './import.command.ts';
import { exportCommand } from './export.command.ts';
import { statsCommand } from './stats.command.ts';
import { backupCommand } from './backup.command.ts';
import { restoreCommand } from './restore.command.ts';
import { usersCommand } from './users.command.ts';
import { tokensCommand } from './tokens.command.ts';
import { CliError } from './cli-support.ts';

const program = new Command()
  .name('mandate')
  .description('Resolutions library and action plan for the secretariats of international bodies.')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

// `mandate refs --all | head`: the reader went away; stop quietly instead of printing an EPIPE stack.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

program.addCommand(serveCommand());
program.addCommand(importCommand());
program.addCommand(exportCommand());
program.addCommand(statsCommand());
program.addCommand(usersCommand());
program.addCommand(tokensCommand());
program.addCommand(backupCommand());
program.addCommand(restoreCommand());
program.addCommand((await import('./parse.command.ts')).parseCommand());
program.addCommand((await import('./overlaps.command.ts')).overlapsCommand());
program.addCommand((await import('./diff.command.ts')).diffCommand());
program.addCommand((await import('./refs.command.ts')).refsCommand());
program.addCommand((await import('./streamline.command.ts')).streamlineCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof CliError) {
    console.error(`mandate: ${err.message}`);
    process.exit(err.exitCode);
  }
  // Unexpected: one line for the user, details only when asked for.
  console.error(`mandate: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.MANDATE_DEBUG) console.error(err);
  process.exit(1);
}
