import type { OverlapRun, OverlapRunStart, OverlapStaleness, OverlapStatus } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { HttpProblem } from '../../http/problem.ts';
import { assertCan } from '../auth/policy.ts';
import { runOverlapJob, type JobOptions } from './overlaps.job.ts';
import { activeRuns, analysedVersions, insertRun, latestDoneRun, latestRun, runSnapshot, type RunRow } from './overlaps.repository.ts';
import { loadLibraryTexts } from './library-texts.ts';
import { failDeadRuns, OWNER } from './run-liveness.ts';
import { toApiRun } from './run-shape.ts';

/** Jobs this process runs in the background (tests and shutdown wait for them). */
const background = new Set<Promise<unknown>>();

export async function waitForOverlapJobs(): Promise<void> {
  while (background.size > 0) await Promise.allSettled([...background]);
}

function alreadyRunning(run: RunRow | undefined): HttpProblem {
  const who = run ? ` (started by ${run.started_by} at ${run.started_at})` : '';
  return new HttpProblem(409, 'Conflict', `An analysis is already running${who}. Wait for it to finish.`, undefined, run ? { run: toApiRun(run) } : undefined);
}

/** Creates the run row (one active run at a time, whoever asks, in any process) and returns it before any work starts. */
async function createRun(ctx: AppContext, mode: 'full' | 'incremental'): Promise<RunRow> {
  await failDeadRuns(ctx);
  const [active] = await activeRuns(ctx.db.kysely);
  if (active) throw alreadyRunning(active);
  try {
    return await insertRun(ctx.db.kysely, { mode, startedBy: ctx.caller.actor.label, now: ctx.now(), owner: OWNER });
  } catch (err) {
    // Two starts raced past the check: the unique index on `active` let one through.
    if (/unique|constraint/i.test(String((err as Error).message))) throw alreadyRunning((await activeRuns(ctx.db.kysely))[0]);
    throw err;
  }
}

/** What the run will most likely be (the job settles it once it sees how much changed). */
async function plannedMode(ctx: AppContext, requested: 'auto' | 'full'): Promise<'full' | 'incremental'> {
  return requested === 'auto' && (await latestDoneRun(ctx.db.kysely)) ? 'incremental' : 'full';
}

/** POST /overlaps/runs: 202 with the queued run; the job goes on in this process, off the request. */
export async function startOverlapRun(ctx: AppContext, body: OverlapRunStart, o: JobOptions = {}): Promise<OverlapRun> {
  assertCan(ctx, 'edit');
  const run = await createRun(ctx, await plannedMode(ctx, body.mode));
  const job = runOverlapJob(ctx, run.id, body.mode, o).catch((err: unknown) => console.error('overlap run', run.id, err));
  background.add(job);
  void job.finally(() => background.delete(job));
  return toApiRun(run);
}

/** The CLI: the same job, waited for. */
export async function runOverlapsNow(ctx: AppContext, mode: 'auto' | 'full', o: JobOptions = {}): Promise<RunRow> {
  assertCan(ctx, 'edit');
  const run = await createRun(ctx, await plannedMode(ctx, mode));
  return runOverlapJob(ctx, run.id, mode, o);
}

export async function getOverlapStatus(ctx: AppContext): Promise<OverlapStatus> {
  assertCan(ctx, 'read');
  await failDeadRuns(ctx);
  const db = ctx.db.kysely;
  const [run, report] = await Promise.all([latestRun(db), latestDoneRun(db)]);
  return { run: run ? toApiRun(run) : null, report: report ? toApiRun(report) : null, stale: report ? await staleness(ctx, report) : null };
}

/**
 * What changed in the library since a run read it: new documents, documents
 * whose text differs, and documents it read that are no longer analysed
 * (suppressed). Cheap enough for every poll: ids and versions first, and
 * only documents whose version moved are rebuilt and hashed (a change of
 * status or of the public flag moves the version, not the text).
 */
async function staleness(ctx: AppContext, run: RunRow): Promise<OverlapStaleness> {
  const db = ctx.db.kysely;
  const [snapshot, current] = await Promise.all([runSnapshot(db, run.id), analysedVersions(db)]);
  const read = new Map(snapshot.map((s) => [s.document_id, s]));
  const now = new Set(current.map((d) => d.id));
  const added = current.filter((d) => !read.has(d.id)).length;
  const removed = snapshot.filter((s) => !now.has(s.document_id)).length;
  const moved = current.filter((d) => read.has(d.id) && read.get(d.id)!.version !== d.version).map((d) => d.id);
  const texts = moved.length > 0 ? await loadLibraryTexts(db, moved) : [];
  const changed = texts.filter((t) => read.get(t.id)!.text_hash !== t.hash).length;
  return { added, changed, removed };
}
