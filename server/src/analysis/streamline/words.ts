/**
 * Word counts for the report's own measures (how much of each document a
 * pair shares). The engine gives one containment, of the shorter document;
 * merging needs both directions, so both are counted here, the same way on
 * both sides: a word is a run of letters and digits; it is covered when it
 * starts inside one of the pair's passages (overlapping passages count once).
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** Start offsets of every word of a text. */
export function wordStarts(text: string): number[] {
  const starts: number[] = [];
  for (const m of text.matchAll(WORD)) starts.push(m.index);
  return starts;
}

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** How many words start inside the union of the ranges ([start, end) offsets). */
export function coveredWords(starts: readonly number[], ranges: readonly (readonly [number, number])[]): number {
  const sorted = [...ranges].filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let i = 0; // first word not yet passed
  let reach = -1; // end of the union so far
  for (const [s, e] of sorted) {
    const from = Math.max(s, reach);
    if (e <= from) continue;
    while (i < starts.length && starts[i]! < from) i++;
    while (i < starts.length && starts[i]! < e) {
      covered++;
      i++;
    }
    reach = e;
  }
  return covered;
}

/** Share of a text's words covered by the ranges, in [0, 1] (0 for a text without words). */
export function coverage(text: string, ranges: readonly (readonly [number, number])[]): number {
  const starts = wordStarts(text);
  return starts.length === 0 ? 0 : coveredWords(starts, ranges) / starts.length;
}
