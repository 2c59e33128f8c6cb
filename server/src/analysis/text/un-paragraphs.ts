import { endsClause, type Line } from './lines.ts';
import { looksLikeNote } from './un-footnotes.ts';
import { readUnLead } from './un-phrases.ts';

/**
 * Cuts a UN text into paragraphs and finds its three zones: header
 * ("Resolution 300 (1971) / of 12 October 1971"), body, and the tail (the
 * adoption line, vote, notes). Blank lines separate most paragraphs, but
 * scanned texts sometimes run two together, so a line also starts a new
 * paragraph when it opens with a number, a sub-item label, the adoption
 * formula, or a leading verb after a line that ended a clause.
 */

export interface Paragraph {
  lines: Line[];
  /** First line's text, trimmed. */
  first: string;
  start: number;
  end: number;
}

export const FORMULA = /^(?:(?:Now,?\s+)?therefore,?\s+)?The\s+(Security\s+Council|General\s+Assembly|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council)\s*,?$/i;
/** "Adapted at the 1821st meeting": an OCR slip the tail must still be found by. */
const ADOPTED = /^(?:Adopted\b|Adapted\s+at\b)/;
const NUMBERED = /^\d{1,3}(?:\.|,(?=\s+[A-Z]))\s/;
const SUB_ITEM = /^\((?:[a-z]{1,4}|\d{1,2})\)\s/;

function startsParagraph(line: Line, prev: Line): boolean {
  const t = line.text;
  if (ADOPTED.test(t) || FORMULA.test(prev.text)) return true;
  // "…Ivory Coast, 26": a footnote marker may follow the clause's last punctuation.
  if (!endsClause(prev.text.replace(/(?:\s+|(?<=,))(?:\d{1,3}|\*)$/, ''))) return false;
  return NUMBERED.test(t) || SUB_ITEM.test(t) || FORMULA.test(t) || readUnLead(t) !== null;
}

export function unParagraphs(lines: readonly Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Line[] = [];
  const close = () => {
    if (current.length === 0) return;
    out.push({ lines: current, first: current[0]!.text, start: current[0]!.start, end: current[current.length - 1]!.end });
    current = [];
  };
  for (const l of lines) {
    if (l.text === '') close();
    else {
      const prev = current[current.length - 1];
      if (prev && startsParagraph(l, prev)) close();
      current.push(l);
    }
  }
  close();
  return out;
}

export interface UnHeader {
  /** "300", or "70/125" for General Assembly session numbering. */
  number: string;
  year: number | null;
  /** Subject heading in capitals, or the title printed after a GA number. */
  subject: string;
  /** Index of the first paragraph after the header. */
  next: number;
  /** Year in the parentheses disagrees with the adoption date (a misprint). */
  yearConflict: boolean;
}

const RESOLUTION_LINE = /^(?:Resolution\s+)?(\d{1,3}\/\d{1,4}|\d{1,4})\s*(?:\(([^)]*)\))?\.?\s*(.*)$/;
const DATE = /\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\D?(\d{4})\b/;
/** "[S/801]", "(S/3139/Rev.2]", "[without reference to a Main Committee]": bracketed notes under the number. */
const SYMBOL_LINE = /^[[(][^\])}]{1,80}[\])}]+$/;

/**
 * Reads the lines before the formula: "Resolution 300 (1971) / of 12 October
 * 1971", "300 (1971). Resolution of 12 October 1971", a capitalised subject,
 * a document symbol "[S/801]", or the GA form "Resolution adopted by the
 * General Assembly on 16 December 2015 / 70/125. Title".
 */
export function readUnHeader(paragraphs: readonly Paragraph[]): UnHeader {
  const out: UnHeader = { number: '', year: null, subject: '', next: 0, yearConflict: false };
  let parenYear: number | null = null;
  for (let i = 0; i < Math.min(paragraphs.length, 6); i++) {
    const text = paragraphs[i]!.lines.map((l) => l.text).join(' ');
    if (FORMULA.test(text) || readUnLead(text) || /^Whereas\b/.test(text)) break;
    const m = RESOLUTION_LINE.exec(text);
    const date = DATE.exec(text);
    if (m && !out.number && (/^Resolution\s+\d/.test(text) || m[2] !== undefined || m[1]!.includes('/'))) {
      out.number = m[1]!;
      parenYear = m[2] ? Number(m[2].replace(/\D/g, '').slice(0, 4)) || null : null;
      if (m[1]!.includes('/') && m[3] && !date) out.subject = m[3];
    } else if (!date && !SYMBOL_LINE.test(text) && !(text === text.toUpperCase() && /[A-Z]{3}/.test(text))) {
      break;
    } else if (!date && !SYMBOL_LINE.test(text)) out.subject = text;
    if (date && out.year === null) out.year = Number(date[1]);
    out.next = i + 1;
  }
  out.yearConflict = !!(out.year && parenYear && out.year !== parenYear);
  out.year ??= parenYear;
  return out;
}

/** Index of the first tail paragraph: the adoption line, or trailing notes when it is missing. */
export function tailStart(paragraphs: readonly Paragraph[], from: number): number {
  const adopted = paragraphs.findIndex((p, i) => i >= from && ADOPTED.test(p.first));
  if (adopted >= 0) return adopted;
  let i = paragraphs.length;
  while (i > from && looksLikeNote(paragraphs[i - 1]!.first)) i--;
  return i;
}

export function isPartMarker(text: string): boolean {
  return /^(?:[A-H]|[IVX]{1,4})\.?$/.test(text);
}
