import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ParsedDocument } from '../../analysis/types.ts';
import { suggestActions } from '../../analysis/suggestions.ts';
import { findDocumentByIdentity, lineageOf, setDocumentStatus } from './documents.repository.ts';

export interface PersistResult {
  documentId: number;
  created: boolean;
  clauses: number;
  suggestions: number;
}

/**
 * Writes one parsed document inside the caller's transaction. Identity is
 * body + kind + number + revision: a re-import updates the document in place,
 * keeps clauses (and the action items linked to them) whose path still exists,
 * and refreshes suggestions without resurrecting dismissed ones.
 */
export async function persistDocument(
  trx: Kysely<Database>,
  doc: ParsedDocument,
  source: { format: string; name: string; now: string },
): Promise<PersistResult> {
  const existing = await findDocumentByIdentity(trx, doc);
  const fields = {
    year: doc.year,
    place: doc.place,
    title: doc.title,
    preamble: doc.preamble,
    source_format: source.format,
    source_name: source.name,
    updated_at: source.now,
  };
  let documentId: number;
  if (existing) {
    documentId = existing.id;
    await trx
      .updateTable('documents')
      .set({ ...fields, version: existing.version + 1 })
      .where('id', '=', documentId)
      .execute();
  } else {
    const row = await trx
      .insertInto('documents')
      .values({ ...fields, body: doc.body, kind: doc.kind, number: doc.number, revision: doc.revision, status: 'in_force', created_at: source.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    documentId = row.id;
  }

  const clauseIds = await writeClauses(trx, documentId, doc);
  const suggestions = await writeSuggestions(trx, documentId, doc, clauseIds, source.now);
  await refreshLineageStatus(trx, doc);
  return { documentId, created: !existing, clauses: doc.clauses.length, suggestions };
}

async function writeClauses(trx: Kysely<Database>, documentId: number, doc: ParsedDocument): Promise<Map<string, number>> {
  const old = await trx.selectFrom('clauses').select(['id', 'path']).where('document_id', '=', documentId).execute();
  const oldByPath = new Map(old.map((c) => [c.path, c.id]));
  const ids = new Map<string, number>();
  for (const [seq, c] of doc.clauses.entries()) {
    const values = { seq, kind: c.kind, heading: c.heading, addressee: c.addressee, num: c.num, text: c.text };
    const oldId = oldByPath.get(c.path);
    if (oldId !== undefined) {
      await trx.updateTable('clauses').set(values).where('id', '=', oldId).execute();
      ids.set(c.path, oldId);
      oldByPath.delete(c.path);
    } else {
      const row = await trx
        .insertInto('clauses')
        .values({ ...values, document_id: documentId, path: c.path })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(c.path, row.id);
    }
  }
  const gone = [...oldByPath.values()];
  if (gone.length > 0) await trx.deleteFrom('clauses').where('id', 'in', gone).execute();
  return ids;
}

async function writeSuggestions(
  trx: Kysely<Database>,
  documentId: number,
  doc: ParsedDocument,
  clauseIds: Map<string, number>,
  now: string,
): Promise<number> {
  const proposals = suggestActions(doc);
  for (const s of proposals) {
    const existing = await trx
      .selectFrom('suggestions')
      .select(['id', 'status'])
      .where('document_id', '=', documentId)
      .where('block_key', '=', s.blockKey)
      .executeTakeFirst();
    let id: number;
    if (existing) {
      id = existing.id;
      // Only a pending proposal follows the new text; decided ones keep what the editor decided.
      if (existing.status === 'pending') {
        await trx
          .updateTable('suggestions')
          .set({ heading: s.heading, addressee: s.addressee, title: s.title, description: s.description })
          .where('id', '=', id)
          .execute();
      }
      await trx.deleteFrom('suggestion_clauses').where('suggestion_id', '=', id).execute();
    } else {
      const row = await trx
        .insertInto('suggestions')
        .values({
          document_id: documentId,
          block_key: s.blockKey,
          heading: s.heading,
          addressee: s.addressee,
          title: s.title,
          description: s.description,
          status: 'pending',
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    const links = s.clausePaths.map((p) => clauseIds.get(p)).filter((x): x is number => x !== undefined);
    if (links.length > 0) {
      await trx.insertInto('suggestion_clauses').values(links.map((clause_id) => ({ suggestion_id: id, clause_id }))).execute();
    }
  }
  return proposals.length;
}

/** The newest revision of a lineage is in force; older ones are superseded. Suppression is an editor's decision and is kept. */
async function refreshLineageStatus(trx: Kysely<Database>, doc: { body: string; kind: string; number: string }) {
  const revisions = await lineageOf(trx, doc);
  let newestSeen = false;
  for (const r of revisions) {
    if (r.status === 'suppressed') continue;
    const status = newestSeen ? 'superseded' : 'in_force';
    newestSeen = true;
    if (r.status !== status) await setDocumentStatus(trx, r.id, status);
  }
}
