import type { ReferenceDocument, ReferenceStatus } from '@mandate/shared';

export interface TableRow {
  status: ReferenceStatus;
  /** The citing document (the --all report); a file's rows leave it out. */
  citing?: ReferenceDocument;
  clause: string;
  text: string;
  document: ReferenceDocument | null;
  current: ReferenceDocument | null;
  candidates: ReferenceDocument[];
}

/** What to do about a citation, in a few words: where it should point now, or what it could mean. */
function verdict(r: TableRow): string {
  if (r.status === 'outdated') return r.current ? `now ${r.current.label}` : 'no revision in force';
  if (r.status === 'ambiguous') return `one of ${r.candidates.map((c) => c.label).join('; ')}`;
  if (r.status === 'resolved') return r.document?.label ?? '';
  return 'not in the library';
}

/** Columns as wide as their content, up to a cap, with an ellipsis past it; --json has everything. */
function columns(rows: string[][], caps: number[]): string[] {
  const widths = caps.map((cap, i) => Math.min(cap, Math.max(...rows.map((r) => r[i]!.length))));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.length > widths[i]! ? `${cell.slice(0, widths[i]! - 1)}…` : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

export function printReferenceTable(rows: TableRow[]): void {
  if (rows.length === 0) {
    console.log('  no citations to show');
    return;
  }
  const withCiting = rows.some((r) => r.citing);
  const head = ['STATUS', ...(withCiting ? ['DOCUMENT'] : []), 'CLAUSE', 'CITATION', 'LIBRARY'];
  const body = rows.map((r) => [r.status, ...(withCiting ? [r.citing?.label ?? ''] : []), r.clause, r.text.replace(/\s+/g, ' '), verdict(r)]);
  const caps = [9, ...(withCiting ? [40] : []), 28, 44, 0];
  for (const line of columns([head, ...body], caps)) console.log(`  ${line}`);
}
