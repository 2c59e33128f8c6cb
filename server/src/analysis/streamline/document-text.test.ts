import { describe, expect, it } from 'vitest';
import { documentText } from './document-text.ts';
import { countWords, coverage, coveredWords, wordStarts } from './words.ts';

const clauses = [
  { id: 11, heading: 'considering', num: 'a', text: 'that the purposes of the Union\nare set out in Article 1;' },
  { id: 12, heading: 'considering', num: 'b', text: 'that ICTs matter,' },
  { id: 13, heading: 'instructs the Director of the Telecommunication Standardization Bureau', num: '1', text: 'to report annually to the Council.' },
];

describe('documentText', () => {
  it('lays out preamble, headings where they change and numbered clauses as paragraphs', () => {
    const d = documentText({ preamble: 'The Plenipotentiary Conference  (Dubai, 2018),', clauses });
    expect(d.text).toBe(
      [
        'The Plenipotentiary Conference (Dubai, 2018),',
        'considering',
        'a) that the purposes of the Union are set out in Article 1;',
        'b) that ICTs matter,',
        'instructs the Director of the Telecommunication Standardization Bureau',
        '1 to report annually to the Council.',
      ].join('\n\n'),
    );
    expect(d.bodyStart).toBe(d.text.indexOf('considering'));
    for (const s of d.segments) expect(d.text.slice(s.start, s.end)).not.toMatch(/^\s|\s$/);
    const c12 = d.segments.find((s) => s.clauseId === 12)!;
    expect(d.text.slice(c12.start, c12.end)).toBe('b) that ICTs matter,');
    expect(d.segments.map((s) => s.kind)).toEqual(['preamble', 'heading', 'clause', 'clause', 'heading', 'clause']);
  });

  it('is deterministic and never holds a blank line inside a clause (the engine cuts units there)', () => {
    const a = documentText({ preamble: '', clauses: [{ id: 1, heading: 'resolves', num: '', text: 'one\n\n\ntwo' }] });
    expect(a).toEqual(documentText({ preamble: '', clauses: [{ id: 1, heading: 'resolves', num: '', text: 'one\n\n\ntwo' }] }));
    expect(a.text).toBe('resolves\n\none two');
    expect(a.bodyStart).toBe(0);
  });

  it('gives an empty text for an empty document', () => {
    expect(documentText({ clauses: [] })).toEqual({ text: '', segments: [], bodyStart: 0 });
  });
});

describe('word coverage', () => {
  it('counts letters-and-digits runs, in any script', () => {
    expect(countWords('Res. 64 (Rev. Dubai, 2018) — Résolution, Резолюция')).toBe(7);
    expect(countWords('  ')).toBe(0);
  });

  it('counts each covered word once, however the ranges overlap', () => {
    const text = 'one two three four five six';
    const starts = wordStarts(text);
    expect(coveredWords(starts, [[0, 7]])).toBe(2);
    expect(coveredWords(starts, [[0, 13], [4, 18], [24, 27]])).toBe(5);
    expect(coveredWords(starts, [[8, 8]])).toBe(0);
    expect(coverage(text, [[0, text.length]])).toBe(1);
    expect(coverage('', [[0, 5]])).toBe(0);
  });
});
