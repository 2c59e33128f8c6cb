import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise.ts';
import { tokeniseString } from './tokens.ts';

const words = (text: string) => {
  const t = tokeniseString(text);
  return Array.from({ length: t.n }, (_, i) => text.slice(t.start[i], t.end[i]));
};
const hashes = (text: string) => Array.from(tokeniseString(text).hash.slice(0, tokeniseString(text).n));

describe('normalisation', () => {
  it('folds compatibility forms, case, accents and ligatures (NFKC and more)', () => {
    expect(normaliseText('ＡＢＣ ﬁnal Café CAFE\u0301 ß ẞ')).toBe('abc final cafe cafe ss ss');
    expect(hashes('Council ﬁnal café')).toEqual(hashes('COUNCIL final CAFÉ'));
  });

  it('maps Cyrillic and Greek look-alike letters in Latin words', () => {
    // С, о (Cyrillic) and Α, ο (Greek)
    expect(normaliseText('The Security \u0421\u043euncil and \u0391pp\u03bfintment')).toBe('the security council and appointment');
    expect(hashes('Security \u0421\u043euncil')).toEqual(hashes('Security Council'));
  });

  it('joins line-end hyphenation and hyphenated compounds; other punctuation separates', () => {
    expect(words('implemen-\ntation of peace-keeping, co-\r\n  operation')).toEqual(['implemen-\ntation', 'of', 'peace-keeping', 'co-\r\n  operation']);
    expect(hashes('implemen-\ntation peace-keeping')).toEqual(hashes('implementation peacekeeping'));
    expect(words('a - b; c.d (e)')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(words('end-\n\nNext')).toEqual(['end', 'Next']);
  });

  it('ignores zero-width characters and soft hyphens inside words; ideographs are words of their own', () => {
    expect(hashes('se\u200Bcu\u00ADrity')).toEqual(hashes('security'));
    expect(words('安全理事会 decides')).toEqual(['安', '全', '理', '事', '会', 'decides']);
  });

  it('keeps offsets as string indices, astral characters and a BOM included', () => {
    const text = '\uFEFF𝐀BC dé\u0301f 😀 x';
    expect(words(text)).toEqual(['𝐀BC', 'dé\u0301f', 'x']);
    expect(hashes('𝐀BC')).toEqual(hashes('abc'));
  });

  it('marks paragraph breaks (a blank line) and words with digits', () => {
    const t = tokeniseString('one two\nthree\n\n four 1964\r\n\r\nfive');
    expect(Array.from(t.brk.slice(0, t.n))).toEqual([1, 0, 0, 1, 2, 1]);
  });
});
