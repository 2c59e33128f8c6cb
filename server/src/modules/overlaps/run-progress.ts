import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { updateProgress } from './overlaps.repository.ts';

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/**
 * Writes a run's progress to its row at most every `everyMs` (the engine
 * reports far more often than anyone polls), and a heartbeat every
 * `heartbeatMs` even when nothing moved, so other processes can tell a live
 * run from one whose process died. Writes are chained: never two at once,
 * never out of order.
 */
export function progressWriter(db: Kysely<Database>, runId: number, now: () => string, o: { everyMs: number; heartbeatMs: number }) {
  let latest: Progress | null = null;
  let written: Progress | null = null;
  let lastWrite = 0;
  let chain: Promise<unknown> = Promise.resolve();
  const write = (p: Progress | null) => {
    lastWrite = Date.now();
    written = p;
    chain = chain.then(() => updateProgress(db, runId, { ...(p ?? {}), now: now() })).catch(() => undefined);
  };
  const timer = setInterval(() => {
    const moved = latest !== null && (latest.phase !== written?.phase || latest.done !== written.done || latest.total !== written.total);
    if (moved || Date.now() - lastWrite >= o.heartbeatMs) write(latest);
  }, o.everyMs);
  timer.unref();
  return {
    /** Called as often as the engine likes: only remembered here. */
    report(p: Progress) {
      latest = p;
    },
    /** A new phase of our own: written at once. */
    async phase(p: Progress) {
      latest = p;
      write(p);
      await chain;
    },
    async stop() {
      clearInterval(timer);
      await chain;
    },
  };
}
