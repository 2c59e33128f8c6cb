/**
 * UN texts of the period print footnote markers inside sentences ("…of
 * 26 May 1972 69 that…", "S/10352 46") and the notes after the adoption
 * line. A number is only taken for a marker when a note with that number
 * exists and its neighbours make it unlikely to be part of the sentence.
 */

/** Note numbers ("46", "*") from the lines of the notes block. */
export function footnoteNumbers(noteLines: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const l of noteLines) {
    const m = /^(\d{1,3}|\*{1,3})\s+\S/.exec(l.trim());
    if (m) out.add(m[1]!);
  }
  return out;
}

/** A trailing paragraph that is a note ("46 See Official Records …"), not a clause ("1. Decides …"). */
export function looksLikeNote(firstLine: string): boolean {
  return /^(?:\d{1,3}|\*{1,3})\s+(?:[A-Z*"“(]|[a-z]+\.,)/.test(firstLine) && !/^\d{1,3}\.\s/.test(firstLine);
}

/** Words after which a number belongs to the sentence ("resolution 46", "paragraph 2"). */
const NUMBER_TAKERS = /(?:^|\s)(?:resolutions?|paragraphs?|paras?\.?|articles?|chapters?|sections?|rules?|annex(?:es)?|items?|pages?|p\.|pp\.|no\.|nos\.|vol\.|volume|part|of|to|and|or|from|between|by|than|the|its|at|in|on|about|some|over|under|Year|meeting)$/i;

/** After a number, these keep it in the sentence ("46 (1948)", "10 votes", "4 December"). */
const NUMBER_FOLLOWERS = /^\s*(?:\(|per\b|%|votes?\b|members?\b|days?\b|weeks?\b|months?\b|years?\b|hours?\b|times\b|miles?\b|kilometres?\b|km\b|abstentions?\b|January|February|March|April|May|June|July|August|September|October|November|December|-)/;

/**
 * Removes footnote markers from a clause text. Returns the cleaned text and
 * the markers taken out.
 */
export function removeFootnoteMarkers(text: string, notes: ReadonlySet<string>): { text: string; removed: string[] } {
  if (notes.size === 0) return { text, removed: [] };
  const removed: string[] = [];
  const out = text.replace(/(\S+)\s+(\d{1,3}|\*{1,3})(?=([\s,;.:]|$))/g, (whole, before: string, num: string, _next: string, offset: number, all: string) => {
    if (!notes.has(num)) return whole;
    const after = all.slice(offset + whole.length);
    if (NUMBER_FOLLOWERS.test(after)) return whole;
    const beforeOk = /[,;:)\]"”’]$/.test(before) || /^\d{4}[,;]?$/.test(before) || /\//.test(before) || num.startsWith('*');
    // A bare word before the number: only when a lower-case word or the sentence end follows.
    const wordOk = /[A-Za-z]$/.test(before) && !NUMBER_TAKERS.test(` ${before}`) && /^(?:\s+[a-z]|\s*[,;.:]|\s*$)/.test(after);
    if (!beforeOk && !wordOk) return whole;
    removed.push(num);
    return before;
  });
  return { text: out, removed };
}
