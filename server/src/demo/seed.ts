import type { AppContext } from '../http/context.ts';
import { parseResolutionText } from '../analysis/text/parse-text.ts';
import { importDocuments } from '../modules/library/import.service.ts';
import { findClauseId } from '../modules/plan-io/plan-rows.repository.ts';
import { sql } from 'kysely';
import { createActionIn, addUpdateIn, claimAction, getAction } from '../modules/actions/actions.service.ts';
import { updateAction } from '../modules/actions/actions.repository.ts';
import { auditAction } from '../modules/actions/action-audit.ts';
import { loadSuggestion } from '../modules/actions/suggestions.service.ts';
import { recordAudit } from '../modules/audit/record-audit.ts';
import { patchDocument } from '../modules/library/document-patch.service.ts';
import { loadDemoCorpus } from './corpus.ts';
import { buildDemoPlan } from './plan.ts';

export interface DemoResult {
  documents: number;
  actions: number;
}

/** True when the library holds nothing yet: the only time the demo is loaded. */
export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.kysely.selectFrom('documents').select('id').limit(1).executeTakeFirst();
  return !row;
}

/**
 * Loads the project's own demo library through the same import path users
 * take, then an action plan on top of it, so the app opens on something real.
 * It writes as the context's caller (the system) and is audited like any change.
 */
export async function loadDemo(ctx: AppContext): Promise<DemoResult> {
  const corpus = loadDemoCorpus();
  const summary = await importDocuments(
    ctx,
    corpus.map((f) => ({ name: f.name, content: Buffer.from(f.text) })),
  );
  if (summary.failed.length > 0) throw new Error(`demo corpus failed to import: ${summary.failed.map((f) => `${f.file}: ${f.message}`).join('; ')}`);
  // The demo's texts are published resolutions: the public library shows them all.
  for (const { id } of await ctx.db.kysely.selectFrom('documents').select('id').where('is_public', '=', 0).execute()) {
    await patchDocument(ctx, id, { isPublic: true });
  }
  const parsed = corpus.map((f) => parseResolutionText(f.text, { fileName: f.name }));
  const plan = buildDemoPlan(parsed, ctx.today());

  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const org of plan.organisations) {
      const added = await trx.insertInto('organisations').values(org).onConflict((oc) => oc.column('name').doNothing()).returning('id').executeTakeFirst();
      if (added) await recordAudit(trx, ctx, { entity: 'organisation', entityId: added.id, action: 'create', before: null, after: { id: added.id, ...org } });
    }
    for (const [i, a] of plan.actions.entries()) {
      const clauseIds: number[] = [];
      for (const s of a.sources) {
        const id = await findClauseId(trx, { body: s.body, kind: 'resolution', number: s.number, revision: s.revision, path: s.clausePath });
        if (id !== undefined) clauseIds.push(id);
      }
      // About a third of the plan is public, so the anonymous view has something to show.
      const id = await createActionIn(trx, ctx, { ...a, status: 'not_started', progress: 0, clauseIds, isPublic: i % 3 === 0 });
      for (const u of a.updates) {
        await addUpdateIn(trx, ctx, id, { date: u.date, text: u.text, statusTo: u.statusTo ?? undefined, progress: u.progress ?? undefined, evidence: u.evidence });
      }
      // The plan's final status and progress, set directly (not through PATCH, which would add a timeline entry).
      const before = await claimAction(trx, ctx, id);
      await updateAction(trx, id, { status: a.status, progress: a.progress });
      await auditAction(trx, ctx, 'update', before, await getAction(ctx, id, trx));
      // The suggestion this item answers is no longer pending.
      if (clauseIds.length > 0) {
        const sugg = await trx
          .selectFrom('suggestion_clauses')
          .innerJoin('suggestions', 'suggestions.id', 'suggestion_clauses.suggestion_id')
          .select('suggestions.id')
          .where('suggestion_clauses.clause_id', 'in', clauseIds)
          .where('suggestions.status', '=', 'pending')
          .execute();
        for (const s of sugg) {
          const before = await loadSuggestion(trx, s.id);
          await trx.updateTable('suggestions').set({ status: 'accepted', action_id: id, version: sql<number>`version + 1` }).where('id', '=', s.id).execute();
          await recordAudit(trx, ctx, { entity: 'suggestion', entityId: s.id, action: 'accept', before, after: await loadSuggestion(trx, s.id) });
        }
      }
    }
  });
  return { documents: summary.documents, actions: plan.actions.length };
}
