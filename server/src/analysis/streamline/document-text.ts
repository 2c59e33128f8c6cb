/**
 * The one way a library document becomes the text the overlap engine reads.
 * Passage offsets are stored against this text, and the side-by-side view
 * rebuilds it from the same clauses, so it must be deterministic: same
 * preamble and clauses (in `seq` order) → same string, byte for byte.
 *
 * Layout: the preamble, then each clause as its own paragraph ("a) that …"),
 * with its heading ("considering", "instructs the Director …") as a paragraph
 * of its own where the heading changes. Paragraphs are separated by a blank
 * line: the engine cuts its units at blank lines, so a clause never runs into
 * the next one's words in the middle of a unit.
 */

export interface TextClause {
  id: number;
  heading: string;
  num: string;
  text: string;
}

export interface TextSegment {
  kind: 'preamble' | 'heading' | 'clause';
  /** The clause's id (clause segments only). */
  clauseId?: number;
  /** Offsets into the document text, end exclusive. */
  start: number;
  end: number;
}

export interface DocumentText {
  text: string;
  segments: TextSegment[];
  /** Where the first heading or clause starts: what comes before is the enacting formula. */
  bodyStart: number;
}

const PARAGRAPH_BREAK = '\n\n';

/** Line breaks inside a stored clause would read as paragraph breaks to the engine: fold every run of whitespace to one space. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function numbered(num: string, text: string): string {
  const n = oneLine(num);
  if (!n) return oneLine(text);
  // "a" → "a) …", "1" → "1 …" (ITU layout); labels that already carry their punctuation stay as they are.
  const label = /^[a-z]$/i.test(n) ? `${n})` : n;
  return `${label} ${oneLine(text)}`;
}

export function documentText(doc: { preamble?: string; clauses: readonly TextClause[] }): DocumentText {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  const push = (kind: TextSegment['kind'], s: string, clauseId?: number) => {
    if (!s) return;
    if (parts.length > 0) {
      parts.push(PARAGRAPH_BREAK);
      length += PARAGRAPH_BREAK.length;
    }
    segments.push({ kind, start: length, end: length + s.length, ...(clauseId !== undefined ? { clauseId } : {}) });
    parts.push(s);
    length += s.length;
  };

  push('preamble', oneLine(doc.preamble ?? ''));
  const bodyStart = parts.length > 0 ? length + PARAGRAPH_BREAK.length : 0;
  let heading: string | null = null;
  for (const c of doc.clauses) {
    const h = oneLine(c.heading);
    if (h !== heading) {
      push('heading', h);
      heading = h;
    }
    push('clause', numbered(c.num, c.text), c.id);
  }
  return { text: parts.join(''), segments, bodyStart: Math.min(bodyStart, length) };
}

