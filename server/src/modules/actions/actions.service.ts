import type { ActionDetail, ActionInput, ActionPatch, ActionQuery, ActionSummary, EvidenceLink, UpdateInput } from '@mandate/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { documentLabel } from '../library/document-label.ts';
import { auditAction, auditOrganisations, staleAction } from './action-audit.ts';
import { assertCan, assertMayContribute, assertVisible, changedFields, publicOnly } from '../auth/policy.ts';
import { hidePrivateDocuments } from '../auth/public-view.ts';
import {
  claimActionVersion,
  existingClauseIds,
  getActionRow,
  insertAction,
  insertUpdate,
  actionRowsByIds,
  nextRef,
  replaceClauses,
  replaceParties,
  replaceTags,
  sourcesOf,
  updateAction,
  updatesOf,
} from './actions.repository.ts';
import { toSummary, type ActionRowLike } from './action-mapper.ts';
import { relationsFromRow, relationsOf } from './action-relations.ts';
import { matchingIds } from './match-lists.ts';

export async function findActions(ctx: AppContext, q: ActionQuery): Promise<{ items: ActionSummary[]; total: number }> {
  const db = ctx.db.kysely;
  // Anonymous callers get the public plan: the list is filtered, not refused.
  const opts = { today: ctx.today(), publicOnly: publicOnly(ctx) };
  const { limit, offset, sort, order, ...filter } = q;
  // Kept match lists (match-lists.ts): the page is a slice, its rows are read now.
  const ids = await matchingIds(ctx.db, filter, sort, order, opts);
  const page = [...ids.subarray(offset, offset + limit)];
  const byId = new Map((await actionRowsByIds(db, page, opts.today)).map((r) => [r.id, r]));
  // An item deleted by another process since the list was made is left out of this one page.
  const rows = page.flatMap((id) => byId.get(id) ?? []);
  const total = ids.length;
  return { items: await hidePrivateDocuments(db, ctx, await withRelations(ctx, rows)), total };
}

/** List rows as summaries, with their relations (kept between requests: see relationsOf). */
export async function withRelations(ctx: AppContext, rows: ActionRowLike[]): Promise<ActionSummary[]> {
  const relations = await relationsOf(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => toSummary(r, relations.get(r.id)!));
}

export async function getAction(ctx: AppContext, id: number, db: Kysely<Database> = ctx.db.kysely): Promise<ActionDetail> {
  const row = await getActionRow(db, id, ctx.today(), ctx.db.dialect);
  if (!row) throw notFound('Action item', id);
  assertVisible(ctx, row.is_public);
  // Read directly, not from the kept relations: this may run inside a write transaction.
  const summary = toSummary(row, relationsFromRow(row));
  const [sources, updates] = await Promise.all([sourcesOf(db, id), updatesOf(db, id)]);
  const detail: ActionDetail = {
    ...summary,
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
  // The public does not learn which internal texts a public item cites.
  return (await hidePrivateDocuments(db, ctx, [detail]))[0]!;
}

async function checkClauses(db: Kysely<Database>, ids: number[]) {
  const found = await existingClauseIds(db, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw badRequest('Some source clauses do not exist.', missing.map((id) => ({ location: 'body.clauseIds', message: `clause ${id} does not exist` })));
  }
}

/** Creates an action item inside an open transaction; used by the API, suggestions, plan imports and the demo. */
export async function createActionIn(db: Kysely<Database>, ctx: AppContext, input: Omit<ActionInput, 'isPublic'> & { isPublic?: boolean; ref?: string }): Promise<number> {
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
    is_public: input.isPublic ? 1 : 0,
    last_update: null,
    created_at: now,
    updated_at: now,
  });
  const createdOrgs = [
    ...(await replaceParties(db, id, 'responsible', input.responsible)),
    ...(await replaceParties(db, id, 'collaborator', input.collaborators)),
  ];
  await replaceTags(db, id, input.tags);
  await replaceClauses(db, id, input.clauseIds);
  await auditOrganisations(db, ctx, createdOrgs);
  await auditAction(db, ctx, 'create', null, await getAction(ctx, id, db));
  return id;
}

export async function createAction(ctx: AppContext, input: ActionInput): Promise<ActionDetail> {
  assertCan(ctx, 'edit');
  return ctx.db.kysely.transaction().execute(async (trx) => getAction(ctx, await createActionIn(trx, ctx, input), trx));
}

/**
 * Reads an item and claims its next version (compare-and-set, see
 * claimActionVersion); returns the state the change is based on. With
 * `expected` (the client's If-Match) losing the race is a 412 with the
 * current state. Without it (imports, the demo, merges) the change is based
 * on what was just read, and a lost race is retried on the fresh state.
 */
export async function claimAction(db: Kysely<Database>, ctx: AppContext, id: number, expected?: number): Promise<ActionDetail> {
  for (let attempt = 1; ; attempt += 1) {
    const before = await getAction(ctx, id, db);
    const base = expected ?? before.version;
    if (before.version === base && (await claimActionVersion(db, id, base, ctx.now()))) return before;
    if (expected !== undefined || attempt === 5) throw await staleAction(db, await getAction(ctx, id, db), base);
  }
}

/**
 * Applies a partial change, refused with 412 when `expectedVersion` (If-Match)
 * is stale, so nobody silently overwrites someone else's edit. A status
 * change is also written to the timeline. Returns the new state.
 */
export async function patchActionIn(db: Kysely<Database>, ctx: AppContext, id: number, patch: ActionPatch, expectedVersion?: number): Promise<ActionDetail> {
  const before = await claimAction(db, ctx, id, expectedVersion);
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
    ...(patch.isPublic !== undefined ? { is_public: patch.isPublic ? 1 : 0 } : {}),
  });
  const createdOrgs = [
    ...(patch.responsible ? await replaceParties(db, id, 'responsible', patch.responsible) : []),
    ...(patch.collaborators ? await replaceParties(db, id, 'collaborator', patch.collaborators) : []),
  ];
  if (patch.tags) await replaceTags(db, id, patch.tags);
  if (patch.clauseIds) await replaceClauses(db, id, patch.clauseIds);
  if (patch.status !== undefined && patch.status !== before.status) {
    await insertUpdate(db, {
      action_id: id,
      date: ctx.today(),
      text: `Status changed from ${before.status.replace('_', ' ')} to ${patch.status.replace('_', ' ')}.`,
      status_from: before.status,
      status_to: patch.status,
      progress: progress ?? null,
      evidence: '[]',
      created_at: ctx.now(),
    });
  }
  const after = await getAction(ctx, id, db);
  await auditOrganisations(db, ctx, createdOrgs);
  await auditAction(db, ctx, 'update', before, after);
  return after;
}

export function patchAction(ctx: AppContext, id: number, patch: ActionPatch, expectedVersion: number): Promise<ActionDetail> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    // Editors change anything; contributors only status and progress, only on their units' items.
    await assertMayContribute(trx, ctx, id, changedFields(patch));
    return patchActionIn(trx, ctx, id, patch, expectedVersion);
  });
}

/** Adds a progress update (a change of the item: its version moves on, like any other write). */
export async function addUpdateIn(db: Kysely<Database>, ctx: AppContext, id: number, input: UpdateInput, expectedVersion?: number): Promise<ActionDetail> {
  const before = await claimAction(db, ctx, id, expectedVersion);
  const statusChanged = input.statusTo !== undefined && input.statusTo !== before.status;
  const progress = input.progress ?? (input.statusTo === 'completed' ? 100 : undefined);
  const updateId = await insertUpdate(db, {
    action_id: id,
    date: input.date ?? ctx.today(),
    text: input.text,
    status_from: statusChanged ? before.status : null,
    status_to: statusChanged ? input.statusTo! : null,
    progress: progress ?? null,
    evidence: JSON.stringify(input.evidence),
    created_at: ctx.now(),
  });
  if (statusChanged || progress !== undefined) {
    await updateAction(db, id, {
      ...(statusChanged ? { status: input.statusTo } : {}),
      ...(progress !== undefined ? { progress } : {}),
    });
  }
  const after = await getAction(ctx, id, db);
  await auditAction(db, ctx, 'progress', before, after, after.updates.find((u) => u.id === updateId));
  return after;
}

export function addUpdate(ctx: AppContext, id: number, input: UpdateInput, expectedVersion: number): Promise<ActionDetail> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    await assertMayContribute(trx, ctx, id);
    return addUpdateIn(trx, ctx, id, input, expectedVersion);
  });
}
