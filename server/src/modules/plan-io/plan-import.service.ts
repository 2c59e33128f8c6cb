import type { Kysely } from 'kysely';
import type { ActionInput, PlanImportResult } from '@mandate/shared';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { HttpProblem, badRequest, type ProblemLocation } from '../../http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assertCan } from '../auth/policy.ts';
import { findActionByRef } from '../actions/actions.repository.ts';
import { addUpdateIn, createActionIn, getAction, patchActionIn } from '../actions/actions.service.ts';
import { extensionOf } from '../library/source-file.ts';
import { columnKey, parseStatus, splitList, UPDATE_COLUMNS } from './plan-columns.ts';
import { validatePlanTable, type ValidRow } from './plan-validate.ts';
import { MAX_PLAN_BYTES, readCsv, readXlsx, type Table } from './read-table.ts';
import { findClauseId } from './plan-rows.repository.ts';


/**
 * Imports an action plan from CSV or XLSX, all or nothing. Rows are matched to
 * existing items by ref; identical rows change nothing (so export → import is
 * a no-op); items absent from the file are left alone.
 */
export async function importPlan(ctx: AppContext, file: { name: string; content: Uint8Array }): Promise<PlanImportResult> {
  assertCan(ctx, 'edit');
  if (file.content.byteLength === 0) throw badRequest('The file is empty.', [{ location: 'file', message: 'empty file' }]);
  if (file.content.byteLength > MAX_PLAN_BYTES) throw new HttpProblem(413, 'Payload too large', `Plan files are limited to ${MAX_PLAN_BYTES / 1048576} MB.`);
  const ext = extensionOf(file.name);
  let plan: Table;
  let updatesTable: Table | undefined;
  if (ext === 'csv') plan = readCsv(file.content);
  else if (ext === 'xlsx') {
    const sheets = await readXlsx(file.content);
    plan = sheets.find((s) => s.name === 'Action plan') ?? sheets[0] ?? { name: '', rows: [] };
    updatesTable = sheets.find((s) => s.name === 'Progress updates');
  } else throw new HttpProblem(415, 'Unsupported media type', 'An action plan must be a .csv or .xlsx file.');

  const { rows, errors } = validatePlanTable(plan);
  if (errors.length > 0) throw rejected(errors);

  return ctx.db.kysely.transaction().execute(async (trx) => {
    const result: PlanImportResult = { rows: rows.length, created: 0, updated: 0, unchanged: 0, updatesAdded: 0 };
    const sourceErrors: ProblemLocation[] = [];
    for (const row of rows) {
      const clauseIds = row.sources ? await resolveSources(trx, row, sourceErrors) : undefined;
      if (sourceErrors.length > 0) continue;
      const input: ActionInput = { ...fieldsOf(row), clauseIds: clauseIds ?? [], isPublic: false };
      const existing = row.ref ? await findActionByRef(trx, row.ref) : undefined;
      if (!existing) {
        await createActionIn(trx, ctx, { ...input, ...(row.ref ? { ref: row.ref } : {}) });
        result.created += 1;
        continue;
      }
      const current = await getAction(ctx, existing.id, trx);
      const patch = { ...fieldsOf(row), ...(clauseIds ? { clauseIds } : {}) };
      const currentClauseIds = current.sources.map((s) => s.clauseId);
      if (sameAs(current, patch, currentClauseIds)) result.unchanged += 1;
      else {
        // Based on the state just compared: an edit landing meanwhile fails the import (412) instead of being overwritten.
        await patchActionIn(trx, ctx, existing.id, patch, current.version);
        result.updated += 1;
      }
    }
    if (sourceErrors.length > 0) throw rejected(sourceErrors);
    if (updatesTable) result.updatesAdded = await importUpdates(trx, ctx, updatesTable);
    // One row for the import as a whole; each created or changed item has its own rows under the same request id.
    await recordAudit(trx, ctx, { entity: 'plan', entityId: file.name, action: 'import', before: null, after: { file: file.name, ...result } });
    return result;
  });
}

function rejected(errors: ProblemLocation[]) {
  return badRequest(`The plan was not imported: ${errors.length} problem${errors.length === 1 ? '' : 's'} found. Fix them and import again.`, errors.slice(0, 500));
}

function fieldsOf(row: ValidRow) {
  const { title, description, status, progress, responsible, collaborators, reportsTo, dueDate, recurrence, tags } = row;
  return { title, description, status, progress, responsible, collaborators, reportsTo, dueDate, recurrence, tags };
}

async function resolveSources(trx: Kysely<Database>, row: ValidRow, errors: ProblemLocation[]): Promise<number[]> {
  const ids: number[] = [];
  for (const s of row.sources ?? []) {
    const id = await findClauseId(trx, s);
    if (id === undefined) errors.push({ location: `row ${row.line}, column sources`, message: `no clause "${s.text}" in the library` });
    else ids.push(id);
  }
  return ids;
}

function sameList(a: readonly (string | number)[], b: readonly (string | number)[]) {
  const sa = [...a].map(String).sort();
  const sb = [...b].map(String).sort();
  return sa.length === sb.length && sa.every((x, i) => x === sb[i]);
}

function sameAs(current: Awaited<ReturnType<typeof getAction>>, p: ReturnType<typeof fieldsOf> & { clauseIds?: number[] }, currentClauseIds: number[]) {
  return (
    current.title === p.title &&
    current.description === p.description &&
    current.status === p.status &&
    current.progress === p.progress &&
    current.reportsTo === p.reportsTo &&
    current.dueDate === p.dueDate &&
    current.recurrence === p.recurrence &&
    sameList(current.responsible, p.responsible) &&
    sameList(current.collaborators, p.collaborators) &&
    sameList(current.tags, p.tags) &&
    (p.clauseIds === undefined || sameList(currentClauseIds, p.clauseIds))
  );
}

/** Adds the rows of a "Progress updates" sheet that the timeline does not already hold (same ref, date and text). */
async function importUpdates(trx: Kysely<Database>, ctx: AppContext, table: Table): Promise<number> {
  const [header, ...body] = table.rows;
  if (!header) return 0;
  const keys = header.map((h) => columnKey(UPDATE_COLUMNS, h));
  const errors: ProblemLocation[] = [];
  let added = 0;
  for (const [i, cells] of body.entries()) {
    const get = (k: string) => (cells[keys.indexOf(k as never)] ?? '').trim();
    const at = (k: string) => `sheet Progress updates, row ${i + 2}, column ${k}`;
    const action = await findActionByRef(trx, get('ref'));
    if (!action) { errors.push({ location: at('ref'), message: `no action item "${get('ref')}"` }); continue; }
    const date = get('date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) { errors.push({ location: at('date'), message: `date must be YYYY-MM-DD, not "${date}"` }); continue; }
    const text = get('text');
    if (!text) { errors.push({ location: at('text'), message: 'text is empty' }); continue; }
    const exists = await trx.selectFrom('progress_updates').select('id').where('action_id', '=', action.id).where('date', '=', date).where('text', '=', text).executeTakeFirst();
    if (exists) continue;
    const statusTo = get('status_to') ? parseStatus(get('status_to')) : undefined;
    const progress = get('progress') ? Number(get('progress')) : undefined;
    const evidence = splitList(get('evidence')).map((e) => {
      const m = /^(.*)<(https?:\/\/[^>]+)>$/.exec(e);
      return m ? { label: m[1]!.trim() || m[2]!, url: m[2]! } : { label: e, url: e };
    });
    await addUpdateIn(trx, ctx, action.id, { date, text, statusTo: statusTo ?? undefined, progress, evidence });
    added += 1;
  }
  if (errors.length > 0) throw rejected(errors);
  return added;
}
