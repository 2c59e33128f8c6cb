/**
 * Character folding for the overlap engine: every UTF-16 code unit is mapped,
 * once and lazily, to what it contributes to a word. Folding a character is
 * Unicode compatibility decomposition (NFKD, so NFKC-equal texts fold the
 * same), lower case, accents dropped (OCR and retyping lose them), and
 * Cyrillic/Greek letters that look like Latin ones mapped to those Latin
 * letters (both cases of a letter to the same target, so a Russian word stays
 * case-insensitive: "Соuncil" with Cyrillic С and о reads "council").
 *
 * Classes (values of the table):
 *   ≥ 0        a word character, folded to this code
 *   SEP        separates words (space, punctuation, symbols)
 *   IGNORE     inside a word, contributes nothing (combining marks, zero-width characters, BOM)
 *   HYPHEN     joins two word characters, also across one line end ("peace-keeping", "implemen-\ntation")
 *   IDEOGRAPH  a word of its own (Han, kana): Chinese and Japanese have no spaces
 *   SURROGATE  half of an astral character, folded through foldCodePoint()
 *   ≤ EXPANSION_BASE  several word characters (ligature "ﬁ" → "fi"): EXPANSIONS[EXPANSION_BASE - value]
 */

export const SEP = -2;
export const IGNORE = -3;
export const HYPHEN = -4;
export const IDEOGRAPH = -5;
export const SURROGATE = -6;
export const EXPANSION_BASE = -100;
const UNSET = -1;

/** Look-alikes: Cyrillic and Greek letters (both cases) → the Latin letter they pass for. */
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  А: 'a', а: 'a', В: 'b', в: 'b', Е: 'e', е: 'e', К: 'k', к: 'k', М: 'm', м: 'm', Н: 'h', н: 'h',
  О: 'o', о: 'o', Р: 'p', р: 'p', С: 'c', с: 'c', Т: 't', т: 't', У: 'y', у: 'y', Х: 'x', х: 'x',
  Ѕ: 's', ѕ: 's', І: 'i', і: 'i', Ј: 'j', ј: 'j', Ԁ: 'd', ԁ: 'd', Һ: 'h', һ: 'h', Ӏ: 'l', ӏ: 'l',
  Ԛ: 'q', ԛ: 'q', Ԝ: 'w', ԝ: 'w',
  // Greek
  Α: 'a', α: 'a', Β: 'b', β: 'b', Ε: 'e', ε: 'e', Ζ: 'z', ζ: 'z', Η: 'h', η: 'h', Ι: 'i', ι: 'i',
  Κ: 'k', κ: 'k', Μ: 'm', μ: 'm', Ν: 'n', ν: 'n', Ο: 'o', ο: 'o', Ρ: 'p', ρ: 'p', Τ: 't', τ: 't',
  Υ: 'y', υ: 'y', Χ: 'x', χ: 'x',
};
/** Case folding that toLowerCase() does not do. */
const EXTRA_FOLD: Record<string, string> = { ß: 'ss', ẞ: 'ss', ſ: 's', ς: 'σ' };

const WORD_CHAR = /[\p{L}\p{N}]/u;
const IGNORABLE = /^[\p{M}\p{Cf}]+$/u;
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HYPHENS = new Set([0x2d, 0xad, 0x2010, 0x2011]);

export const EXPANSIONS: Uint16Array[] = [];
const expansionIndex = new Map<string, number>();

/** The folded word characters of one character (string of one code point), '' when it has none. */
export function foldString(ch: string): string {
  const look = LOOKALIKES[ch];
  if (look) return look;
  let out = '';
  for (const c of ch.normalize('NFKD').toLowerCase().normalize('NFKD')) {
    const mapped = LOOKALIKES[c] ?? EXTRA_FOLD[c] ?? c;
    for (const m of mapped.normalize('NFKD')) if (WORD_CHAR.test(m)) out += LOOKALIKES[m] ?? m;
  }
  return out;
}

function classify(ch: string, code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return SURROGATE;
  if (HYPHENS.has(code)) return HYPHEN;
  if (IDEOGRAPHIC.test(ch)) return IDEOGRAPH;
  const folded = foldString(ch);
  if (folded.length === 0) return IGNORABLE.test(ch) ? IGNORE : SEP;
  return encode(folded);
}

function encode(folded: string): number {
  if (folded.length === 1) return folded.charCodeAt(0);
  let i = expansionIndex.get(folded);
  if (i === undefined) {
    i = EXPANSIONS.length;
    EXPANSIONS.push(Uint16Array.from(folded, (c) => c.charCodeAt(0)));
    expansionIndex.set(folded, i);
  }
  return EXPANSION_BASE - i;
}

/** Per-thread table, filled on first sight of each code unit (ASCII up front). */
export const FOLD = new Int32Array(65536).fill(UNSET);
for (let c = 0; c < 128; c++) {
  if (c >= 0x41 && c <= 0x5a) FOLD[c] = c + 32;
  else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) FOLD[c] = c;
  else FOLD[c] = c === 0x2d ? HYPHEN : SEP;
}

export function foldClass(code: number): number {
  const v = FOLD[code]!;
  if (v !== UNSET) return v;
  const cls = classify(String.fromCharCode(code), code);
  FOLD[code] = cls;
  return cls;
}

const astral = new Map<number, number>();
/** Class of an astral code point (mathematical alphanumerics fold to Latin letters, emoji separate). */
export function foldCodePoint(cp: number): number {
  let v = astral.get(cp);
  if (v === undefined) {
    const ch = String.fromCodePoint(cp);
    if (IDEOGRAPHIC.test(ch)) v = IDEOGRAPH;
    else {
      const folded = foldString(ch);
      v = folded.length === 0 ? (IGNORABLE.test(ch) ? IGNORE : SEP) : encode(folded);
    }
    astral.set(cp, v);
  }
  return v;
}

/** The folded form of a whole text, words separated by single spaces (for tests and boilerplate keys). */
export function normaliseText(text: string): string {
  return text
    .replace(/([\p{L}\p{N}])[-\u00ad\u2010\u2011][ \t]*(?:\r\n|\r|\n)?[ \t]*(?=[\p{L}\p{N}])/gu, '$1')
    .replace(/[\s\S]/gu, (ch) => {
      const c = ch.codePointAt(0)!;
      const cls = c > 0xffff ? foldCodePoint(c) : foldClass(c);
      if (cls >= 0) return String.fromCharCode(cls);
      if (cls <= EXPANSION_BASE) return String.fromCharCode(...EXPANSIONS[EXPANSION_BASE - cls]!);
      if (cls === IGNORE) return '';
      if (cls === IDEOGRAPH) return ` ${ch} `;
      return ' ';
    })
    .replace(/ +/g, ' ')
    .trim();
}
