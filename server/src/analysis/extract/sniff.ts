import { ParseError } from '../types.ts';

/**
 * What a file really is, from its first bytes: a ".docx" that is a PDF or a
 * ".pdf" that is a Word file gets a message naming what it actually is.
 */
export type Sniffed = 'pdf' | 'zip' | 'ole' | 'text' | 'binary' | 'empty';

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.byteLength === 0) return 'empty';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('PK\u0005\u0006')) return 'zip';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) return 'ole';
  return bytes.subarray(0, 8192).includes(0) ? 'binary' : 'text';
}

const NAMES: Record<Sniffed, string> = {
  pdf: 'a PDF file', zip: 'a ZIP archive', ole: 'an old binary Office file (.doc); save it as .docx', text: 'a text file', binary: 'a binary file', empty: 'empty',
};

export function refuseMislabelled(bytes: Uint8Array, expected: 'docx' | 'pdf'): void {
  const actual = sniff(bytes);
  if (actual === 'empty') throw new ParseError('file', 'the file is empty');
  const ok = expected === 'docx' ? actual === 'zip' : actual === 'pdf';
  if (!ok) throw new ParseError('byte 0', `the file is named .${expected} but is ${NAMES[actual]}`);
}
