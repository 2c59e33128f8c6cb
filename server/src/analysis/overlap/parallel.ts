import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { UnitRanges } from './align.ts';
import { ALIGN_BATCH_PAIRS, SIGNATURE_CHUNK_CHARS, findOverlaps } from './find-overlaps.ts';
import { OverlapInputError } from './options.ts';
import { afterSignatures, docRanges, finish, makePlan, pairBatches, type Plan } from './pipeline.ts';
import type { SignatureChunk } from './signatures.ts';
import type { OverlapDocument, OverlapOptions, OverlapResult } from './types.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

/** Below this many characters in all (and no `workers` option), starting workers costs more than it saves. */
export const PARALLEL_MIN_CHARS = 4_000_000;

export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

/** A fixed set of workers fed from one queue; a task goes to whichever worker is free. */
export class Pool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: { msg: WorkerRequest; transfer: ArrayBuffer[]; resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];
  private pending = new Map<number, { worker: Worker; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failed: Error | undefined;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./worker-entry.mjs', import.meta.url));
      w.on('message', (m: WorkerReply) => this.reply(w, m));
      w.on('error', (e) => this.fail(e instanceof Error ? e : new Error(String(e))));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`an overlap worker stopped (exit code ${code})`));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  broadcast(msg: WorkerRequest): void {
    for (const w of this.workers) w.postMessage(msg);
  }

  /** Sends `init` to every worker and resolves once all have loaded and answered. */
  init(msg: Extract<WorkerRequest, { type: 'init' }>): Promise<unknown[]> {
    return Promise.all(
      this.workers.map(
        (w) =>
          new Promise((resolve, reject) => {
            const id = this.nextId++;
            this.idle.splice(this.idle.indexOf(w), 1);
            this.pending.set(id, { worker: w, resolve, reject });
            w.postMessage({ ...msg, id });
          }),
      ),
    );
  }

  run<T>(msg: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ msg, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const task = this.queue.shift()!;
      const id = this.nextId++;
      (task.msg as { id: number }).id = id;
      this.pending.set(id, { worker: w, resolve: task.resolve, reject: task.reject });
      w.postMessage(task.msg, task.transfer);
    }
  }

  private reply(w: Worker, m: WorkerReply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    this.idle.push(w);
    if ('error' in m) p.reject(new Error(`overlap worker: ${m.error}`));
    else p.resolve(m.result);
    this.pump();
  }

  private fail(e: Error): void {
    if (this.failed) return;
    this.failed = e;
    for (const p of this.pending.values()) p.reject(e);
    for (const t of this.queue) t.reject(e);
    this.pending.clear();
    this.queue = [];
  }

  async close(): Promise<void> {
    this.failed ??= new Error('pool closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The signature stage of every document, spread over the pool's workers (progress reported as chunks finish). */
export async function parallelSignatures(pool: Pool, plan: Plan): Promise<SignatureChunk[]> {
  const ranges = docRanges(plan, Math.max(50_000, Math.min(SIGNATURE_CHUNK_CHARS, plan.corpus.codes.length / (pool.size * 4))));
  let docsDone = 0;
  plan.progress({ phase: 'signatures', done: 0, total: plan.ids.length });
  return Promise.all(
    ranges.map(([first, end]) =>
      pool.run<SignatureChunk>({ type: 'sig', id: 0, first, end }).then((c) => {
        docsDone += end - first;
        plan.progress({ phase: 'signatures', done: docsDone, total: plan.ids.length });
        return c;
      }),
    ),
  );
}

/**
 * findOverlaps on worker threads: signatures and alignment are spread over
 * `workers` threads (default: the machine's cores, at most 8) reading one
 * shared copy of the texts; candidate generation and the final assembly run
 * here. Same result as findOverlaps. Small corpora (under 4 million
 * characters) run on this thread unless `workers` is given.
 */
export async function findOverlapsParallel(docs: OverlapDocument[], opts: OverlapOptions = {}): Promise<OverlapResult> {
  if (opts.workers !== undefined && (!Number.isInteger(opts.workers) || opts.workers < 1 || opts.workers > 64)) {
    throw new OverlapInputError(`workers must be a whole number from 1 to 64 (got ${opts.workers})`);
  }
  const size = opts.workers ?? defaultWorkers();
  if (opts.workers === undefined && Array.isArray(docs)) {
    let chars = 0;
    for (const d of docs) chars += typeof d?.text === 'string' ? d.text.length : 0;
    if (chars < PARALLEL_MIN_CHARS || size === 1) return findOverlaps(docs, opts);
  }
  const plan = makePlan(docs, opts, true);
  const pool = new Pool(size);
  try {
    await pool.init({ type: 'init', id: 0, corpus: plan.corpus, params: plan.params });
    const chunks = await parallelSignatures(pool, plan);
    const mid = afterSignatures(plan, chunks, true);
    const ranges2: UnitRanges = { doc: mid.units.doc, tok: mid.units.tok, charStart: mid.units.charStart, charEnd: mid.units.charEnd };
    pool.broadcast({ type: 'units', units: ranges2 });
    const total = mid.candidates.pairs.length / 2;
    plan.progress({ phase: 'align', done: 0, total });
    const batches = pairBatches(mid.candidates.pairs, Math.max(500, Math.min(ALIGN_BATCH_PAIRS, Math.ceil(total / (size * 4)))));
    let done = 0;
    const records = await Promise.all(
      batches.map((b) => {
        const n = b.length / 2;
        return pool.run<Int32Array>({ type: 'align', id: 0, pairs: b }, [b.buffer as ArrayBuffer]).then((r) => {
          plan.progress({ phase: 'align', done: (done += n), total });
          return r;
        });
      }),
    );
    return finish(plan, mid, records);
  } finally {
    await pool.close();
  }
}
