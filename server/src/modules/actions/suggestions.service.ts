import type { Kysely } from 'kysely';
import type { ActionDetail, ActionPatch, Suggestion, SuggestionStatus } from '@mandate/shared';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { staleWrite } from '../../http/etag.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import { lastChangeOf, recordAudit, type AuditAction } from '../audit/record-audit.ts';
import { documentLabel } from '../library/document-label.ts';
import { auditAction } from './action-audit.ts';
import { assertCan } from '../auth/policy.ts';
import { addClauses } from './actions.repository.ts';
import { claimAction, createActionIn, getAction } from './actions.service.ts';
import { claimSuggestionVersion, clausesOfSuggestions, getSuggestionRow, listSuggestions, setSuggestionStatus } from './suggestions.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof getSuggestionRow>>>;

function toSuggestion(r: Row, clauseIds: number[]): Suggestion {
  return {
    id: r.id,
    documentId: r.document_id,
    documentLabel: documentLabel(r),
    heading: r.heading,
    addressee: r.addressee,
    title: r.title,
    description: r.description,
    status: r.status as SuggestionStatus,
    actionId: r.action_id,
    clauseIds,
    version: r.version,
  };
}

export async function findSuggestions(ctx: AppContext, f: { documentId?: number; status?: string; limit: number; offset: number }) {
  // Suggestions are the secretariat's working material: never public.
  assertCan(ctx, 'read');
  const db = ctx.db.kysely;
  const { rows, total } = await listSuggestions(db, f);
  const links = await clausesOfSuggestions(db, rows.map((r) => r.id));
  return { total, items: rows.map((r) => toSuggestion(r, links.filter((l) => l.suggestion_id === r.id).map((l) => l.clause_id))) };
}

/** A suggestion as the API shows it, with no access check: for audit snapshots inside services. */
export async function loadSuggestion(db: Kysely<Database>, id: number): Promise<Suggestion | undefined> {
  const row = await getSuggestionRow(db, id);
  return row && toSuggestion(row, (await clausesOfSuggestions(db, [id])).map((l) => l.clause_id));
}

export async function getSuggestion(ctx: AppContext, id: number, db: Kysely<Database> = ctx.db.kysely): Promise<Suggestion> {
  assertCan(ctx, 'read');
  const s = await loadSuggestion(db, id);
  if (!s) throw notFound('Suggestion', id);
  return s;
}

/**
 * Claims the suggestion for a decision (compare-and-set on its version, so
 * two reviewers cannot both decide it): 412 with the current state when the
 * caller's version is stale, 409 when it is not in the status the decision
 * starts from. Returns the state the decision is based on.
 */
async function claimSuggestion(db: Kysely<Database>, ctx: AppContext, id: number, expected: number, from: SuggestionStatus): Promise<Suggestion> {
  const before = await getSuggestion(ctx, id, db);
  if (before.version === expected && before.status !== from) {
    throw new HttpProblem(409, 'Conflict', from === 'pending' ? `Suggestion ${id} is already ${before.status}.` : `Only a ${from} suggestion can be reopened; this one is ${before.status}.`);
  }
  if (before.version !== expected || !(await claimSuggestionVersion(db, id, expected))) {
    const current = await getSuggestion(ctx, id, db);
    throw staleWrite(`Suggestion ${id}`, expected, current, await lastChangeOf(db, 'suggestion', id));
  }
  return before;
}

/** Records a decision with the suggestion as it was and as it is now; returns the latter. */
async function auditDecision(db: Kysely<Database>, ctx: AppContext, action: AuditAction, before: Suggestion): Promise<Suggestion> {
  const after = await getSuggestion(ctx, before.id, db);
  await recordAudit(db, ctx, { entity: 'suggestion', entityId: before.id, action, before, after });
  return after;
}

/** Turns a suggestion into an action item; the editor may override any proposed field. */
export async function acceptSuggestion(ctx: AppContext, id: number, overrides: ActionPatch, expectedVersion: number): Promise<ActionDetail> {
  assertCan(ctx, 'edit');
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const s = await claimSuggestion(trx, ctx, id, expectedVersion, 'pending');
    const actionId = await createActionIn(trx, ctx, {
      title: s.title,
      description: s.description,
      status: 'not_started',
      progress: 0,
      responsible: [s.addressee],
      collaborators: [],
      reportsTo: '',
      dueDate: null,
      recurrence: '',
      tags: [],
      clauseIds: s.clauseIds,
      ...stripUndefined(overrides),
    });
    await setSuggestionStatus(trx, id, 'accepted', actionId);
    await auditDecision(trx, ctx, 'accept', s);
    return getAction(ctx, actionId, trx);
  });
}

/**
 * Folds a suggestion into an existing action item: its clauses become sources
 * of that item. Links are added, never rewritten, so a source someone linked
 * meanwhile stays; the item's version moves on like for any change.
 */
export async function mergeSuggestion(ctx: AppContext, id: number, actionId: number, expectedVersion: number): Promise<ActionDetail> {
  assertCan(ctx, 'edit');
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const s = await claimSuggestion(trx, ctx, id, expectedVersion, 'pending');
    const actionBefore = await claimAction(trx, ctx, actionId);
    await addClauses(trx, actionId, s.clauseIds);
    await setSuggestionStatus(trx, id, 'merged', actionId);
    const actionAfter = await getAction(ctx, actionId, trx);
    await auditAction(trx, ctx, 'update', actionBefore, actionAfter);
    await auditDecision(trx, ctx, 'merge', s);
    return actionAfter;
  });
}

export async function dismissSuggestion(ctx: AppContext, id: number, expectedVersion: number): Promise<Suggestion> {
  assertCan(ctx, 'edit');
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const s = await claimSuggestion(trx, ctx, id, expectedVersion, 'pending');
    await setSuggestionStatus(trx, id, 'dismissed', null);
    return auditDecision(trx, ctx, 'dismiss', s);
  });
}

/** Undo of a dismissal: the suggestion goes back to the review queue. */
export async function reopenSuggestion(ctx: AppContext, id: number, expectedVersion: number): Promise<Suggestion> {
  assertCan(ctx, 'edit');
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const s = await claimSuggestion(trx, ctx, id, expectedVersion, 'dismissed');
    await setSuggestionStatus(trx, id, 'pending', null);
    return auditDecision(trx, ctx, 'reopen', s);
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
