import type { AppContext } from '../http/context.ts';
import { parseResolutionText } from '../analysis/text/parse-text.ts';
import { importDocuments } from '../modules/library/import.service.ts';
import { findClauseId } from '../modules/plan-io/plan-rows.repository.ts';
import { createActionIn, addUpdateIn } from '../modules/actions/actions.service.ts';
import { updateAction } from '../modules/actions/actions.repository.ts';
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
 */
export async function loadDemo(ctx: AppContext): Promise<DemoResult> {
  const corpus = loadDemoCorpus();
  const summary = await importDocuments(
    ctx,
    corpus.map((f) => ({ name: f.name, content: Buffer.from(f.text) })),
  );
  if (summary.failed.length > 0) throw new Error(`demo corpus failed to import: ${summary.failed.map((f) => `${f.file}: ${f.message}`).join('; ')}`);
  const parsed = corpus.map((f) => parseResolutionText(f.text, { fileName: f.name }));
  const plan = buildDemoPlan(parsed, ctx.today());

  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const org of plan.organisations) {
      await trx.insertInto('organisations').values(org).onConflict((oc) => oc.column('name').doNothing()).execute();
    }
    for (const a of plan.actions) {
      const clauseIds: number[] = [];
      for (const s of a.sources) {
        const id = await findClauseId(trx, { body: s.body, kind: 'resolution', number: s.number, revision: s.revision, path: s.clausePath });
        if (id !== undefined) clauseIds.push(id);
      }
      const id = await createActionIn(trx, ctx, { ...a, status: 'not_started', progress: 0, clauseIds });
      for (const u of a.updates) {
        await addUpdateIn(trx, ctx, id, { date: u.date, text: u.text, statusTo: u.statusTo ?? undefined, progress: u.progress ?? undefined, evidence: u.evidence });
      }
      await updateAction(trx, id, { status: a.status, progress: a.progress });
      // The suggestion this item answers is no longer pending.
      if (clauseIds.length > 0) {
        const sugg = await trx
          .selectFrom('suggestion_clauses')
          .innerJoin('suggestions', 'suggestions.id', 'suggestion_clauses.suggestion_id')
          .select('suggestions.id')
          .where('suggestion_clauses.clause_id', 'in', clauseIds)
          .where('suggestions.status', '=', 'pending')
          .execute();
        for (const s of sugg) await trx.updateTable('suggestions').set({ status: 'accepted', action_id: id }).where('id', '=', s.id).execute();
      }
    }
  });
  return { documents: summary.documents, actions: plan.actions.length };
}
