import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const MANDATE_BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/mandate.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `mandate` command in a child process; never throws, returns exit code and output. */
export async function mandate(args: string[]): Promise<CliResult> {
  try {
    // DATABASE_URL is cleared so a developer's own database is never touched by a test.
    const { stdout, stderr } = await run(process.execPath, [MANDATE_BIN, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DATABASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
