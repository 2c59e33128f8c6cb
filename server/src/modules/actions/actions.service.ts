import type { ActionDetail, ActionInput, ActionPatch, ActionQuery, ActionSummary, EvidenceLink, UpdateInput } from '@mandate/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { HttpProblem, badRequest, notFound } from '../../http/problem.ts';
import { documentLabel } from '../library/document-label.ts';
import {
  existingClauseIds,
  getActionRow,
  insertAction,
  insertUpdate,
  countActions,
  listActions,
  nextRef,
  replaceClauses,
  replaceParties,
  replaceTags,
  sourcesOf,
  updateAction,
  updatesOf,
} from './actions.repository.ts';
import { toSummaries } from './action-mapper.ts';
import { cachedCount } from './count-cache.ts';

export async function findActions(ctx: AppContext, q: ActionQuery): Promise<{ items: ActionSummary[]; total: number }> {
  const db = ctx.db.kysely;
  const opts = { dialect: ctx.db.dialect, today: ctx.today() };
  const { limit: _l, offset: _o, sort: _s, order: _d, ...filter } = q;
  // "today" is part of the key: overdue and stale move with the calendar.
  const total = await cachedCount(ctx.db, JSON.stringify({ ...filter, today: opts.today }), () => countActions(db, filter, opts));
  const rows = await listActions(db, q, opts, total);
  return { items: await toSummaries(db, rows), total };
}

export async function getAction(ctx: AppContext, id: number, db: Kysely<Database> = ctx.db.kysely): Promise<ActionDetail> {
  const row = await getActionRow(db, id, ctx.today());
  if (!row) throw notFound('Action item', id);
  const [summary] = await toSummaries(db, [row]);
  const [sources, updates] = await Promise.all([sourcesOf(db, id), updatesOf(db, id)]);
  return {
    ...summary!,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sources: sources.map((s) => ({
      clauseId: s.clause_id,
      documentId: s.document_id,
      label: `${documentLabel(s)} · ${s.heading}${s.num ? ` ${s.num}` : ''}`,
    })),
    updates: updates.map((u) => ({
      id: u.id,
      date: u.date,
      text: u.text,
      statusFrom: u.status_from as ActionDetail['status'] | null,
      statusTo: u.status_to as ActionDetail['status'] | null,
      progress: u.progress,
      evidence: JSON.parse(u.evidence) as EvidenceLink[],
    })),
  };
}

async function checkClauses(db: Kysely<Database>, ids: number[]) {
  const found = await existingClauseIds(db, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw badRequest('Some source clauses do not exist.', missing.map((id) => ({ location: 'body.clauseIds', message: `clause ${id} does not exist` })));
  }
}

/** Creates an action item inside an open transaction; used by the API, suggestions, plan imports and the demo. */
export async function createActionIn(db: Kysely<Database>, ctx: AppContext, input: ActionInput & { ref?: string }): Promise<number> {
  await checkClauses(db, input.clauseIds);
  const now = ctx.now();
  const id = await insertAction(db, {
    ref: input.ref ?? (await nextRef(db)),
    title: input.title,
    description: input.description,
    status: input.status,
    progress: input.progress,
    reports_to: input.reportsTo,
    due_date: input.dueDate,
    recurrence: input.recurrence,
    last_update: null,
    created_at: now,
    updated_at: now,
  });
  await replaceParties(db, id, 'responsible', input.responsible);
  await replaceParties(db, id, 'collaborator', input.collaborators);
  await replaceTags(db, id, input.tags);
  await replaceClauses(db, id, input.clauseIds);
  return id;
}

export async function createAction(ctx: AppContext, input: ActionInput): Promise<ActionDetail> {
  return ctx.db.kysely.transaction().execute(async (trx) => getAction(ctx, await createActionIn(trx, ctx, input), trx));
}

/**
 * Applies a partial change. With `expectedVersion` (from If-Match) a stale
 * write is refused with 412 and the current state, so nobody silently
 * overwrites someone else's edit. A status change is also written to the timeline.
 */
export async function patchActionIn(db: Kysely<Database>, ctx: AppContext, id: number, patch: ActionPatch, expectedVersion?: number) {
  const row = await getActionRow(db, id, ctx.today());
  if (!row) throw notFound('Action item', id);
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new HttpProblem(412, 'Precondition failed', `Action item ${row.ref} was changed by someone else (version ${row.version}, you had ${expectedVersion}).`, undefined, {
      current: await getAction(ctx, id, db),
    });
  }
  if (patch.clauseIds) await checkClauses(db, patch.clauseIds);
  const progress = patch.progress ?? (patch.status === 'completed' ? 100 : undefined);
  await updateAction(db, id, {
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    ...(progress !== undefined ? { progress } : {}),
    ...(patch.reportsTo !== undefined ? { reports_to: patch.reportsTo } : {}),
    ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
    ...(patch.recurrence !== undefined ? { recurrence: patch.recurrence } : {}),
    updated_at: ctx.now(),
  });
  if (patch.responsible) await replaceParties(db, id, 'responsible', patch.responsible);
  if (patch.collaborators) await replaceParties(db, id, 'collaborator', patch.collaborators);
  if (patch.tags) await replaceTags(db, id, patch.tags);
  if (patch.clauseIds) await replaceClauses(db, id, patch.clauseIds);
  if (patch.status !== undefined && patch.status !== row.status) {
    await insertUpdate(db, {
      action_id: id,
      date: ctx.today(),
      text: `Status changed from ${row.status.replace('_', ' ')} to ${patch.status.replace('_', ' ')}.`,
      status_from: row.status,
      status_to: patch.status,
      progress: progress ?? null,
      evidence: '[]',
      created_at: ctx.now(),
    });
  }
}

export function patchAction(ctx: AppContext, id: number, patch: ActionPatch, expectedVersion?: number): Promise<ActionDetail> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    await patchActionIn(trx, ctx, id, patch, expectedVersion);
    return getAction(ctx, id, trx);
  });
}

export async function addUpdateIn(db: Kysely<Database>, ctx: AppContext, id: number, input: UpdateInput) {
  const row = await getActionRow(db, id, ctx.today());
  if (!row) throw notFound('Action item', id);
  const statusChanged = input.statusTo !== undefined && input.statusTo !== row.status;
  const progress = input.progress ?? (input.statusTo === 'completed' ? 100 : undefined);
  await insertUpdate(db, {
    action_id: id,
    date: input.date ?? ctx.today(),
    text: input.text,
    status_from: statusChanged ? row.status : null,
    status_to: statusChanged ? input.statusTo! : null,
    progress: progress ?? null,
    evidence: JSON.stringify(input.evidence),
    created_at: ctx.now(),
  });
  if (statusChanged || progress !== undefined) {
    await updateAction(db, id, {
      ...(statusChanged ? { status: input.statusTo } : {}),
      ...(progress !== undefined ? { progress } : {}),
      updated_at: ctx.now(),
    });
  }
}

export function addUpdate(ctx: AppContext, id: number, input: UpdateInput): Promise<ActionDetail> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    await addUpdateIn(trx, ctx, id, input);
    return getAction(ctx, id, trx);
  });
}
