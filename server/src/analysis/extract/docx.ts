import { child, elements, parseXmlRoot, type XNode } from '../akn/xml.ts';
import { ParseError } from '../types.ts';
import { Numbering } from './docx-numbering.ts';
import { refuseMislabelled } from './sniff.ts';
import { ZipArchive } from './zip.ts';

/**
 * DOCX → plain text in the layout the text parser reads: one paragraph per
 * block, blank lines between them, list numbers printed before the text
 * ("a) …", "1 …") exactly where Word shows them. Written by hand (on our
 * own safe ZIP reader and XML parser) rather than with mammoth, because
 * mammoth drops the list numbers that our clause paths are made of.
 */

const MAX_TEXT = 20_000_000;
const decoder = new TextDecoder('utf-8', { fatal: false });

/** Paragraph style id → its numbering, from styles.xml ("ListNumber" styles carry numPr). */
function styleNumbering(root: XNode | null): Map<string, { numId: string; level: number }> {
  const out = new Map<string, { numId: string; level: number }>();
  if (!root) return out;
  for (const s of elements(root, 'style')) {
    const numPr = child(child(s, 'pPr') ?? { name: '', attrs: {}, children: [] }, 'numPr');
    const numId = numPr && child(numPr, 'numId')?.attrs.val;
    if (numId) out.set(s.attrs.styleId ?? '', { numId, level: Number(child(numPr, 'ilvl')?.attrs.val ?? 0) });
  }
  return out;
}

/** Text of a paragraph: runs, tabs, breaks, hyperlinks, insertions; deletions and field codes left out. */
function paragraphText(node: XNode): string {
  let s = '';
  for (const c of node.children) {
    if (c.text !== undefined) continue; // whitespace between elements, not content
    switch (c.name) {
      case 't':
        s += c.children.map((t) => t.text ?? '').join('');
        break;
      case 'tab':
        s += '\t';
        break;
      case 'br':
      case 'cr':
        s += '\n';
        break;
      case 'noBreakHyphen':
        s += '-';
        break;
      case 'pPr':
      case 'rPr':
      case 'del':
      case 'instrText':
      case 'delText':
        break;
      default:
        s += paragraphText(c);
    }
  }
  return s;
}

function readXml(zip: ZipArchive, name: string): XNode | null {
  const bytes = zip.read(name);
  return bytes ? parseXmlRoot(decoder.decode(bytes)) : null;
}

export function extractDocxText(bytes: Uint8Array): string {
  refuseMislabelled(bytes, 'docx');
  const zip = new ZipArchive(bytes);
  if (!zip.has('word/document.xml')) throw new ParseError('file', 'a ZIP archive, but not a Word document (no word/document.xml)');
  const document = readXml(zip, 'word/document.xml')!;
  const numbering = new Numbering(readXml(zip, 'word/numbering.xml'));
  const styles = styleNumbering(readXml(zip, 'word/styles.xml'));
  const body = child(document, 'body');
  if (!body) throw new ParseError('word/document.xml', 'no document body');
  const paragraphs: string[] = [];
  let length = 0;
  const walk = (node: XNode): void => {
    for (const c of elements(node)) {
      if (c.name === 'p') {
        const pPr = child(c, 'pPr');
        const numPr = pPr && child(pPr, 'numPr');
        const byStyle = styles.get(child(pPr ?? c, 'pStyle')?.attrs.val ?? '');
        const numId = (numPr && child(numPr, 'numId')?.attrs.val) ?? byStyle?.numId;
        const level = numPr ? Number(child(numPr, 'ilvl')?.attrs.val ?? 0) : (byStyle?.level ?? 0);
        const text = paragraphText(c).trim();
        const label = numId && numId !== '0' && text ? numbering.next(numId, level) : '';
        if (text) paragraphs.push(label ? `${label} ${text}` : text);
        length += text.length + 2;
        if (length > MAX_TEXT) throw new ParseError('word/document.xml', `more than ${MAX_TEXT / 1e6} million characters of text: refused`);
      } else if (c.name !== 'sectPr') walk(c); // tables, content controls, text boxes
    }
  };
  walk(body);
  if (paragraphs.length === 0) throw new ParseError('word/document.xml', 'the document contains no text');
  return `${paragraphs.join('\n\n')}\n`;
}
