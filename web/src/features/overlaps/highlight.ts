/**
 * Cuts a text into pieces at every passage boundary, each piece knowing
 * which passages (by number, from 1) cover it. Passages may overlap on one
 * side (a sentence of one text matched twice in the other): a piece then
 * carries several numbers. Offsets are JavaScript string indices, as the API
 * gives them; out-of-range offsets (a text changed since) are clamped.
 */
export interface Piece {
  text: string;
  start: number;
  /** Passage numbers covering this piece, ascending (empty: not shared). */
  passages: number[];
  /** Passages that begin exactly here (to anchor "passage n" and its number badge). */
  starts: number[];
}

export function highlight(text: string, ranges: readonly (readonly [number, number])[]): Piece[] {
  const clamp = (x: number) => Math.max(0, Math.min(text.length, x));
  const spans = ranges.map(([s, e], i) => ({ n: i + 1, s: clamp(s), e: clamp(e) })).filter((r) => r.e > r.s);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((r) => [r.s, r.e])])].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    pieces.push({
      text: text.slice(start, end),
      start,
      passages: spans.filter((r) => r.s <= start && end <= r.e).map((r) => r.n),
      starts: spans.filter((r) => r.s === start).map((r) => r.n),
    });
  }
  return pieces;
}
