import { ParseError, type ParsedDocument } from '../types.ts';
import { detectLayout } from './detect-layout.ts';
import { parseItuLayout } from './itu-layout.ts';
import { parseUnLayout } from './un-layout.ts';

/**
 * Plain-text resolution import. Clause offsets are JavaScript string
 * indices into `text` exactly as given (a leading BOM counts as one).
 */
export function parseResolutionText(text: string, opts: { fileName?: string } = {}): ParsedDocument {
  if (text.trim() === '') throw new ParseError('line 1', 'empty document');
  // Binary files (PDF, DOCX) sent by mistake: refuse rather than invent clauses.
  if (text.slice(0, 4096).includes('\u0000')) throw new ParseError('line 1', 'not a text file (contains NUL bytes)');
  return detectLayout(text) === 'un' ? parseUnLayout(text, opts.fileName) : parseItuLayout(text, opts.fileName);
}
