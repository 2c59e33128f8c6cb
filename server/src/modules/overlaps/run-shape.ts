import type { OverlapDocument, OverlapRun } from '@mandate/shared';
import { documentLabel } from '../library/document-label.ts';
import type { RunRow } from './overlaps.repository.ts';

export function toApiRun(r: RunRow): OverlapRun {
  return {
    id: r.id,
    status: r.status,
    mode: r.mode,
    baseRunId: r.base_run_id,
    phase: r.phase,
    done: r.done,
    total: r.total,
    error: r.error,
    startedBy: r.started_by,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    documents: r.documents,
    recomputed: r.recomputed,
    pairs: r.pairs,
  };
}

export function toApiDocument(d: { id: number; body: string; kind: string; number: string; revision: string; title: string; status: string }): OverlapDocument {
  return { id: d.id, label: documentLabel(d), title: d.title, status: d.status as OverlapDocument['status'] };
}
