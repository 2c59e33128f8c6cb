import { ParseError } from '../types.ts';
import { extractDocxText } from './docx.ts';
import { extractPdfText } from './pdf.ts';
import { sniff } from './sniff.ts';

/**
 * Bytes of a resolution file → the text every format goes through
 * (parseResolutionText), with what that text is, so offsets can be
 * explained: for .txt the file decoded as UTF-8; for DOCX and PDF the
 * extracted text.
 */
export type TextSource = 'file' | 'docx-extracted' | 'pdf-extracted';

/** Plain text files larger than this are refused rather than streamed: a resolution is kilobytes, the whole PP-18 Final Acts 1.5 MB. */
export const MAX_TEXT_BYTES = 50 * 1024 * 1024;
export const MAX_BINARY_BYTES = 50 * 1024 * 1024;

export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw new ParseError('file', 'the file is empty');
  if (bytes.byteLength > MAX_TEXT_BYTES) throw new ParseError('file', `the file is ${(bytes.byteLength / 1048576).toFixed(0)} MB; text files above ${MAX_TEXT_BYTES / 1048576} MB are refused`);
  const kind = sniff(bytes);
  if (kind === 'pdf' || kind === 'zip' || kind === 'ole') throw new ParseError('byte 0', `the file is named as text but is ${kind === 'pdf' ? 'a PDF' : kind === 'zip' ? 'a ZIP archive (DOCX?)' : 'a binary Office file'}; use the right extension`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new ParseError(`byte ${nul}`, 'this is a binary file, not text (it contains NUL bytes)');
  try {
    // ignoreBOM keeps a leading BOM in the string, so offsets count it as the parser does.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ParseError('file', 'the file is not valid UTF-8 text');
  }
}

export async function extractText(bytes: Uint8Array, fileName: string): Promise<{ text: string; source: TextSource }> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if ((ext === 'docx' || ext === 'pdf') && bytes.byteLength > MAX_BINARY_BYTES) {
    throw new ParseError('file', `the file is ${(bytes.byteLength / 1048576).toFixed(0)} MB; the limit is ${MAX_BINARY_BYTES / 1048576} MB`);
  }
  if (ext === 'docx') return { text: extractDocxText(bytes), source: 'docx-extracted' };
  if (ext === 'pdf') return { text: await extractPdfText(bytes), source: 'pdf-extracted' };
  if (ext === 'doc') throw new ParseError('file', 'old binary Word files (.doc) are not read; save the file as .docx');
  return { text: decodeTextFile(bytes), source: 'file' };
}
