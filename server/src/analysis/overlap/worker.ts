import { parentPort } from 'node:worker_threads';
import { alignStage, type UnitRanges } from './align.ts';
import type { Params } from './options.ts';
import { signatureStage, type Corpus } from './signatures.ts';

/**
 * Worker thread of findOverlapsParallel: runs signatureStage and alignStage
 * on the shared corpus (a SharedArrayBuffer of code units, never copied).
 * Loaded through worker-entry.mjs, which registers tsx first.
 */
export type WorkerRequest =
  | { type: 'init'; id: number; corpus: Corpus; params: Params }
  | { type: 'units'; units: UnitRanges }
  | { type: 'sig'; id: number; first: number; end: number }
  | { type: 'align'; id: number; pairs: Uint32Array };

export type WorkerReply = { id: number; result: unknown } | { id: number; error: string };

let corpus: Corpus | undefined;
let params: Params | undefined;
let units: UnitRanges | undefined;

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

port.on('message', (m: WorkerRequest) => {
  if (m.type === 'init') {
    corpus = m.corpus;
    params = m.params;
    port.postMessage({ id: m.id, result: 'ready' } satisfies WorkerReply);
    return;
  }
  if (m.type === 'units') {
    units = m.units;
    return;
  }
  try {
    if (m.type === 'sig') {
      const chunk = signatureStage(corpus!, m.first, m.end, params!);
      const transfer = [chunk.docWords, chunk.unitDoc, chunk.unitTok, chunk.unitWords, chunk.unitCharStart, chunk.unitCharEnd, chunk.shingles, chunk.shingleOffsets, chunk.bands].map((a) => a.buffer as ArrayBuffer);
      port.postMessage({ id: m.id, result: chunk } satisfies WorkerReply, transfer);
    } else {
      const records = alignStage(corpus!, units!, m.pairs, params!);
      port.postMessage({ id: m.id, result: records } satisfies WorkerReply, [records.buffer as ArrayBuffer]);
    }
  } catch (err) {
    port.postMessage({ id: m.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerReply);
  }
});
