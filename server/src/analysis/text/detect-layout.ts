/**
 * Which plain-text layout a resolution uses. UN texts open operative
 * paragraphs with capitalised verbs under "The Security Council," (or
 * General Assembly); ITU texts put lower-case headings on their own lines
 * under a "RESOLUTION n (…)" header.
 */
export type TextLayout = 'itu' | 'un';

const UN_FORMULA = /^\s*(?:(?:Now,?\s+)?therefore,?\s+)?The\s+(?:Security\s+Council|General\s+Assembly)\b/im;
const UN_HEADER = /^\s*(?:Resolution\s+\d+\s*\(|\d+\s*\(\d{4}\)\.?\s*Resolution\s+of\b)/im;
const ITU_HEADER = /^\s*(?:RESOLUTION|DECISION|RECOMMENDATION|OPINION)\s+[A-Z]*\d/m;
const ITU_HEADING_LINE = /^\s*(?:considering|recognizing|resolves|decides|instructs|invites|noting|recalling)\b[^\n]{0,150}$/m;

export function detectLayout(text: string): TextLayout {
  const head = text.slice(0, 4000);
  if (ITU_HEADER.test(head) || (ITU_HEADING_LINE.test(text) && !UN_FORMULA.test(head))) return 'itu';
  if (UN_HEADER.test(head) || UN_FORMULA.test(head)) return 'un';
  return 'itu';
}
