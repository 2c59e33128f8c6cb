import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { HttpProblem, badRequest } from '../../http/problem.ts';
import { ParseError } from '../../analysis/types.ts';
import { ZipArchive, ZipLimitError } from '../../analysis/extract/zip.ts';

export interface Table {
  name: string;
  rows: string[][];
}

/** Spreadsheets above this are refused before unzipping. */
export const MAX_PLAN_BYTES = 20 * 1024 * 1024;

/**
 * exceljs (through JSZip) inflates every entry of a workbook in full, trusting
 * the sizes the archive declares. So our own ZIP reader checks the archive
 * first: declared sizes and ratios, then every entry inflated under a cap at
 * its declared size. A bomb is refused (413) before exceljs sees a byte.
 */
function refuseZipBomb(buf: Uint8Array): void {
  try {
    new ZipArchive(buf).verifyAll();
  } catch (err) {
    if (err instanceof ZipLimitError) throw new HttpProblem(413, 'Payload too large', `The workbook was refused: ${err.message}.`, [{ location: err.location, message: err.message }]);
    if (err instanceof ParseError) throw badRequest('The file is not a readable XLSX workbook.', [{ location: err.location, message: err.message }]);
    throw err;
  }
}

/** What the CSV export prefixes with a quote so spreadsheets do not run it (csv-stringify's escape_formulas). */
const ESCAPED_FORMULA = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const unescapeFormula = (cell: string) => (ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell);

export function readCsv(buf: Uint8Array): Table {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw badRequest('The CSV file is not valid UTF-8.', [{ location: 'file', message: 'not UTF-8' }]);
  }
  try {
    const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    return { name: 'csv', rows: rows.map((r) => r.map(unescapeFormula)) };
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    throw badRequest('The CSV file cannot be read.', [{ location: e.lines ? `line ${e.lines}` : 'file', message: (e.message ?? 'malformed CSV').split('\n')[0]! }]);
  }
}

export async function readXlsx(buf: Uint8Array): Promise<Table[]> {
  refuseZipBomb(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw badRequest('The file is not a readable XLSX workbook.', [{ location: 'file', message: 'not an XLSX workbook' }]);
  }
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push(cells);
    });
    return { name: ws.name, rows };
  });
}

/** Normalises what Excel may have turned our text into (dates, numbers, rich text) back into text. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}
