import type { OverlapDocument, OverlapPairDetail, OverlapPairSummary, OverlapReport, OverlapReportQuery } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { findCandidates, type CandidateBoilerplate } from '../../analysis/streamline/index.ts';
import { assertCan } from '../auth/policy.ts';
import { candidateDocuments, lineageKey } from './candidate-input.ts';
import { loadDocumentText } from './library-texts.ts';
import { documentsByIds, latestDoneRun, runBoilerplate, runPair, runPairs, runSnapshot } from './overlaps.repository.ts';
import { getOverlapStatus } from './overlaps.service.ts';
import { toApiDocument } from './run-shape.ts';

/**
 * The streamlining report of the last finished run: candidates (computed now,
 * from the stored pairs and the library's current statuses, action items and
 * citations) and the pairs above `minContainment`, strongest first.
 */
export async function getOverlapReport(ctx: AppContext, q: OverlapReportQuery): Promise<OverlapReport> {
  const status = await getOverlapStatus(ctx);
  const empty = { status, candidates: [], pairs: [], totalPairs: 0, minContainment: q.minContainment };
  if (!status.report) return empty;
  const db = ctx.db.kysely;
  const runId = status.report.id;
  const [snapshot, pairs, boilerplate] = await Promise.all([runSnapshot(db, runId), runPairs(db, runId), runBoilerplate(db, runId)]);
  const { documents, rows } = await candidateDocuments(ctx, snapshot);

  const candidates = findCandidates({
    documents,
    pairs: pairs.map((p) => ({
      a: p.doc_a,
      b: p.doc_b,
      containment: p.containment,
      coverA: p.cover_a,
      coverB: p.cover_b,
      passages: (JSON.parse(p.passages) as unknown[]).length,
      sharedWords: p.shared_words,
    })),
    boilerplate: boilerplate.map((b): CandidateBoilerplate => ({ text: b.text, words: b.words, documents: b.documents, occurrences: JSON.parse(b.occurrences) as CandidateBoilerplate['occurrences'] })),
  });

  const ref = (id: number): OverlapDocument | null => {
    const d = rows.get(id);
    return d ? toApiDocument(d) : null;
  };
  const listed: OverlapPairSummary[] = [];
  for (const p of pairs) {
    const a = ref(p.doc_a);
    const b = ref(p.doc_b);
    // A document suppressed since the run is no longer analysed: its pairs leave the report.
    if (!a || !b || p.containment < q.minContainment) continue;
    const sameLineage = lineageKey(rows.get(p.doc_a)!) === lineageKey(rows.get(p.doc_b)!);
    if (sameLineage && !q.sameLineage) continue;
    listed.push({ a, b, containment: p.containment, coverA: p.cover_a, coverB: p.cover_b, sharedWords: p.shared_words, passages: (JSON.parse(p.passages) as unknown[]).length, sameLineage });
  }
  return {
    status,
    candidates: candidates.map((c) => ({ ...c, documents: c.documentIds.map(ref).filter((d): d is OverlapDocument => d !== null) })).map(({ documentIds: _, ...c }) => c),
    pairs: listed.slice(0, q.limit),
    totalPairs: listed.length,
    minContainment: q.minContainment,
  };
}

type Passage = OverlapPairDetail['passages'][number];

/**
 * Two documents side by side: their texts (as the engine read them) and the
 * passages the last finished run found shared, in the order asked for.
 * Any two documents can be asked for; without an overlap the list is empty.
 */
export async function getOverlapPair(ctx: AppContext, a: number, b: number): Promise<OverlapPairDetail> {
  assertCan(ctx, 'read');
  if (a === b) throw badRequest('Choose two different documents.');
  const db = ctx.db.kysely;
  const docs = new Map((await documentsByIds(db, [a, b])).map((d) => [d.id, d]));
  for (const id of [a, b]) if (!docs.has(id)) throw notFound('Document', id);
  const run = await latestDoneRun(db);
  const [lo, hi] = a < b ? [a, b] : [b, a];
  const [pair, snapshot, textA, textB] = await Promise.all([
    run ? runPair(db, run.id, lo, hi) : undefined,
    run ? runSnapshot(db, run.id) : [],
    loadDocumentText(db, docs.get(a)!),
    loadDocumentText(db, docs.get(b)!),
  ]);
  const hashes = new Map(snapshot.map((s) => [s.document_id, s.text_hash]));
  const stored = pair ? (JSON.parse(pair.passages) as Passage[]) : [];
  const passages = a < b ? stored : stored.map((p) => ({ a: p.b, b: p.a, words: p.words }));
  const side = (t: typeof textA) => ({ document: toApiDocument(docs.get(t.id)!), text: t.text, changedSince: run !== undefined && hashes.get(t.id) !== t.hash });
  return {
    runId: run?.id ?? null,
    a: side(textA),
    b: side(textB),
    passages: passages.sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0]),
    containment: pair?.containment ?? 0,
    coverA: pair ? (a < b ? pair.cover_a : pair.cover_b) : 0,
    coverB: pair ? (a < b ? pair.cover_b : pair.cover_a) : 0,
  };
}
