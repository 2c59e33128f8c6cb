import { stringify } from 'csv-stringify/sync';
import type { ReferenceItem } from '@mandate/shared';

const COLUMNS = ['status', 'external', 'citing_document', 'citing_document_id', 'clause', 'citation', 'cited', 'cited_document', 'cited_document_id', 'current_document', 'current_document_id', 'candidates', 'problem'] as const;

/**
 * The report as CSV for a spreadsheet: one row per citation. The BOM makes
 * Excel read UTF-8; formula-looking cells ("=…" in a citation typed by
 * someone) are escaped so opening the file runs nothing.
 */
export function referencesCsv(items: ReferenceItem[]): string {
  const rows = items.map((i) => [
    i.status,
    i.external ? 'yes' : 'no',
    i.citing.label,
    i.citing.id,
    i.clausePath,
    i.text.replace(/\s+/g, ' '),
    i.targetLabel,
    i.document?.label ?? '',
    i.document?.id ?? '',
    i.current?.label ?? '',
    i.current?.id ?? '',
    i.candidates.map((c) => c.label).join('; '),
    i.problem ?? '',
  ]);
  return `\ufeff${stringify([[...COLUMNS], ...rows], { escape_formulas: true })}`;
}
