import type { ActionDetail, ActionPatch, Suggestion, SuggestionStatus } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import { documentLabel } from '../library/document-label.ts';
import { getActionRow, replaceClauses } from './actions.repository.ts';
import { createActionIn, getAction } from './actions.service.ts';
import { clauseIdsOfAction, clausesOfSuggestions, getSuggestionRow, listSuggestions, setSuggestionStatus } from './suggestions.repository.ts';

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
  };
}

export async function findSuggestions(ctx: AppContext, f: { documentId?: number; status?: string; limit: number; offset: number }) {
  const db = ctx.db.kysely;
  const { rows, total } = await listSuggestions(db, f);
  const links = await clausesOfSuggestions(db, rows.map((r) => r.id));
  return { total, items: rows.map((r) => toSuggestion(r, links.filter((l) => l.suggestion_id === r.id).map((l) => l.clause_id))) };
}

async function pendingSuggestion(ctx: AppContext, id: number, db = ctx.db.kysely) {
  const row = await getSuggestionRow(db, id);
  if (!row) throw notFound('Suggestion', id);
  if (row.status !== 'pending') throw new HttpProblem(409, 'Conflict', `Suggestion ${id} is already ${row.status}.`);
  const clauseIds = (await clausesOfSuggestions(db, [id])).map((l) => l.clause_id);
  return { row, clauseIds };
}

/** Turns a suggestion into an action item; the editor may override any proposed field. */
export function acceptSuggestion(ctx: AppContext, id: number, overrides: ActionPatch): Promise<ActionDetail> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const { row, clauseIds } = await pendingSuggestion(ctx, id, trx);
    const actionId = await createActionIn(trx, ctx, {
      title: row.title,
      description: row.description,
      status: 'not_started',
      progress: 0,
      responsible: [row.addressee],
      collaborators: [],
      reportsTo: '',
      dueDate: null,
      recurrence: '',
      tags: [],
      clauseIds,
      ...stripUndefined(overrides),
    });
    await setSuggestionStatus(trx, id, 'accepted', actionId);
    return getAction(ctx, actionId, trx);
  });
}

/** Folds a suggestion into an existing action item: its clauses become sources of that item. */
export function mergeSuggestion(ctx: AppContext, id: number, actionId: number): Promise<ActionDetail> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const { clauseIds } = await pendingSuggestion(ctx, id, trx);
    if (!(await getActionRow(trx, actionId, ctx.today()))) throw notFound('Action item', actionId);
    const current = (await clauseIdsOfAction(trx, actionId)).map((r) => r.clause_id);
    await replaceClauses(trx, actionId, [...current, ...clauseIds]);
    await setSuggestionStatus(trx, id, 'merged', actionId);
    return getAction(ctx, actionId, trx);
  });
}

export async function dismissSuggestion(ctx: AppContext, id: number): Promise<Suggestion> {
  await pendingSuggestion(ctx, id);
  await setSuggestionStatus(ctx.db.kysely, id, 'dismissed', null);
  return (await suggestionById(ctx, id))!;
}

/** Undo of a dismissal: the suggestion goes back to the review queue. */
export async function reopenSuggestion(ctx: AppContext, id: number): Promise<Suggestion> {
  const row = await getSuggestionRow(ctx.db.kysely, id);
  if (!row) throw notFound('Suggestion', id);
  if (row.status !== 'dismissed') throw new HttpProblem(409, 'Conflict', `Only a dismissed suggestion can be reopened; this one is ${row.status}.`);
  await setSuggestionStatus(ctx.db.kysely, id, 'pending', null);
  return (await suggestionById(ctx, id))!;
}

async function suggestionById(ctx: AppContext, id: number): Promise<Suggestion | undefined> {
  const row = await getSuggestionRow(ctx.db.kysely, id);
  if (!row) return undefined;
  return toSuggestion(row, (await clausesOfSuggestions(ctx.db.kysely, [id])).map((l) => l.clause_id));
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
