import type { Selectable } from 'kysely';
import type { ClauseTable, DocumentTable } from '../../db/schema.ts';
import type { AuditEvent } from '../audit/record-audit.ts';
import { documentLabel } from './document-label.ts';

/**
 * How the library appears in the audit trail.
 *
 * A document gets one row per import that changes it (metadata as the API
 * names it). Each clause gets rows of its own ("create", "update", "delete"):
 * clauses keep their id across re-imports and action items point at them,
 * so "what did operative clause 3 say when this item was derived from it?"
 * must be answerable from `GET /api/audit?entity=clause&id=N` alone. The
 * rows are written in batches, so a 60-clause resolution costs a few
 * statements, not 60. The document row summarises the clause changes
 * (`clauseChanges`) so its own history reads as one event per import.
 */

export type DocumentRow = Selectable<DocumentTable>;
export type ClauseRow = Selectable<ClauseTable>;

export function documentState(d: DocumentRow) {
  return {
    id: d.id,
    label: documentLabel(d),
    body: d.body,
    kind: d.kind,
    number: d.number,
    revision: d.revision,
    year: d.year,
    place: d.place,
    title: d.title,
    preamble: d.preamble,
    status: d.status,
    isPublic: d.is_public === 1,
    sourceFormat: d.source_format,
    sourceName: d.source_name,
    updatedAt: d.updated_at,
    version: d.version,
  };
}

/** `seq` is left out: a clause inserted above shifts every later one, which says nothing about them. */
export function clauseState(c: ClauseRow) {
  return { id: c.id, documentId: c.document_id, path: c.path, kind: c.kind, heading: c.heading, addressee: c.addressee, num: c.num, text: c.text };
}

/** The fields whose change is a change of the clause (everything but its position). */
export function clauseChanged(old: ClauseRow, next: Pick<ClauseRow, 'kind' | 'heading' | 'addressee' | 'num' | 'text'>): boolean {
  return old.kind !== next.kind || old.heading !== next.heading || old.addressee !== next.addressee || old.num !== next.num || old.text !== next.text;
}

export function clauseEvent(action: 'create' | 'update' | 'delete', before: ClauseRow | null, after: ClauseRow | null): AuditEvent {
  return { entity: 'clause', entityId: (after ?? before)!.id, action, before: before && clauseState(before), after: after && clauseState(after) };
}

export interface ClauseChanges {
  added: number;
  changed: number;
  removed: number;
}

export function countClauseChanges(events: AuditEvent[]): ClauseChanges {
  const n = (a: string) => events.filter((e) => e.entity === 'clause' && e.action === a).length;
  return { added: n('create'), changed: n('update'), removed: n('delete') };
}
