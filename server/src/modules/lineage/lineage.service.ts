import type { DocumentDetail, DocumentDiff, DocumentLineage, DocumentStatus, DocumentSummary, LineageRevision } from '@mandate/shared';
import { diffRevisions } from '../../analysis/lineage/diff-revisions.ts';
import type { AppContext } from '../../http/context.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { assertVisible, publicOnly } from '../auth/policy.ts';
import { documentLabel } from '../library/document-label.ts';
import { getDocument } from '../library/documents.service.ts';
import { getLineageKey, listRevisions } from './lineage.repository.ts';

/**
 * Lineage and revision diff. Reads only; anonymous callers see public
 * documents only: the lineage lists the public revisions, and a diff needs
 * both documents public (401 otherwise, as for the document itself).
 */

export async function getLineage(ctx: AppContext, id: number): Promise<DocumentLineage> {
  return { documentId: id, items: await visibleLineage(ctx, id) };
}

async function visibleLineage(ctx: AppContext, id: number): Promise<LineageRevision[]> {
  const key = await getLineageKey(ctx.db.kysely, id);
  if (!key) throw notFound('Document', id);
  assertVisible(ctx, key.is_public);
  const rows = await listRevisions(ctx.db.kysely, key, { publicOnly: publicOnly(ctx) });
  return rows.map((r) => ({
    id: r.id,
    label: documentLabel(r),
    revision: r.revision,
    year: r.year,
    status: r.status as DocumentStatus,
    isPublic: r.is_public === 1,
  }));
}

/**
 * The diff of a document against another one: by default the revision before
 * it in its lineage (or, for the oldest, the one after it). Any two documents
 * may be compared; `sameLineage` says whether they are revisions of one another.
 * The result always reads from the older to the newer of the two.
 */
export async function diffDocuments(ctx: AppContext, id: number, against?: number): Promise<DocumentDiff> {
  const otherId = against ?? defaultCounterpart(await visibleLineage(ctx, id), id);
  if (otherId === id) throw badRequest('Compare a document with another document, not with itself.');
  const [a, b] = await Promise.all([getDocument(ctx, id), getDocument(ctx, otherId)]);
  const [older, newer] = isOlder(a, b) ? [a, b] : [b, a];
  const diff = diffRevisions(older.clauses, newer.clauses);
  return {
    older: summaryOf(older),
    newer: summaryOf(newer),
    sameLineage: a.body === b.body && a.kind === b.kind && a.number === b.number,
    ...diff,
  };
}

/** The previous revision in the lineage (newest first), else the next one. */
function defaultCounterpart(lineage: LineageRevision[], id: number): number {
  const at = lineage.findIndex((r) => r.id === id);
  const other = lineage[at + 1] ?? lineage[at - 1];
  if (!other) throw badRequest('This document has no other revision to compare with. Choose one with ?against=ID.');
  return other.id;
}

/** Earlier year first (a document without a year counts as the oldest), then the earlier import. */
function isOlder(a: DocumentDetail, b: DocumentDetail): boolean {
  const ya = a.year ?? -Infinity;
  const yb = b.year ?? -Infinity;
  return ya !== yb ? ya < yb : a.id < b.id;
}

function summaryOf(d: DocumentDetail): DocumentSummary {
  const { id, body, kind, number, revision, year, title, status, label, clauseCount, actionCount, isPublic } = d;
  return { id, body, kind, number, revision, year, title, status, label, clauseCount, actionCount, isPublic };
}
