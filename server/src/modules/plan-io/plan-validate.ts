import { isRealDate, type ActionStatus } from '@mandate/shared';
import type { ProblemLocation } from '../../http/problem.ts';
import { parseClauseKey } from '../library/document-label.ts';
import { PLAN_COLUMNS, columnKey, columnLetter, parseStatus, splitList, type PlanColumn } from './plan-columns.ts';
import type { Table } from './read-table.ts';

export interface ValidRow {
  line: number;
  ref: string;
  title: string;
  description: string;
  status: ActionStatus;
  progress: number;
  responsible: string[];
  collaborators: string[];
  reportsTo: string;
  dueDate: string | null;
  recurrence: string;
  tags: string[];
  /** Present only when the file has a sources column: then it replaces the item's sources. */
  sources?: { body: string; kind: string; number: string; revision: string; path: string; text: string }[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The API's limits (shared/src/actions.ts), so both ways in agree. Without
 * them a long name or tag reached PostgreSQL, which cannot index a value
 * above ~2.7 KB: the import failed with a 500 instead of naming the cell.
 */
const MAX_LENGTH: Partial<Record<PlanColumn, number>> = { ref: 40, title: 500, description: 20_000, reports_to: 200, recurrence: 100 };
const MAX_ITEMS: Partial<Record<PlanColumn, [items: number, length: number]>> = { responsible: [50, 200], collaborators: [50, 200], tags: [30, 60] };

function lengthErrors(get: (k: PlanColumn) => string, at: (k: PlanColumn) => string): ProblemLocation[] {
  const errors: ProblemLocation[] = [];
  for (const [k, max] of Object.entries(MAX_LENGTH) as [PlanColumn, number][]) {
    if (get(k).length > max) errors.push({ location: at(k), message: `${k} is longer than ${max} characters` });
  }
  for (const [k, [items, length]] of Object.entries(MAX_ITEMS) as [PlanColumn, [number, number]][]) {
    const list = splitList(get(k));
    if (list.length > items) errors.push({ location: at(k), message: `at most ${items} ${k} in one cell` });
    if (list.some((v) => v.length > length)) errors.push({ location: at(k), message: `each of ${k} must be at most ${length} characters` });
  }
  return errors;
}

/**
 * Checks a whole plan table and returns either every row parsed or every
 * problem found, each located by row and column. Nothing is written on error:
 * a half-imported plan is worse than none.
 */
export function validatePlanTable(table: Table): { rows: ValidRow[]; errors: ProblemLocation[] } {
  const errors: ProblemLocation[] = [];
  const [header, ...body] = table.rows;
  if (!header) return { rows: [], errors: [{ location: 'row 1', message: 'the file has no header row' }] };
  const keys: (PlanColumn | null)[] = header.map((h) => columnKey(PLAN_COLUMNS, h));
  keys.forEach((k, i) => {
    if (k === null && header[i]!.trim() !== '') {
      errors.push({ location: `row 1, column ${columnLetter(i)}`, message: `unknown column "${header[i]}" (expected: ${PLAN_COLUMNS.map((c) => c.key).join(', ')})` });
    }
  });
  const seen = new Set(keys.filter(Boolean));
  if (!seen.has('title')) errors.push({ location: 'row 1', message: 'a "title" column is required' });
  if (keys.length !== new Set(keys.filter(Boolean)).size + keys.filter((k) => k === null).length) {
    errors.push({ location: 'row 1', message: 'a column appears twice' });
  }
  if (errors.length > 0) return { rows: [], errors };

  const rows: ValidRow[] = [];
  const refs = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    const get = (k: PlanColumn) => {
      const idx = keys.indexOf(k);
      return idx === -1 ? '' : (cells[idx] ?? '').trim();
    };
    const at = (k: PlanColumn) => `row ${line}, column ${k}`;
    if (cells.every((c) => c.trim() === '')) return;
    const rowErrors: ProblemLocation[] = [];
    // As over the API: PostgreSQL cannot store U+0000 (the import would fail as a 500).
    const nul = cells.findIndex((c) => c.includes('\u0000'));
    if (nul !== -1) rowErrors.push({ location: `row ${line}, column ${keys[nul] ?? columnLetter(nul)}`, message: 'contains the NUL character (U+0000)' });
    const title = get('title');
    if (!title) rowErrors.push({ location: at('title'), message: 'title is empty' });
    rowErrors.push(...lengthErrors(get, at));
    const statusCell = get('status');
    const status = statusCell === '' ? 'not_started' : parseStatus(statusCell);
    if (!status) rowErrors.push({ location: at('status'), message: `unknown status "${statusCell}" (expected Not started, In progress, Ongoing, On hold, Completed or Superseded)` });
    const progressCell = get('progress');
    const progress = progressCell === '' ? 0 : Number(progressCell);
    if (!Number.isInteger(progress) || progress < 0 || progress > 100) rowErrors.push({ location: at('progress'), message: `progress must be a whole number from 0 to 100, not "${progressCell}"` });
    const due = get('due_date');
    if (due && (!DATE.test(due) || !isRealDate(due))) rowErrors.push({ location: at('due_date'), message: `due date must be YYYY-MM-DD, not "${due}"` });
    const ref = get('ref');
    if (ref) {
      if (refs.has(ref)) rowErrors.push({ location: at('ref'), message: `ref ${ref} already appears on row ${refs.get(ref)}` });
      refs.set(ref, line);
    }
    let sources: ValidRow['sources'];
    if (keys.includes('sources')) {
      sources = [];
      for (const text of splitList(get('sources'))) {
        const k = parseClauseKey(text);
        if (!k) rowErrors.push({ location: at('sources'), message: `"${text}" is not a clause key like "PP/resolution/2/Rev. Dubai, 2018#resolves/3"` });
        else sources.push({ ...k, text });
      }
    }
    errors.push(...rowErrors);
    if (rowErrors.length === 0) {
      rows.push({
        line,
        ref,
        title,
        description: get('description'),
        status: status!,
        progress,
        responsible: splitList(get('responsible')),
        collaborators: splitList(get('collaborators')),
        reportsTo: get('reports_to'),
        dueDate: due || null,
        recurrence: get('recurrence'),
        tags: splitList(get('tags')),
        ...(sources ? { sources } : {}),
      });
    }
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ location: 'row 2', message: 'the file has a header but no action items' });
  return { rows, errors };
}
