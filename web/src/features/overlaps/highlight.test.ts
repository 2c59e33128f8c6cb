import { describe, expect, it } from 'vitest';
import { highlight } from './highlight.ts';

describe('highlight', () => {
  it('cuts at every boundary and says which passages cover each piece', () => {
    const pieces = highlight('aaaa bbbb cccc dddd', [
      [5, 14],
      [10, 19],
    ]);
    expect(pieces.map((p) => [p.text, p.passages, p.starts])).toEqual([
      ['aaaa ', [], []],
      ['bbbb ', [1], [1]],
      ['cccc', [1, 2], [2]],
      [' dddd', [2], []],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe('aaaa bbbb cccc dddd');
  });

  it('keeps the whole text when there are no passages, and clamps offsets past its end', () => {
    expect(highlight('abc', [])).toEqual([{ text: 'abc', start: 0, passages: [], starts: [] }]);
    expect(highlight('abc', [[1, 99]]).map((p) => p.text)).toEqual(['a', 'bc']);
    expect(highlight('', [[0, 3]])).toEqual([]);
  });
});
