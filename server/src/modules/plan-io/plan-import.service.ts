import type { Kysely } from 'kysely';
import { isRealDate, type ActionInput, type PlanImportResult } from '@mandate/shared';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { HttpProblem, badRequest, type ProblemLocation } from '../../http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assertCan } from '../auth/policy.ts';
import { findActionByRef } from '../actions/actions.repository.ts';
import { addUpdateIn, createActionIn, getAction, patchActionIn } from '../actions/actions.service.ts';
import { cleanFileName, extensionOf } from '../library/source-file.ts';
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
  const name = cleanFileName(file.name);
  const ext = extensionOf(name);
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
    await recordAudit(trx, ctx, { entity: 'plan', entityId: name, action: 'import', before: null, after: { file: name, ...result } });
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

/**
 * One evidence item of a cell: "label <https://…>", a bare web or mail link,
 * or plain words (kept as a label without a link). Anything else that looks
 * like a link (javascript:, data:) is kept as words too, never as a link.
 */
function evidenceItem(e: string): { label: string; url: string } {
  const m = /^(.*)<((?:https?:\/\/|mailto:)[^>\s]+)>$/.exec(e);
  if (m) return { label: m[1]!.trim() || m[2]!, url: m[2]! };
  if (/^(?:https?:\/\/|mailto:)\S+$/.test(e)) return { label: e, url: e };
  return { label: e, url: '' };
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
    // PostgreSQL cannot store U+0000: refused here as in the plan sheet, not failed as a 500.
    if (cells.some((c) => c.includes('\u0000'))) { errors.push({ location: `sheet Progress updates, row ${i + 2}`, message: 'contains the NUL character (U+0000)' }); continue; }
    const action = await findActionByRef(trx, get('ref'));
    if (!action) { errors.push({ location: at('ref'), message: `no action item "${get('ref')}"` }); continue; }
    const date = get('date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date)) { errors.push({ location: at('date'), message: `date must be YYYY-MM-DD, not "${date}"` }); continue; }
    const text = get('text');
    if (!text) { errors.push({ location: at('text'), message: 'text is empty' }); continue; }
    if (text.length > 20_000) { errors.push({ location: at('text'), message: 'text is longer than 20000 characters (the API limit)' }); continue; }
    const exists = await trx.selectFrom('progress_updates').select('id').where('action_id', '=', action.id).where('date', '=', date).where('text', '=', text).executeTakeFirst();
    if (exists) continue;
    // Checked like the plan sheet: "abc" used to reach the database as NaN (a 500 on PostgreSQL), an unknown status was dropped silently.
    const statusTo = get('status_to') ? parseStatus(get('status_to')) : undefined;
    if (statusTo === null) { errors.push({ location: at('status_to'), message: `unknown status "${get('status_to')}"` }); continue; }
    const progress = get('progress') ? Number(get('progress')) : undefined;
    if (progress !== undefined && (!Number.isInteger(progress) || progress < 0 || progress > 100)) { errors.push({ location: at('progress'), message: `progress must be a whole number from 0 to 100, not "${get('progress')}"` }); continue; }
    const evidence = splitList(get('evidence')).map(evidenceItem);
    await addUpdateIn(trx, ctx, action.id, { date, text, statusTo, progress, evidence });
    added += 1;
  }
  if (errors.length > 0) throw rejected(errors);
  return added;
}
