import fs from 'node:fs';
import path from 'node:path';
import { BackupError } from './backup-error.ts';

/**
 * Writes a file under a temporary name in the same folder, flushes it to disk,
 * then renames it into place: a backup that fails or is killed half-way never
 * leaves a truncated file under the name someone will later restore from.
 */
export async function writeAtomically(out: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const target = path.resolve(out);
  const dir = path.dirname(target);
  const st = statOrNull(target);
  if (st?.isDirectory()) throw new BackupError(`${out} is a folder; give a file name`);
  if (!statOrNull(dir)?.isDirectory()) throw new BackupError(`cannot write ${out}: the folder ${dir} does not exist`);
  const tmp = path.join(dir, `.${path.basename(target)}.partial-${process.pid}-${Date.now()}`);
  try {
    await write(tmp);
    await fsyncPath(tmp);
    await fs.promises.rename(tmp, target);
    await fsyncPath(dir); // The rename itself must survive a power cut.
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw describeFsError(err, out);
  }
}

export async function fsyncPath(p: string): Promise<void> {
  const fh = await fs.promises.open(p, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Turns errno codes into sentences; errors that already speak to the operator pass through. */
export function describeFsError(err: unknown, file: string): Error {
  if (err instanceof BackupError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const reason: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    ENOENT: 'the folder does not exist',
  };
  if (code && reason[code]) return new BackupError(`cannot write ${file}: ${reason[code]}`);
  return err instanceof Error ? err : new Error(String(err));
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}
