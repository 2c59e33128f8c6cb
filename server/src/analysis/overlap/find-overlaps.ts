import { alignStage } from './align.ts';
import { afterSignatures, docRanges, finish, makePlan, pairBatches } from './pipeline.ts';
import { signatureStage } from './signatures.ts';
import type { OverlapDocument, OverlapOptions, OverlapResult } from './types.ts';

export { OverlapInputError } from './options.ts';

/** Chunk sizes: small enough for steady progress and load balancing, large enough to amortise messages. */
export const SIGNATURE_CHUNK_CHARS = 2_000_000;
export const ALIGN_BATCH_PAIRS = 20_000;

/**
 * Shared passages between documents, on the calling thread. See README.md
 * (section "overlap/") for the method; findOverlapsParallel gives the same
 * result using worker threads.
 */
export function findOverlaps(docs: OverlapDocument[], opts: OverlapOptions = {}): OverlapResult {
  const plan = makePlan(docs, opts, false);
  const ranges = docRanges(plan, SIGNATURE_CHUNK_CHARS);
  plan.progress({ phase: 'signatures', done: 0, total: docs.length });
  const chunks = ranges.map(([first, end]) => {
    const chunk = signatureStage(plan.corpus, first, end, plan.params);
    plan.progress({ phase: 'signatures', done: end, total: docs.length });
    return chunk;
  });
  const mid = afterSignatures(plan, chunks, false);
  const batches = pairBatches(mid.candidates.pairs, ALIGN_BATCH_PAIRS);
  const total = mid.candidates.pairs.length / 2;
  plan.progress({ phase: 'align', done: 0, total });
  let done = 0;
  const records = batches.map((b) => {
    const r = alignStage(plan.corpus, mid.units, b, plan.params);
    plan.progress({ phase: 'align', done: (done += b.length / 2), total });
    return r;
  });
  return finish(plan, mid, records);
}
