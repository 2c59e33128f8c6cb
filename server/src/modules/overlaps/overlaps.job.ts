import type { AppContext } from '../../http/context.ts';
import { findOverlapsParallel, OverlapInputError, type OverlapDocument, type OverlapOptions, type OverlapResult } from '../../analysis/overlap/index.ts';
import { diffSnapshots, dropKnownBoilerplate, findPartners, mergePairs, type Changes, type StoredPair } from '../../analysis/streamline/incremental.ts';
import { loadLibraryTexts, type LibraryText } from './library-texts.ts';
import { failRun, finishRun, getRun, latestDoneRun, runBoilerplate, runPairs, runSnapshot, storeResults, type PairRow, type RunRow } from './overlaps.repository.ts';
import { carryBoilerplate, cleanPairs, fromPairRow, toBoilerplateRow, toPairRow, wordIndex, type BoilerplateRow } from './run-results.ts';
import { progressWriter, type Progress } from './run-progress.ts';
import { ownRuns } from './run-liveness.ts';

export type OverlapEngine = (docs: OverlapDocument[], opts: OverlapOptions) => Promise<OverlapResult>;

export interface JobOptions {
  /** The real engine unless a test passes another. */
  engine?: OverlapEngine;
  engineOptions?: Omit<OverlapOptions, 'onProgress'>;
  /** Also told every progress report (the CLI's bar). */
  onProgress?: (p: Progress) => void;
  progressEveryMs?: number;
  heartbeatMs?: number;
  /** More changed documents than this share of the library: a full run is as cheap and exact. */
  incrementalMaxShare?: number;
}

export type RequestedMode = 'auto' | 'full';

/** Pairs are stored from this containment up, so the report's filter can go below the engine's default. */
export const STORED_MIN_CONTAINMENT = 0.1;

/** A failure whose message is for the user as it is. */
class RunError extends Error {}

interface Outcome {
  mode: 'full' | 'incremental';
  baseRunId: number | null;
  recomputed: number;
  pairs: PairRow[];
  boilerplate: BoilerplateRow[];
}

/**
 * Runs one analysis to its end: loads the library's texts, runs the engine
 * (on everything, or incrementally on what changed since the last finished
 * run), then stores the pairs, the boilerplate and the input snapshot in one
 * transaction and marks the run done. Any failure marks it failed with a
 * message for the user; the details go to the server log only.
 */
export async function runOverlapJob(ctx: AppContext, runId: number, requested: RequestedMode, o: JobOptions = {}): Promise<RunRow> {
  const db = ctx.db.kysely;
  ownRuns.add(runId);
  const progress = progressWriter(db, runId, ctx.now, { everyMs: o.progressEveryMs ?? 250, heartbeatMs: o.heartbeatMs ?? 5000 });
  const step = async (p: Progress) => {
    o.onProgress?.(p);
    await progress.phase(p);
  };
  try {
    await step({ phase: 'loading', done: 0, total: 0 });
    const texts = await loadLibraryTexts(db);
    await step({ phase: 'loading', done: texts.length, total: texts.length });
    const engine = o.engine ?? findOverlapsParallel;
    const onProgress = (p: Progress) => {
      o.onProgress?.(p);
      progress.report(p);
    };
    const outcome = await analyse(ctx, texts, requested, o, (docs) => engine(docs, { threshold: STORED_MIN_CONTAINMENT, ...o.engineOptions, onProgress }));
    await step({ phase: 'storing', done: 0, total: outcome.pairs.length });
    await progress.stop();
    const snapshot = texts.map((t) => ({ document_id: t.id, version: t.version, text_hash: t.hash, words: t.words, body_start: t.bodyStart }));
    await db.transaction().execute(async (trx) => {
      await storeResults(trx, runId, { snapshot, pairs: outcome.pairs, boilerplate: outcome.boilerplate });
      await trx.updateTable('overlap_runs').set({ mode: outcome.mode, base_run_id: outcome.baseRunId }).where('id', '=', runId).execute();
      const finished = await finishRun(trx, runId, { now: ctx.now(), documents: texts.length, recomputed: outcome.recomputed, pairs: outcome.pairs.length });
      if (!finished) throw new RunError('The run was ended by someone else (marked as interrupted) before its results were stored.');
    });
  } catch (err) {
    await progress.stop();
    await failRun(db, runId, messageFor(err), ctx.now()).catch(() => undefined);
  } finally {
    ownRuns.delete(runId);
  }
  const run = await getRun(db, runId);
  if (!run) throw new Error(`overlap run ${runId} vanished`);
  return run;
}

function messageFor(err: unknown): string {
  if (err instanceof OverlapInputError || err instanceof RunError) return err.message;
  // Ours or the database's fault: the log gets the details, the user a way forward.
  console.error('overlap run failed:', err);
  return 'The analysis failed unexpectedly. Run it again; if it fails again, the server log says why.';
}

async function analyse(ctx: AppContext, texts: LibraryText[], requested: RequestedMode, o: JobOptions, run: (docs: OverlapDocument[]) => Promise<OverlapResult>): Promise<Outcome> {
  const db = ctx.db.kysely;
  const base = requested === 'auto' ? await latestDoneRun(db) : undefined;
  if (base) {
    const previous = new Map((await runSnapshot(db, base.id)).map((s) => [s.document_id, s.text_hash]));
    const changes = diffSnapshots(previous, new Map(texts.map((t) => [t.id, t.hash])));
    if (changes.changed.length <= (o.incrementalMaxShare ?? 0.3) * texts.length) return incremental(ctx, base, texts, changes, run);
  }
  const result = await run(texts.map((t) => ({ id: String(t.id), text: t.text })));
  const byId = new Map(texts.map((t) => [t.id, t]));
  const words = wordIndex(new Map(texts.map((t) => [t.id, t.text])));
  const segmentsOf = (id: number) => byId.get(id)?.segments ?? [];
  return {
    mode: 'full',
    baseRunId: null,
    recomputed: texts.length,
    pairs: cleanPairs(result.pairs, byId, words, STORED_MIN_CONTAINMENT).map((p) => toPairRow(p, words)),
    boilerplate: result.boilerplate.map((b) => toBoilerplateRow(b, segmentsOf, words)).filter((b): b is BoilerplateRow => b !== null),
  };
}

/** Only pairs involving changed documents are recomputed; see analysis/streamline/incremental.ts. */
async function incremental(ctx: AppContext, base: RunRow, texts: LibraryText[], changes: Changes, run: (docs: OverlapDocument[]) => Promise<OverlapResult>): Promise<Outcome> {
  const db = ctx.db.kysely;
  const [basePairs, baseBoilerplate] = await Promise.all([runPairs(db, base.id), runBoilerplate(db, base.id)]);
  const touched = new Set([...changes.changed, ...changes.removed]);
  const boilerplate = carryBoilerplate(baseBoilerplate, touched);
  const kept = basePairs.filter((p) => !touched.has(p.doc_a) && !touched.has(p.doc_b));
  if (changes.changed.length === 0) return { mode: 'incremental', baseRunId: base.id, recomputed: 0, pairs: kept, boilerplate };

  const changed = new Set(changes.changed);
  const partners = findPartners(texts, changed);
  // Whoever a changed text overlapped before is asked again, so a pair that no longer overlaps goes away.
  for (const p of basePairs) {
    if (changed.has(p.doc_a)) partners.add(p.doc_b);
    if (changed.has(p.doc_b)) partners.add(p.doc_a);
  }
  const subset = texts.filter((t) => changed.has(t.id) || partners.has(t.id));
  const result = await run(subset.map((t) => ({ id: String(t.id), text: t.text })));
  const byId = new Map(texts.map((t) => [t.id, t]));
  const textById = new Map(texts.map((t) => [t.id, t.text]));
  const words = wordIndex(textById);
  const occurrences = boilerplate.flatMap((b) => JSON.parse(b.occurrences) as { id: number; start: number; end: number }[]);
  const fresh = dropKnownBoilerplate(cleanPairs(result.pairs, byId, words, 0), textById, changed, occurrences).filter((p) => p.containment >= STORED_MIN_CONTAINMENT);
  const merged = mergePairs<StoredPair>(kept.map(fromPairRow), fresh, changes);
  const keptRows = new Map(kept.map((r) => [`${r.doc_a}:${r.doc_b}`, r]));
  return {
    mode: 'incremental',
    baseRunId: base.id,
    recomputed: subset.length,
    // Kept rows are stored as they were (their covers need no recomputing).
    pairs: merged.map((p) => keptRows.get(`${p.a}:${p.b}`) ?? toPairRow(p, words)),
    boilerplate,
  };
}
