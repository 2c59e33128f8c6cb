import { describe, expect, it } from 'vitest';
import { documentText } from './document-text.ts';
import { diffSnapshots, dropKnownBoilerplate, findPartners, mergePairs } from './incremental.ts';
import { clauseWords, filterPassages, type StoredPair } from './passages.ts';
import { wordStarts } from './words.ts';

const para = (seed: string, n = 30) => Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ');

describe('incremental runs', () => {
  it('tells changed and removed documents from a snapshot', () => {
    const before = new Map([
      [1, 'h1'],
      [2, 'h2'],
      [3, 'h3'],
    ]);
    const now = new Map([
      [1, 'h1'],
      [2, 'h2-new'],
      [4, 'h4'],
    ]);
    expect(diffSnapshots(before, now)).toEqual({ changed: [2, 4], removed: [3] });
  });

  it('finds as partners the documents sharing rare clause text with a changed one', () => {
    const shared = para('shared');
    const docs = [
      { id: 1, text: `${shared} ${para('one')}` },
      { id: 2, text: `${para('two')} ${shared}` },
      { id: 3, text: para('three') },
      // Shares only a 4-word run with the changed text: no 5-gram in common.
      { id: 4, text: `shared0 shared1 shared2 shared3 ${para('four')}` },
    ];
    expect([...findPartners(docs, new Set([1]))]).toEqual([2]);
    // Common sequences (in more than maxDf documents) do not make partners.
    expect([...findPartners(docs, new Set([1]), { maxDf: 1 })]).toEqual([]);
  });

  it('keeps untouched pairs and takes recomputed ones involving a changed document', () => {
    const p = (a: number, b: number, c: number) => ({ a, b, containment: c });
    const previous = [p(1, 2, 0.5), p(2, 3, 0.4), p(3, 4, 0.3), p(4, 5, 0.2)];
    const recomputed = [p(2, 3, 0.45), p(1, 3, 0.6), p(3, 4, 0.9)];
    // 3 changed (its pairs are recomputed), 5 removed; the recomputed 3-4 replaces the old one, 1-2 is kept.
    expect(mergePairs(previous, recomputed, { changed: [3], removed: [5] })).toEqual([p(1, 2, 0.5), p(1, 3, 0.6), p(2, 3, 0.45), p(3, 4, 0.9)]);
  });
});

describe('passages', () => {
  const textA = 'one two three four five six seven eight';
  const textB = 'one two three four five six seven eight nine ten';
  const pair: StoredPair = {
    a: 1,
    b: 2,
    containment: 1,
    passages: [
      { a: [0, 13], b: [0, 13], words: 3 },
      { a: [14, 40], b: [14, 40], words: 5 },
    ],
  };

  it('drops passages and scales containment by what remains of the shorter text', () => {
    expect(filterPassages(pair, () => true, textA, textB)).toBe(pair);
    const kept = filterPassages(pair, (x) => x.a[0] > 0, textA, textB)!;
    expect(kept.passages).toHaveLength(1);
    expect(kept.containment).toBeCloseTo(5 / 8);
    expect(filterPassages(pair, () => false, textA, textB)).toBeNull();
  });

  it('drops recomputed passages that lie on known boilerplate of the unchanged side', () => {
    const texts = new Map([
      [1, textA],
      [2, textB],
    ]);
    const out = dropKnownBoilerplate([pair], texts, new Set([2]), [{ id: 1, start: 0, end: 13 }]);
    expect(out[0]!.passages.map((x) => x.a)).toEqual([[14, 40]]);
    // The changed side's old offsets mean nothing: boilerplate there is not used.
    expect(dropKnownBoilerplate([pair], texts, new Set([1]), [{ id: 1, start: 0, end: 13 }])[0]).toBe(pair);
  });

  it('counts the words of a passage that stand in clauses', () => {
    const d = documentText({ preamble: 'The Assembly,', clauses: [{ id: 1, heading: 'resolves', num: '1', text: 'to keep fixtures short' }] });
    expect(clauseWords(wordStarts(d.text), d.segments, [0, d.text.length])).toBe(5);
    expect(clauseWords(wordStarts(d.text), d.segments, [0, d.bodyStart])).toBe(0);
  });
});
