import type { Kysely } from 'kysely';
import type { ActionDetail, ProgressUpdate } from '@mandate/shared';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { staleWrite } from '../../http/etag.ts';
import type { HttpProblem } from '../../http/problem.ts';
import { lastChangeOf, recordAudit, recordAudits, type AuditAction } from '../audit/record-audit.ts';
import type { CreatedOrganisation } from './actions.repository.ts';

/**
 * What the audit trail keeps of an action item: the ActionDetail the API
 * returns, minus the timeline (each progress update has its own "progress"
 * row; repeating the whole timeline in every row would grow the log with the
 * square of the updates) and minus what is derived from other fields or from
 * the calendar (overdue, lastUpdate, documents), which would show as changes
 * nobody made.
 */
export type ActionState = Omit<ActionDetail, 'updates' | 'overdue' | 'lastUpdate' | 'documents'>;

export function actionState(a: ActionDetail): ActionState {
  const { updates: _updates, overdue: _overdue, lastUpdate: _lastUpdate, documents: _documents, ...state } = a;
  return state;
}

/**
 * One row for a change to an action item. A progress update is recorded as
 * action "progress" on the item itself (so the item's history tells the whole
 * story), its `after` carrying the added update as `addedUpdate`.
 */
export async function auditAction(
  db: Kysely<Database>,
  ctx: AppContext,
  action: AuditAction,
  before: ActionDetail | null,
  after: ActionDetail,
  addedUpdate?: ProgressUpdate,
): Promise<void> {
  await recordAudit(db, ctx, {
    entity: 'action',
    entityId: after.id,
    action,
    before: before && actionState(before),
    after: addedUpdate ? { ...actionState(after), addedUpdate } : actionState(after),
  });
}

/** Organisations created on the fly when an item names a unit or partner the registry lacks. */
export async function auditOrganisations(db: Kysely<Database>, ctx: AppContext, created: CreatedOrganisation[]): Promise<void> {
  await recordAudits(
    db,
    ctx,
    created.map((o) => ({ entity: 'organisation', entityId: o.id, action: 'create', before: null, after: { id: o.id, name: o.name, acronym: '', type: o.type } })),
  );
}

/** The 412 for an action item: its current state and who changed it last. */
export async function staleAction(db: Kysely<Database>, current: ActionDetail, sentVersion: number): Promise<HttpProblem> {
  return staleWrite(`Action item ${current.ref}`, sentVersion, current, await lastChangeOf(db, 'action', current.id));
}
