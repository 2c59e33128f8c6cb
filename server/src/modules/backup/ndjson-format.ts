import { BackupError } from './backup-error.ts';

/**
 * The logical dump: one JSON object per line, so it streams both ways and
 * diffs line by line.
 *   {"format":"mandate-backup","version":1,"createdAt":…,"migrations":[…]}
 *   {"table":"documents","row":{…}}            one per row, tables in TABLE_ORDER, rows by primary key
 *   {"end":true,"rows":{"documents":12,…}}     the trailer: a file without it was cut short
 */
export const FORMAT = 'mandate-backup';
export const FORMAT_VERSION = 1;

export interface DumpHeader {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
}
export type Value = number | string | null;
export type Row = Record<string, Value>;
export interface RowRecord {
  table: string;
  row: Row;
}
export interface DumpTrailer {
  end: true;
  rows: Record<string, number>;
}

/**
 * The one representation both dialects agree on: integers and reals as
 * numbers, booleans as 0/1 (SQLite has no boolean), text as is. Anything else
 * (a Date, a blob) would come back differently from each driver, so it stops
 * the backup rather than producing a dump that restores to something else.
 */
export function normaliseValue(value: unknown, table: string, column: string): Value {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'boolean') {
    return value ? 1 : 0;
  } else if (typeof value === 'bigint' && Number.isSafeInteger(Number(value))) {
    return Number(value);
  }
  const kind = value instanceof Date ? 'a date' : Buffer.isBuffer(value) ? 'binary data' : `a ${typeof value} (${String(value)})`;
  throw new BackupError(`cannot back up ${table}.${column}: it holds ${kind}; only integers, reals, text and null round-trip between SQLite and PostgreSQL`);
}

export function headerLine(createdAt: string, migrations: string[]): string {
  const header: DumpHeader = { format: FORMAT, version: FORMAT_VERSION, createdAt, migrations };
  return JSON.stringify(header);
}

/** Key order inside a row is fixed (the catalog's column name order) so equal data gives equal bytes. */
export function normaliseRow(table: string, columns: string[], raw: Record<string, unknown>): Row {
  const row: Row = {};
  for (const c of columns) row[c] = normaliseValue(raw[c], table, c);
  return row;
}

export function trailerLine(rows: Record<string, number>): string {
  return JSON.stringify({ end: true, rows } satisfies DumpTrailer);
}

export function parseHeader(line: string | undefined): DumpHeader {
  const h = parseJson(line ?? '', 1) as Partial<DumpHeader> | null;
  if (!h || h.format !== FORMAT) throw new BackupError('not a Mandate backup: the first line is not a mandate-backup header');
  if (h.version !== FORMAT_VERSION) throw new BackupError(`backup format version ${String(h.version)} is not supported (this version reads ${FORMAT_VERSION})`);
  if (!Array.isArray(h.migrations) || !h.migrations.every((m) => typeof m === 'string')) throw new BackupError('backup header: "migrations" must be a list of names');
  return h as DumpHeader;
}

/** A row or the trailer; anything else is a damaged file, reported by line number. */
export function parseBody(line: string, lineNo: number): RowRecord | DumpTrailer {
  const v = parseJson(line, lineNo) as Partial<RowRecord & DumpTrailer> | null;
  if (v && v.end === true && isRecord(v.rows)) return v as DumpTrailer;
  if (!v || typeof v.table !== 'string' || !isRecord(v.row)) throw new BackupError(`line ${lineNo}: expected {"table": …, "row": {…}}`);
  for (const [col, val] of Object.entries(v.row)) {
    if (val !== null && typeof val !== 'string' && !(typeof val === 'number' && Number.isFinite(val))) {
      throw new BackupError(`line ${lineNo}: ${v.table}.${col} must be a number, a string or null`);
    }
  }
  return v as RowRecord;
}

/** Restores compare against the target's migrations: a dump from an older schema is fine (the target adds defaults), a newer one is not. */
export function checkMigrations(dump: string[], target: string[]) {
  const unknown = dump.filter((m) => !target.includes(m));
  if (unknown.length > 0) {
    throw new BackupError(`the backup was made by a newer Mandate (migrations ${unknown.join(', ')} are unknown here); upgrade before restoring`);
  }
}

function parseJson(line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`line ${lineNo}: not valid JSON (is the file a Mandate NDJSON backup, and complete?)`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
