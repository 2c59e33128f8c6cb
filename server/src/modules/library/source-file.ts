import { ParseError } from '../../analysis/types.ts';

/** The largest document file we accept. The whole PP-18 Final Acts are 1.5 MB; 50 MB leaves room without inviting abuse. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** All files of one upload together (they are held in memory while the request is read). */
export const MAX_IMPORT_REQUEST_BYTES = 100 * 1024 * 1024;

/** How a document came in; DOCX and PDF are read to text and parsed as text. */
export type SourceFormat = 'akn' | 'text' | 'docx' | 'pdf';

export function checkSize(bytes: number): void {
  if (bytes === 0) throw new ParseError('file', 'the file is empty');
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ParseError('file', `the file is ${(bytes / 1048576).toFixed(0)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB`);
  }
}

/**
 * Decodes a file as UTF-8 text, refusing binary content (NUL bytes, invalid
 * UTF-8) with the byte offset where it starts, so a user knows what was wrong.
 */
export function decodeText(buf: Uint8Array): string {
  checkSize(buf.byteLength);
  const nul = buf.indexOf(0);
  if (nul !== -1) throw new ParseError(`byte ${nul}`, 'this is a binary file, not text or XML (it contains NUL bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new ParseError('file', 'the file is not valid UTF-8 text');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ParseError('file', 'the file contains only whitespace');
  return text;
}

/** Decides how to read a file: by its extension first, then by its first character. */
export function detectFormat(name: string, text: string): SourceFormat {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xml' || ext === 'akn') return 'akn';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (text.trimStart().startsWith('<')) return 'akn';
  return 'text';
}

export const PLAN_EXTENSIONS = ['csv', 'xlsx'];

/**
 * A client's file name as we keep it (source name, audit entries, messages):
 * its last path segment only, without control characters (U+0000 cannot be
 * stored by PostgreSQL at all; the others only spoil logs and exports),
 * at most 255 characters.
 */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 255) || 'upload';
}

export function extensionOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i === -1 ? '' : name.slice(i + 1).toLowerCase();
}
