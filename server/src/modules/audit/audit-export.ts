import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { AuditEntry } from '@mandate/shared';

export const CSV_COLUMNS = ['id', 'at', 'actor_id', 'actor', 'request_id', 'entity', 'entity_id', 'action', 'diff', 'before', 'after'] as const;

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

function csvRow(e: AuditEntry): string {
  const cells = [e.id, e.at, e.actor.id ?? '', e.actor.label, e.requestId, e.entity, e.entityId, e.action, json(e.diff), json(e.before), json(e.after)];
  // Auditors open this in a spreadsheet: a label or file name starting with "=" must not become a formula.
  return stringify([cells], { escape_formulas: true });
}

/**
 * The audit trail as a file: NDJSON (one entry per line, exactly the API's
 * shape, for tools) or CSV (for spreadsheets; nested values as JSON text).
 * Streamed row by row, so the size of the log does not matter.
 */
export function auditExportStream(entries: AsyncIterable<AuditEntry>, format: 'csv' | 'ndjson'): Readable {
  return Readable.from(
    (async function* () {
      // The BOM makes Excel read the file as UTF-8 (names in Arabic, Chinese…).
      if (format === 'csv') yield `\ufeff${stringify([[...CSV_COLUMNS]])}`;
      for await (const e of entries) yield format === 'csv' ? csvRow(e) : `${JSON.stringify(e)}\n`;
    })(),
  );
}

export function exportContentType(format: 'csv' | 'ndjson'): string {
  return format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
}
