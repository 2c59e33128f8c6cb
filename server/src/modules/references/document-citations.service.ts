import type { CitedEntry, CitingEntry, DocumentCitations } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { notFound } from '../../http/problem.ts';
import { assertVisible, publicOnly } from '../auth/policy.ts';
import { getDocumentRow } from '../library/documents.repository.ts';
import { libraryResolver, linkTo, targetOfRow } from './library-resolver.ts';
import { citationRows } from './references.repository.ts';

/** Groups in first-seen order, so lists follow the reading order of the texts. */
function groupBy<T, G>(items: T[], keyOf: (x: T) => string, start: (x: T) => G, add: (g: G, x: T) => void): G[] {
  const groups = new Map<string, G>();
  for (const x of items) {
    const k = keyOf(x);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = start(x)));
    add(g, x);
  }
  return [...groups.values()];
}

/**
 * One document's place in the citation graph: what it cites (one entry per
 * cited text, with the clauses citing it) and which documents cite it or an
 * older revision of it. Resolved against the library the caller may see.
 */
export async function getDocumentCitations(ctx: AppContext, id: number): Promise<DocumentCitations> {
  const db = ctx.db.kysely;
  const doc = await getDocumentRow(db, id);
  if (!doc) throw notFound('Document', id);
  assertVisible(ctx, doc.is_public);
  const visibility = { publicOnly: publicOnly(ctx) };
  const [resolver, own, incoming] = await Promise.all([
    libraryResolver(db, visibility),
    citationRows(db, { ...visibility, documentId: id }),
    // Every citation naming this kind and number, whatever the body: the resolver decides which are about this lineage.
    citationRows(db, { ...visibility, target: { kind: doc.kind, number: doc.number } }),
  ]);

  // A text's own history ("recalling Resolution 125 (Rev. Busan, 2014)" in Resolution 125) is the lineage view's, not a citation edge.
  const cited = own.map((row) => ({ row, r: resolver.resolve(targetOfRow(row), row.document_body) })).filter(({ r }) => !resolver.ownLineage(r, doc));
  const cites = groupBy<(typeof cited)[number], CitedEntry>(
    cited,
    ({ r }) => (r.document ? `doc ${r.document.id}` : `${r.status} ${r.targetLabel}`),
    ({ r }) => ({ ...r, count: 0, clauses: [] }),
    (g, { row }) => {
      g.count += 1;
      if (!g.clauses.some((c) => c.id === row.clause_id)) g.clauses.push({ id: row.clause_id, path: row.clause_path });
    },
  );

  const citing = incoming
    .filter((row) => row.document_id !== id)
    .map((row) => ({ row, r: resolver.resolve(targetOfRow(row), row.document_body) }))
    .filter(({ row, r }) => (r.document?.id === id || r.current?.id === id) && !resolver.ownLineage(r, { body: row.document_body, kind: row.document_kind, number: row.document_number }));
  const citedBy = groupBy<(typeof citing)[number], CitingEntry>(
    citing,
    ({ row, r }) => `${row.document_id} ${r.status} ${r.targetLabel}`,
    ({ row, r }) => ({
      citing: linkTo({ id: row.document_id, body: row.document_body, kind: row.document_kind, number: row.document_number, revision: row.document_revision, status: row.document_status }),
      targetLabel: r.targetLabel,
      status: r.status,
      count: 0,
      clauses: [],
    }),
    (g, { row }) => {
      g.count += 1;
      if (!g.clauses.some((c) => c.id === row.clause_id)) g.clauses.push({ id: row.clause_id, path: row.clause_path });
    },
  );

  return { document: linkTo(doc), cites, citedBy };
}
