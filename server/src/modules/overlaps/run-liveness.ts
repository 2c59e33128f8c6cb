import os from 'node:os';
import type { AppContext } from '../../http/context.ts';
import { activeRuns, failRun, type RunRow } from './overlaps.repository.ts';

/** Who runs a job: this host and process. Containers reuse pid 1, so the process also keeps its own list (below). */
export const OWNER = `${os.hostname()}:${process.pid}`;

/** Runs this process is executing now. */
export const ownRuns = new Set<number>();

/** A run whose heartbeat is this old is dead, wherever it ran (the job beats every few seconds). */
export const DEAD_AFTER_MS = 2 * 60_000;

export const INTERRUPTED = 'Interrupted: the process running the analysis stopped before it finished. Run it again.';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isDead(run: RunRow, nowMs: number): boolean {
  if (ownRuns.has(run.id)) return false;
  if (run.owner === OWNER) return true; // ours by name, but not running here: left by an earlier process with our pid
  const [host, pid] = [run.owner.slice(0, run.owner.lastIndexOf(':')), Number(run.owner.slice(run.owner.lastIndexOf(':') + 1))];
  if (host === os.hostname() && Number.isInteger(pid) && pid > 0 && !processAlive(pid)) return true;
  return nowMs - Date.parse(run.heartbeat_at) > DEAD_AFTER_MS;
}

/**
 * Marks runs left queued or running by a process that is gone as failed
 * ("interrupted"). Called when the server starts, and before a run is
 * started or a status read, so a crash elsewhere never blocks new runs.
 */
export async function failDeadRuns(ctx: AppContext): Promise<number> {
  const nowMs = Date.parse(ctx.now());
  let failed = 0;
  for (const run of await activeRuns(ctx.db.kysely)) {
    if (!isDead(run, nowMs)) continue;
    await failRun(ctx.db.kysely, run.id, INTERRUPTED, ctx.now());
    failed++;
  }
  return failed;
}

/** The server is stopping: its runs will not finish. Their jobs see the run ended and store nothing. */
export async function failOwnRuns(ctx: AppContext): Promise<void> {
  for (const id of ownRuns) await failRun(ctx.db.kysely, id, INTERRUPTED, ctx.now()).catch(() => undefined);
}
