/**
 * Citations break across lines like any other words ("resolu-⏎tion 242
 * (1967)"). Rather than teach every pattern about hyphenation, patterns run
 * on a copy with those breaks removed, and every offset found there is mapped
 * back to the source. The map is sparse (one entry per removed break), so a
 * 100 MB text costs no more than the breaks it holds.
 */

export interface CleanText {
  text: string;
  /** Source offset of a clean offset (for an end offset, pass the end). */
  toSource(clean: number): number;
}

/** A hyphen, a line break, a lower-case letter (and a letter before, checked in code: a leading lookbehind makes the scan slow). */
const BREAK = /-[ \t]*\r?\n[ \t]*(?=\p{Ll})/gu;
const LETTER = /\p{L}/u;

export function cleanForReferences(source: string): CleanText {
  const at: number[] = []; // clean offset where a removal happened
  const shift: number[] = []; // total characters removed up to and including that point
  let removed = 0;
  const text = source.replace(BREAK, (whole: string, offset: number) => {
    if (offset === 0 || !LETTER.test(source[offset - 1]!)) return whole;
    removed += whole.length;
    at.push(offset + whole.length - removed);
    shift.push(removed);
    return '';
  });
  const toSource = (clean: number): number => {
    // Last removal at or before `clean` (binary search).
    let lo = 0;
    let hi = at.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! <= clean) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return clean + (found >= 0 ? shift[found]! : 0);
  };
  return { text, toSource };
}
