import { ACTION_STATUSES, type ActionStatus } from '@mandate/shared';

/** The columns of an exported plan, in order. Import accepts the key or the header, case-insensitively. */
export const PLAN_COLUMNS = [
  { key: 'ref', header: 'Ref', width: 9 },
  { key: 'title', header: 'Title', width: 60 },
  { key: 'description', header: 'Description', width: 60 },
  { key: 'status', header: 'Status', width: 13 },
  { key: 'progress', header: 'Progress', width: 9 },
  { key: 'responsible', header: 'Responsible', width: 24 },
  { key: 'collaborators', header: 'Collaborators', width: 24 },
  { key: 'reports_to', header: 'Reports to', width: 11 },
  { key: 'due_date', header: 'Due date', width: 11 },
  { key: 'recurrence', header: 'Recurrence', width: 14 },
  { key: 'tags', header: 'Tags', width: 20 },
  { key: 'sources', header: 'Sources', width: 50 },
] as const;

export type PlanColumn = (typeof PLAN_COLUMNS)[number]['key'];
export type PlanRow = Record<PlanColumn, string>;

export const UPDATE_COLUMNS = [
  { key: 'ref', header: 'Ref', width: 9 },
  { key: 'date', header: 'Date', width: 11 },
  { key: 'text', header: 'Text', width: 80 },
  { key: 'status_from', header: 'Status from', width: 13 },
  { key: 'status_to', header: 'Status to', width: 13 },
  { key: 'progress', header: 'Progress', width: 9 },
  { key: 'evidence', header: 'Evidence', width: 50 },
] as const;
export type UpdateColumn = (typeof UPDATE_COLUMNS)[number]['key'];
export type UpdateRow = Record<UpdateColumn, string>;

/** Lists inside one cell ("TSB; SG17") use this separator. */
export const LIST_SEPARATOR = '; ';

export function joinList(items: string[]): string {
  return items.join(LIST_SEPARATOR);
}

export function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

const STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  ongoing: 'Ongoing',
  on_hold: 'On hold',
  completed: 'Completed',
  superseded: 'Superseded',
};

export function statusLabel(s: string): string {
  return STATUS_LABELS[s as ActionStatus] ?? s;
}

/** Accepts "In progress", "in_progress", "IN PROGRESS", "in-progress". */
export function parseStatus(cell: string): ActionStatus | null {
  const k = cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return (ACTION_STATUSES as readonly string[]).includes(k) ? (k as ActionStatus) : null;
}

/** Maps a header cell to a column key, or null when unknown. */
export function columnKey<K extends string>(columns: readonly { key: K; header: string }[], header: string): K | null {
  const h = header.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const found = columns.find((c) => c.key === h || c.header.toLowerCase().replace(/\s+/g, '_') === h);
  return found ? found.key : null;
}

/** "A1"-style column letter for messages that point into a spreadsheet. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
