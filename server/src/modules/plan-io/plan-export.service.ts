import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../../http/context.ts';
import { publicOnly } from '../auth/policy.ts';
import type { ActionFilter } from '../actions/action-filters.ts';
import { partyNames, relationArray } from '../actions/action-relations.ts';
import { clauseKey } from '../library/document-label.ts';
import { PLAN_COLUMNS, UPDATE_COLUMNS, joinList, statusLabel, type PlanRow, type UpdateRow } from './plan-columns.ts';
import { actionsForExport, sourceKeysOf, updatesForExport } from './plan-rows.repository.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

export interface ExportFile {
  content: Buffer;
  contentType: string;
  fileName: string;
}

const BATCH = 500;

/** The plan as flat rows: one per action item, and one per progress update. */
export async function planRows(ctx: AppContext, filter: ActionFilter = {}): Promise<{ actions: PlanRow[]; updates: UpdateRow[] }> {
  const db = ctx.db.kysely;
  // Anonymous callers export the public plan only.
  const pub = publicOnly(ctx);
  const rows = await actionsForExport(db, filter, { dialect: ctx.db.dialect, today: ctx.today(), publicOnly: pub });
  const actions: PlanRow[] = [];
  const updates: UpdateRow[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const ids = batch.map((r) => r.id);
    const [sources, ups] = await Promise.all([sourceKeysOf(db, ids, { publicOnly: pub }), updatesForExport(db, ids)]);
    const refOf = new Map(batch.map((r) => [r.id, r.ref]));
    for (const r of batch) {
      actions.push({
        ref: r.ref,
        title: r.title,
        description: r.description,
        status: statusLabel(r.status),
        progress: String(r.progress),
        responsible: joinList(partyNames(r.parties, 'responsible')),
        collaborators: joinList(partyNames(r.parties, 'collaborator')),
        reports_to: r.reports_to,
        due_date: r.due_date ?? '',
        recurrence: r.recurrence,
        tags: joinList(relationArray<string>(r.tags)),
        sources: joinList(sources.filter((s) => s.action_id === r.id).map((s) => clauseKey(s, s.path))),
      });
    }
    for (const u of ups) {
      const evidence = JSON.parse(u.evidence) as { label: string; url: string }[];
      updates.push({
        ref: refOf.get(u.action_id) ?? '',
        date: u.date,
        text: u.text,
        status_from: u.status_from ? statusLabel(u.status_from) : '',
        status_to: u.status_to ? statusLabel(u.status_to) : '',
        progress: u.progress === null ? '' : String(u.progress),
        // A label without a link (url "") leaves as the words it came in as, so export → import is stable.
        evidence: joinList(evidence.map((e) => (e.url ? `${e.label} <${e.url}>` : e.label))),
      });
    }
  }
  return { actions, updates };
}

export async function exportPlan(ctx: AppContext, format: ExportFormat, filter: ActionFilter = {}): Promise<ExportFile> {
  const { actions, updates } = await planRows(ctx, filter);
  const stamp = ctx.today();
  if (format === 'json') {
    return { content: Buffer.from(JSON.stringify({ exportedAt: ctx.now(), actions, updates }, null, 2)), contentType: 'application/json', fileName: `action-plan-${stamp}.json` };
  }
  if (format === 'csv') {
    // escape_formulas: a title such as =HYPERLINK(…) must open in a spreadsheet as text, not run (CSV injection). Import undoes it.
    const csv = stringify(actions, { header: true, columns: PLAN_COLUMNS.map((c) => ({ key: c.key, header: c.key })), escape_formulas: true });
    // A BOM makes Excel open the file as UTF-8 (accents, Arabic, Cyrillic).
    return { content: Buffer.from(`\ufeff${csv}`), contentType: 'text/csv; charset=utf-8', fileName: `action-plan-${stamp}.csv` };
  }
  return { content: await toWorkbook(actions, updates), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `action-plan-${stamp}.xlsx` };
}

async function toWorkbook(actions: PlanRow[], updates: UpdateRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mandate';
  addSheet(wb, 'Action plan', PLAN_COLUMNS, actions);
  addSheet(wb, 'Progress updates', UPDATE_COLUMNS, updates);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet<K extends string>(wb: ExcelJS.Workbook, name: string, columns: readonly { key: K; header: string; width: number }[], rows: Record<K, string>[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  // Every cell is written as text so "2026-03-01" and "007" come back exactly as they left.
  for (const r of rows) ws.addRow(columns.map((c) => r[c.key]));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}
