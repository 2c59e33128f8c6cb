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
    items: rows.map((r) => toSummary(r, Number(r.clause_count ?? 0), Number(r.action_count ?? 0))),
  };
}

type DocumentRowLike = { id: number; body: string; kind: string; number: string; revision: string; year: number | null; title: string; status: string; is_public: number };

/** The one mapping from a document row to what the API says about it; the detail adds to it. */
function toSummary(r: DocumentRowLike, clauseCount: number, actionCount: number): DocumentSummary {
  return {
    id: r.id,
    body: r.body,
    kind: r.kind as DocumentSummary['kind'],
    number: r.number,
    revision: r.revision,
    year: r.year,
    title: r.title,
    status: r.status as DocumentSummary['status'],
    label: documentLabel(r),
    clauseCount,
    actionCount,
    isPublic: r.is_public === 1,
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
  // The public sees the public action items of a public document, and no suggestions (they are internal work).
  const [allActions, suggestions] = await Promise.all([actionsOfClauses(db, ids), pub ? [] : suggestionsOfClauses(db, ids)]);
  const actions = pub ? allActions.filter((a) => a.is_public === 1) : allActions;
  return {
    ...toSummary(doc, clauses.length, new Set(actions.map((a) => a.id)).size),
    place: doc.place,
    preamble: doc.preamble,
    sourceName: doc.source_name,
    version: doc.version,
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
