import type { ActionStatus, CarryOverInput, CarryOverProposal, CarryOverResult } from '@mandate/shared';
import type { Kysely } from 'kysely';
import { planCarryOver } from '../../analysis/carry-over/plan-carry-over.ts';
import { diffRevisions } from '../../analysis/lineage/diff-revisions.ts';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { badRequest, notFound, type ProblemLocation } from '../../http/problem.ts';
import { auditAction } from '../actions/action-audit.ts';
import { addClauses } from '../actions/actions.repository.ts';
import { claimAction, getAction } from '../actions/actions.service.ts';
import { assertCan } from '../auth/policy.ts';
import { getDocument } from '../library/documents.service.ts';
import { proposalView, type CitingItem } from './carry-over-view.ts';
import { citationsInto, clauseIdsOf, documentExists, itemsCiting } from './carry-over.repository.ts';

/**
 * Carry-over of the action plan from one revision (`from`, the path's
 * document) to another (`to`). The preview reads; applying adds the chosen
 * clauses of `to` as sources of each item and keeps the old ones: the older
 * revision stays in the library as superseded, and what an item did under it
 * (its updates, its reports to Council) was done under that text. The item
 * then cites both, the way a secretariat writes "Res. 64 (Rev. New Delhi,
 * 2024) resolves 1, formerly (Rev. Geneva, 2022) resolves 1".
 */

export async function previewCarryOver(ctx: AppContext, fromId: number, toId: number): Promise<CarryOverProposal> {
  assertCan(ctx, 'read');
  if (fromId === toId) throw sameDocument();
  const db = ctx.db.kysely;
  const [from, to] = await Promise.all([getDocument(ctx, fromId), getDocument(ctx, toId)]);
  const items = await citingItems(db, fromId);
  const alreadyCited = await carriedAlready(db, fromId, toId);
  const pathOf = new Map(from.clauses.map((c) => [c.id, c.path]));
  const plan = planCarryOver(
    diffRevisions(from.clauses, to.clauses),
    [...items.values()].map((i) => ({ id: i.id, clausePaths: i.clauseIds.map((id) => pathOf.get(id)!) })),
    { citedNewPaths: new Set(to.clauses.filter((c) => c.actions.length > 0).map((c) => c.path)) },
  );
  return proposalView(from, to, plan, items, alreadyCited);
}

/**
 * Applies the (possibly edited) proposal in one transaction: all items or
 * none. Each item that gains a source claims its next version (compare-and-set
 * against the version the proposal showed, when sent: 412 if someone changed
 * the item since) and gets one audit row. Items are written in id order, so
 * two carry-overs touching the same items take the row locks in the same
 * order on PostgreSQL and cannot deadlock.
 */
export async function applyCarryOver(ctx: AppContext, fromId: number, input: CarryOverInput): Promise<CarryOverResult> {
  assertCan(ctx, 'edit');
  if (fromId === input.to) throw sameDocument();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    await checkInput(trx, fromId, input);
    const existing = await carriedAlready(trx, fromId, input.to);
    const result: CarryOverResult = { from: fromId, to: input.to, carried: [], unchanged: [] };
    for (const item of [...input.items].sort((a, b) => a.actionId - b.actionId)) {
      const added = [...new Set(item.clauseIds)].filter((id) => !existing.get(item.actionId)?.has(id));
      if (added.length === 0) {
        result.unchanged.push(item.actionId);
        continue;
      }
      const before = await claimAction(trx, ctx, item.actionId, item.version);
      await addClauses(trx, item.actionId, added);
      const after = await getAction(ctx, item.actionId, trx);
      await auditAction(trx, ctx, 'update', before, after);
      result.carried.push({ actionId: after.id, ref: after.ref, added, version: after.version });
    }
    return result;
  });
}

const sameDocument = () => badRequest('Carry the plan over to another document, not to the same one.');

/** Refuses, all at once, items that do not cite `from` and clauses that are not in `to`. */
async function checkInput(db: Kysely<Database>, fromId: number, input: CarryOverInput): Promise<void> {
  if (!(await documentExists(db, fromId))) throw notFound('Document', fromId);
  if (!(await documentExists(db, input.to))) throw badRequest(`Document ${input.to} does not exist.`, [{ location: 'body.to', message: 'no such document' }]);
  const [targets, citing] = await Promise.all([clauseIdsOf(db, input.to), citingItems(db, fromId)]);
  const errors: ProblemLocation[] = [];
  const seen = new Set<number>();
  input.items.forEach((item, i) => {
    if (seen.has(item.actionId)) errors.push({ location: `body.items.${i}.actionId`, message: `action item ${item.actionId} is listed twice` });
    seen.add(item.actionId);
    if (!citing.has(item.actionId)) errors.push({ location: `body.items.${i}.actionId`, message: `action item ${item.actionId} does not cite document ${fromId}` });
    for (const id of item.clauseIds) {
      if (!targets.has(id)) errors.push({ location: `body.items.${i}.clauseIds`, message: `clause ${id} is not in document ${input.to}` });
    }
  });
  if (errors.length > 0) throw badRequest('Some items or clauses cannot be carried over: nothing was changed.', errors.slice(0, 100));
}

async function citingItems(db: Kysely<Database>, documentId: number): Promise<Map<number, CitingItem>> {
  const items = new Map<number, CitingItem>();
  for (const r of await itemsCiting(db, documentId)) {
    const item = items.get(r.id) ?? { id: r.id, ref: r.ref, title: r.title, status: r.status as ActionStatus, version: r.version, clauseIds: [] };
    item.clauseIds.push(r.clause_id);
    items.set(r.id, item);
  }
  return items;
}

async function carriedAlready(db: Kysely<Database>, fromId: number, toId: number): Promise<Map<number, Set<number>>> {
  const cited = new Map<number, Set<number>>();
  for (const r of await citationsInto(db, fromId, toId)) cited.set(r.action_id, (cited.get(r.action_id) ?? new Set()).add(r.clause_id));
  return cited;
}
