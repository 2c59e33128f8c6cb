import type { Insertable, Kysely } from 'kysely';
import type { ClauseReferenceTable, Database } from '../../db/schema.ts';
import { clauseReferences, type CitingDocument } from '../../analysis/references/clause-references.ts';
import type { ParsedReference } from '../../analysis/references/types.ts';

type Q = Kysely<Database>;
type Row = Insertable<ClauseReferenceTable>;

/** Target parts are indexed: PostgreSQL refuses index entries above ~2.7 KB, and no real citation is anywhere near this. */
const MAX_PART = 200;
/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits (14 columns each). */
const CHUNK = 500;

function toRow(documentId: number, clauseId: number, r: ParsedReference): Row | null {
  const t = r.target;
  const parts = [t.body, t.kind, t.number, t.revision ?? '', t.session ?? '', t.series ?? ''];
  if (parts.some((p) => p.length > MAX_PART) || r.text.length > 4 * MAX_PART) return null;
  return {
    document_id: documentId,
    clause_id: clauseId,
    start_offset: r.start,
    end_offset: r.end,
    text: r.text,
    target_body: t.body,
    target_kind: t.kind,
    target_number: t.number,
    target_revision: t.revision ?? '',
    target_year: t.year ?? null,
    target_session: t.session ?? '',
    target_series: t.series ?? '',
    problem: r.problem ?? null,
  };
}

const COMPARED = ['clause_id', 'start_offset', 'end_offset', 'text', 'target_body', 'target_kind', 'target_number', 'target_revision', 'target_year', 'target_session', 'target_series', 'problem'] as const;
const fingerprint = (rows: Row[]) => rows.map((r) => JSON.stringify(COMPARED.map((k) => r[k] ?? null))).sort().join('\n');

/**
 * Replaces the stored citations of one document with those found in its
 * clauses now. Inside the caller's transaction; rewrites nothing when nothing
 * changed (a re-import of the same file leaves the rows, and their ids, alone).
 */
export async function replaceClauseReferences(trx: Q, documentId: number, doc: CitingDocument, clauses: readonly { id: number; text: string }[]): Promise<number> {
  const rows = clauseReferences(doc, clauses).flatMap(({ clause, refs }) => refs.map((r) => toRow(documentId, clause.id, r)).filter((r): r is Row => r !== null));
  const old = await trx.selectFrom('clause_references').select(COMPARED).where('document_id', '=', documentId).execute();
  if (fingerprint(old as Row[]) === fingerprint(rows)) return rows.length;
  await trx.deleteFrom('clause_references').where('document_id', '=', documentId).execute();
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('clause_references').values(rows.slice(i, i + CHUNK)).execute();
  return rows.length;
}

/** The import's hook: the parsed document and the ids its clauses got (by path). */
export function writeDocumentReferences(trx: Q, documentId: number, doc: CitingDocument & { clauses: readonly { path: string; text: string }[] }, clauseIds: Map<string, number>): Promise<number> {
  const clauses = doc.clauses.flatMap((c) => {
    const id = clauseIds.get(c.path);
    return id === undefined ? [] : [{ id, text: c.text }];
  });
  return replaceClauseReferences(trx, documentId, doc, clauses);
}
