import { getDocumentProxy } from 'unpdf';
import { ParseError } from '../types.ts';
import { refuseMislabelled } from './sniff.ts';

/**
 * PDF (with a text layer) → plain text with the line and paragraph breaks a
 * reader sees, so the same text parser reads it. unpdf ships PDF.js built to
 * run in-process (no worker, nothing fetched), which keeps this usable
 * offline and inside a worker thread. Text items are grouped into lines by
 * their baseline; a vertical gap well above the line spacing becomes a blank
 * line (a paragraph break); pages are separated by a blank line.
 */

const MAX_PAGES = 2000;
const MAX_TEXT = 20_000_000;

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  eol: boolean;
}

function pageText(items: readonly Item[]): string {
  const lines: { y: number; size: number; text: string }[] = [];
  let current: { y: number; size: number; text: string; right: number } | null = null;
  for (const it of items) {
    const newLine = !current || Math.abs(it.y - current.y) > Math.max(current.size, it.size) * 0.5;
    if (newLine) {
      if (current) lines.push(current);
      current = { y: it.y, size: it.size, text: it.str, right: it.x + it.width };
    } else if (current) {
      // A visible gap between two items on one line is a space PDF.js did not emit.
      const gap = it.x - current.right > it.size * 0.15 && !current.text.endsWith(' ') && !it.str.startsWith(' ');
      current.text += (gap ? ' ' : '') + it.str;
      current.right = it.x + it.width;
    }
    if (it.eol && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  const kept = lines.filter((l) => l.text.trim() !== '');
  const out: string[] = [];
  kept.forEach((l, i) => {
    const prev = kept[i - 1];
    // Baselines further apart than ~1.6 lines: a paragraph break.
    if (prev && prev.y - l.y > Math.max(prev.size, l.size) * 1.6) out.push('');
    out.push(l.text.trimEnd());
  });
  return out.join('\n');
}

export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  refuseMislabelled(bytes, 'pdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js may detach the buffer it is given, and refuses a Node Buffer: hand it a plain copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false });
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw new ParseError('file', 'the PDF is encrypted with a password; save an unprotected copy and import that');
    throw new ParseError('file', `not a readable PDF: ${(err as Error).message}`);
  }
  try {
    if (pdf.numPages > MAX_PAGES) throw new ParseError('file', `the PDF has ${pdf.numPages} pages; at most ${MAX_PAGES} are read`);
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const [, , , d, e, f] = raw.transform as number[];
        items.push({ str: raw.str, x: e!, y: f!, width: raw.width, size: Math.abs(d!) || raw.height || 10, eol: raw.hasEOL });
      }
      const text = pageText(items);
      length += text.length;
      if (length > MAX_TEXT) throw new ParseError(`page ${n}`, `more than ${MAX_TEXT / 1e6} million characters of text: refused`);
      pages.push(text);
      page.cleanup();
    }
    const all = pages.filter((p) => p.trim() !== '').join('\n\n');
    if (all.trim() === '') {
      throw new ParseError('file', `the PDF has ${pdf.numPages} page(s) but no text layer (a scan?); run OCR on it first`);
    }
    return `${all}\n`;
  } finally {
    await pdf.destroy();
  }
}
