import { extractReferences } from '../references/extract-references.ts';
import type { ParsedReference } from '../references/types.ts';
import { ParseError, type ParsedDocument } from '../types.ts';
import { detectLayout } from './detect-layout.ts';
import { parseItuLayout } from './itu-layout.ts';
import { parseUnLayout } from './un-layout.ts';

/**
 * Plain-text resolution import. Clause and reference offsets are JavaScript
 * string indices into `text` exactly as given (a leading BOM counts as one).
 */
export function parseResolutionText(text: string, opts: { fileName?: string } = {}): ParsedDocument {
  // Refused, not streamed: clauses and references need the whole text, and a resolution is kilobytes.
  if (text.length > MAX_PARSE_CHARS) throw new ParseError('file', `the text has ${(text.length / 1e6).toFixed(0)} million characters; at most ${MAX_PARSE_CHARS / 1e6} million are parsed`);
  if (text.trim() === '') throw new ParseError('line 1', 'empty document');
  // Binary files (PDF, DOCX) sent by mistake: refuse rather than invent clauses.
  if (text.slice(0, 4096).includes('\u0000')) throw new ParseError('line 1', 'not a text file (contains NUL bytes)');
  const doc = detectLayout(text) === 'un' ? parseUnLayout(text, opts.fileName) : parseItuLayout(text, opts.fileName);
  doc.references = extractReferences(text, { issuer: doc.body }).filter((r) => !isSelf(r, doc));
  const script = foreignScript(text);
  if (script) doc.problems.unshift({ location: 'line 1', message: `the text is mostly in ${script} script; only English-language layouts are recognised, so clauses may be missing` });
  return doc;
}

/** Same limit as an import (50 MB): parsing time is linear, but a bigger "resolution" is a mistake or an attack. */
export const MAX_PARSE_CHARS = 50_000_000;

const SCRIPTS: [string, RegExp][] = [['Arabic', /\p{Script=Arabic}/gu], ['Chinese', /\p{Script=Han}/gu], ['Cyrillic', /\p{Script=Cyrillic}/gu]];

/** The non-Latin script most letters of the opening are written in, if any. */
function foreignScript(text: string): string | null {
  const head = text.slice(0, 20_000);
  // Cheap first: English texts have next to no characters past the Latin blocks (a few quotes and dashes).
  let beyondLatin = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) > 0x2ff) beyondLatin++;
  if (beyondLatin < head.length / 10) return null;
  const letters = head.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  for (const [name, re] of SCRIPTS) if ((head.match(re)?.length ?? 0) > letters / 2) return name;
  return null;
}

/** The document's own header ("Resolution 300 (1971)", "RESOLUTION 64 (Rev. Dubai, 2018)") is not a citation. */
function isSelf(r: ParsedReference, doc: ParsedDocument): boolean {
  const t = r.target;
  return t.body === doc.body && t.kind === doc.kind && t.number === doc.number && (t.revision === doc.revision || (t.year ?? null) === doc.year);
}
