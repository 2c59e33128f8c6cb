import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import type { ParsedDocument } from '../../analysis/types.ts';
import { suggestActions } from '../../analysis/suggestions.ts';
import { recordAudits, type AuditEvent } from '../audit/record-audit.ts';
import { loadSuggestion } from '../actions/suggestions.service.ts';
import { findDocumentByIdentity, getDocumentRow, lineageOf, setDocumentStatus } from './documents.repository.ts';
import { clauseChanged, clauseEvent, countClauseChanges, documentState, type ClauseRow } from './document-audit.ts';
import { writeDocumentReferences } from '../references/write-references.ts';

export interface PersistResult {
  documentId: number;
  created: boolean;
  clauses: number;
  suggestions: number;
}

type Q = Kysely<Database>;

/**
 * Writes one parsed document inside the caller's transaction. Identity is
 * body + kind + number + revision: a re-import updates the document in place,
 * keeps clauses (and the action items linked to them) whose path still exists,
 * and refreshes suggestions without resurrecting dismissed ones. Every change
 * is audited in the same transaction; a re-import that changes nothing writes
 * nothing, not even a new version (so nobody's ETag goes stale for nothing).
 */
export async function persistDocument(trx: Q, ctx: AppContext, doc: ParsedDocument, source: { format: string; name: string }): Promise<PersistResult> {
  const now = ctx.now();
  const existing = await findDocumentByIdentity(trx, doc);
  const fields = { year: doc.year, place: doc.place, title: doc.title, preamble: doc.preamble, source_format: source.format, source_name: source.name };
  const documentId = existing
    ? existing.id
    : (
        await trx
          .insertInto('documents')
          .values({ ...fields, body: doc.body, kind: doc.kind, number: doc.number, revision: doc.revision, status: 'in_force', created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;

  const { ids: clauseIds, events: clauseEvents } = await writeClauses(trx, documentId, doc);
  // Derived from the clause texts (no audit entry): replaced whole, resolved when read.
  await writeDocumentReferences(trx, documentId, doc, clauseIds);
  const metadataChanged = existing !== undefined && (Object.keys(fields) as (keyof typeof fields)[]).some((k) => existing[k] !== fields[k]);
  if (metadataChanged || (existing && clauseEvents.length > 0)) {
    // version + 1 in SQL, not existing.version + 1: a concurrent PATCH must see its compare-and-set fail, not be overwritten.
    await trx.updateTable('documents').set({ ...fields, updated_at: now, version: sql<number>`version + 1` }).where('id', '=', documentId).execute();
  }
  const events: AuditEvent[] = [];
  if (!existing || metadataChanged || clauseEvents.length > 0) {
    const after = documentState((await getDocumentRow(trx, documentId))!);
    const changes = countClauseChanges(clauseEvents);
    events.push({
      entity: 'document',
      entityId: documentId,
      action: existing ? 'update' : 'create',
      before: existing ? documentState(existing) : null,
      after: { ...after, clauseChanges: changes },
    });
  }
  events.push(...clauseEvents);
  const suggestions = await writeSuggestions(trx, documentId, doc, clauseIds, now, events);
  events.push(...(await refreshLineageStatus(trx, doc)));
  await recordAudits(trx, ctx, events);
  return { documentId, created: !existing, clauses: doc.clauses.length, suggestions };
}

async function writeClauses(trx: Q, documentId: number, doc: ParsedDocument): Promise<{ ids: Map<string, number>; events: AuditEvent[] }> {
  const old = await trx.selectFrom('clauses').selectAll().where('document_id', '=', documentId).execute();
  const oldByPath = new Map(old.map((c) => [c.path, c]));
  const ids = new Map<string, number>();
  const events: AuditEvent[] = [];
  for (const [seq, c] of doc.clauses.entries()) {
    const values = { seq, kind: c.kind, heading: c.heading, addressee: c.addressee, num: c.num, text: c.text };
    const prev = oldByPath.get(c.path);
    if (prev) {
      const next: ClauseRow = { ...prev, ...values };
      if (clauseChanged(prev, values)) events.push(clauseEvent('update', prev, next));
      if (clauseChanged(prev, values) || prev.seq !== seq) await trx.updateTable('clauses').set(values).where('id', '=', prev.id).execute();
      ids.set(c.path, prev.id);
      oldByPath.delete(c.path);
    } else {
      const row = await trx
        .insertInto('clauses')
        .values({ ...values, document_id: documentId, path: c.path })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(c.path, row.id);
      events.push(clauseEvent('create', null, { ...values, id: row.id, document_id: documentId, path: c.path }));
    }
  }
  const gone = [...oldByPath.values()];
  if (gone.length > 0) {
    await trx.deleteFrom('clauses').where('id', 'in', gone.map((c) => c.id)).execute();
    events.push(...gone.map((c) => clauseEvent('delete', c, null)));
  }
  return { ids, events };
}

/** Proposals follow the text; each created or changed one is audited (into `events`) in the shape the API returns. */
async function writeSuggestions(trx: Q, documentId: number, doc: ParsedDocument, clauseIds: Map<string, number>, now: string, events: AuditEvent[]): Promise<number> {
  const proposals = suggestActions(doc);
  const shape = (id: number) => loadSuggestion(trx, id);
  for (const s of proposals) {
    const links = [...new Set(s.clausePaths.map((p) => clauseIds.get(p)).filter((x): x is number => x !== undefined))];
    const existing = await trx.selectFrom('suggestions').selectAll().where('document_id', '=', documentId).where('block_key', '=', s.blockKey).executeTakeFirst();
    if (!existing) {
      const { id } = await trx
        .insertInto('suggestions')
        .values({ document_id: documentId, block_key: s.blockKey, heading: s.heading, addressee: s.addressee, title: s.title, description: s.description, status: 'pending', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (links.length > 0) await trx.insertInto('suggestion_clauses').values(links.map((clause_id) => ({ suggestion_id: id, clause_id }))).execute();
      events.push({ entity: 'suggestion', entityId: id, action: 'create', before: null, after: await shape(id) });
      continue;
    }
    const before = (await shape(existing.id))!;
    // Only a pending proposal follows the new text; decided ones keep what the editor decided.
    const text = { heading: s.heading, addressee: s.addressee, title: s.title, description: s.description };
    const textChanged = existing.status === 'pending' && (Object.keys(text) as (keyof typeof text)[]).some((k) => existing[k] !== text[k]);
    const linksChanged = [...links].sort().join() !== [...before.clauseIds].sort().join();
    if (!textChanged && !linksChanged) continue;
    await trx
      .updateTable('suggestions')
      .set({ ...(textChanged ? text : {}), version: sql<number>`version + 1` })
      .where('id', '=', existing.id)
      .execute();
    if (linksChanged) {
      await trx.deleteFrom('suggestion_clauses').where('suggestion_id', '=', existing.id).execute();
      if (links.length > 0) await trx.insertInto('suggestion_clauses').values(links.map((clause_id) => ({ suggestion_id: existing.id, clause_id }))).execute();
    }
    events.push({ entity: 'suggestion', entityId: existing.id, action: 'update', before, after: await shape(existing.id) });
  }
  return proposals.length;
}

/** The newest revision of a lineage is in force; older ones are superseded. Suppression is an editor's decision and is kept. */
async function refreshLineageStatus(trx: Q, doc: { body: string; kind: string; number: string }): Promise<AuditEvent[]> {
  const revisions = await lineageOf(trx, doc);
  const events: AuditEvent[] = [];
  let newestSeen = false;
  for (const r of revisions) {
    if (r.status === 'suppressed') continue;
    const status = newestSeen ? 'superseded' : 'in_force';
    newestSeen = true;
    if (r.status === status) continue;
    const before = (await getDocumentRow(trx, r.id))!;
    await setDocumentStatus(trx, r.id, status);
    events.push({ entity: 'document', entityId: r.id, action: 'update', before: documentState(before), after: documentState((await getDocumentRow(trx, r.id))!) });
  }
  return events;
}
