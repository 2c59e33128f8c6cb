import { printLabel } from '../common/labels.ts';
import type { ParsedClause, ParsedDocument } from '../types.ts';

/**
 * Renders a parsed document back to ITU-layout plain text: header, title,
 * enacting formula, then each heading on its own line with its items.
 * Used to test the text parser against documents parsed from AKN, and to
 * export a readable text. Lines are wrapped like a real text, but never so
 * that a line break could be read as the start of a new item or heading.
 */

const WIDTH = 90;
const LABEL_LIKE = /^(?:\(?\d{1,3}(?:\.\d{1,3})*\)?\.?|\(?[a-z]{1,4}\)|_{5,})$/;

function wrap(text: string, width = WIDTH): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const w of words) {
    if (current.length > 0 && length + 1 + w.length > width) {
      // A wrapped line must not end with clause punctuation, nor the next start with a label ("2", "b)"):
      // a reader (and our parser) would see a new item or heading there.
      const carry: string[] = [];
      if (current.length > 1 && LABEL_LIKE.test(w)) carry.unshift(current.pop()!);
      while (current.length > 1 && /[;:,.]$/.test(current[current.length - 1]!)) carry.unshift(current.pop()!);
      lines.push(current.join(' '));
      current = carry;
      length = carry.join(' ').length;
    }
    current.push(w);
    length += (current.length > 1 ? 1 : 0) + w.length;
  }
  if (current.length) lines.push(current.join(' '));
  return lines;
}

/** Depth of a clause below its heading, read from its path ("resolves/2/a#2" → 1). */
function depthOf(c: ParsedClause): number {
  const segments = c.path.replace(/#\d+$/, '').split('/').slice(1);
  return Math.max(segments.length - 1, 0);
}

export function renderAknDocumentAsText(doc: ParsedDocument): string {
  const out: string[] = [];
  const kind = doc.kind.toUpperCase();
  out.push(`${kind} ${doc.number}${doc.revision ? ` (${doc.revision})` : ''}`, '');
  if (doc.title) out.push(...wrap(doc.title), '');
  if (doc.preamble) out.push(...wrap(doc.preamble), '');
  let previous: ParsedClause | null = null;
  for (const c of doc.clauses) {
    const depth = depthOf(c);
    const sameBlock = previous && previous.heading === c.heading && previous.kind === c.kind;
    // Repeat the heading when numbering restarts or an unnumbered paragraph follows, so the block boundary survives.
    const restarts = depth === 0 && (c.num === '' || c.num === '1' || c.num === 'a');
    if (c.heading && (!sameBlock || restarts)) out.push(...wrap(c.heading), '');
    const label = printLabel(c.num);
    out.push(...wrap(label ? `${label} ${c.text}` : c.text), '');
    previous = c;
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Re-wraps every paragraph at 70 columns, breaking long words with a hyphen as a word processor would — how a PDF or Word conversion lays text out; the tests and eval:parse use it to make the round trip harder. */
export function rewrapHyphenated(text: string): string {
  return text
    .split('\n\n')
    .map((para) => {
      const lines: string[] = [];
      let line = '';
      for (const w of para.replace(/\n/g, ' ').split(' ')) {
        if (line && line.length + 1 + w.length > 70) {
          const room = 70 - line.length - 2;
          if (/^[a-z]{10,}$/.test(w) && room >= 4) {
            lines.push(`${line} ${w.slice(0, room)}-`);
            line = w.slice(room);
            continue;
          }
          lines.push(line);
          line = w;
        } else line = line ? `${line} ${w}` : w;
      }
      return [...lines, line].join('\n');
    })
    .join('\n\n');
}
