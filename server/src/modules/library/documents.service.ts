import type { ActionStatus, DocumentDetail, DocumentQuery, DocumentSummary, SuggestionStatus } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { notFound } from '../../http/problem.ts';
import { assertVisible, publicOnly } from '../auth/policy.ts';
import {
  actionsOfClauses,
  documentFacets,
  getDocumentRow,
  listClauses,
  listDocuments,
  suggestionsOfClauses,
} from './documents.repository.ts';
import { documentLabel } from './document-label.ts';

export async function findDocuments(ctx: AppContext, q: DocumentQuery): Promise<{ items: DocumentSummary[]; total: number }> {
  // Anonymous callers get the public library: the list is filtered, not refused.
  const { rows, total } = await listDocuments(ctx.db.kysely, q, { publicOnly: publicOnly(ctx) });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      body: r.body,
      kind: r.kind as DocumentSummary['kind'],
      number: r.number,
      revision: r.revision,
      year: r.year,
      title: r.title,
      status: r.status as DocumentSummary['status'],
      label: documentLabel(r),
      clauseCount: Number(r.clause_count ?? 0),
      actionCount: Number(r.action_count ?? 0),
      isPublic: r.is_public === 1,
    })),
  };
}

export async function getDocument(ctx: AppContext, id: number): Promise<DocumentDetail> {
  const db = ctx.db.kysely;
  const doc = await getDocumentRow(db, id);
  if (!doc) throw notFound('Document', id);
  assertVisible(ctx, doc.is_public);
  const clauses = await listClauses(db, id);
  const ids = clauses.map((c) => c.id);
  const pub = publicOnly(ctx);
  const [allActions, allSuggestions] = await Promise.all([actionsOfClauses(db, ids), pub ? [] : suggestionsOfClauses(db, ids)]);
  // The public sees the public action items of a public document, and no suggestions (they are internal work).
  const actions = pub ? allActions.filter((a) => a.is_public === 1) : allActions;
  const suggestions = allSuggestions;
  const actionCount = new Set(actions.map((a) => a.id)).size;
  return {
    id: doc.id,
    body: doc.body,
    kind: doc.kind as DocumentDetail['kind'],
    number: doc.number,
    revision: doc.revision,
    year: doc.year,
    title: doc.title,
    status: doc.status as DocumentDetail['status'],
    label: documentLabel(doc),
    place: doc.place,
    preamble: doc.preamble,
    sourceName: doc.source_name,
    clauseCount: clauses.length,
    actionCount,
    version: doc.version,
    isPublic: doc.is_public === 1,
    clauses: clauses.map((c) => ({
      id: c.id,
      seq: c.seq,
      kind: c.kind as 'preambular' | 'operative',
      heading: c.heading,
      addressee: c.addressee,
      num: c.num,
      path: c.path,
      text: c.text,
      actions: actions.filter((a) => a.clause_id === c.id).map(({ id, title, status, progress }) => ({ id, title, status: status as ActionStatus, progress })),
      suggestions: suggestions.filter((s) => s.clause_id === c.id).map(({ id, title, addressee, status, version }) => ({ id, title, addressee, status: status as SuggestionStatus, version })),
    })),
  };
}

export function getFacets(ctx: AppContext) {
  return documentFacets(ctx.db.kysely, { publicOnly: publicOnly(ctx) });
}
