import { joinSpacedHyphens } from '../common/text.ts';

/**
 * "Is this the same clause?" for consolidation: texts reduced to the words
 * that carry meaning, then compared as sets of word pairs (shingles).
 *
 * Normalised away: case, accents, punctuation, whitespace, hyphenation
 * ("Secretary- General", "e-waste" / "ewaste"), British and American "-ise" /
 * "-ize", a list's closing "and"/"or", and the self-references that change with
 * the body that adopts a text ("this Conference", "the present Assembly").
 */

/** "this Conference", "the present Assembly", "this Plenipotentiary Conference": the adopting body, whoever it is. */
const SELF_BODY = /\b(?:this|the\s+present)\s+(?:(?:world\s+telecommunication\s+(?:standardization|development)\s+|plenipotentiary\s+|radiocommunication\s+|world\s+radiocommunication\s+)?(?:conference|assembly)|council)\b/g;
const SELF_TEXT = /\b(?:this|the\s+present)\s+(?:resolution|decision|recommendation)\b/g;

export function comparableWords(text: string): string[] {
  let t = joinSpacedHyphens(text).text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  t = t.replace(SELF_BODY, ' selfbody ').replace(SELF_TEXT, ' selftext ');
  // A hyphen inside a word joins (e-waste = ewaste); any other punctuation separates.
  t = t.replace(/(\p{L})-(?=\p{L})/gu, '$1').replace(/[^\p{L}\p{N}]+/gu, ' ');
  const words = t.split(' ').filter(Boolean).map((w) => w.replace(/(?<=\p{L}{3})is(e|es|ed|ing|ation|ations)$/u, 'iz$1'));
  while (words.length > 1 && (words[words.length - 1] === 'and' || words[words.length - 1] === 'or')) words.pop();
  return words;
}

/** Word pairs; a one-word text is its word. */
export function shinglesOf(words: readonly string[]): Set<string> {
  if (words.length < 2) return new Set(words);
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

/** Dice coefficient of two shingle sets: 1 for the same wording, 0 for nothing in common. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** A text prepared once for many comparisons. */
export interface Comparable {
  /** The normalised words, joined: equal keys mean duplicates. */
  key: string;
  words: number;
  shingles: Set<string>;
  /** The numbers other than years, sorted: "Resolution 64" and "Resolution 101" differ in nothing else. */
  numbers: string;
}

const YEAR = /^(?:19|20)\d\d$/;

export function comparable(text: string): Comparable {
  const words = comparableWords(text);
  const numbers = [...new Set(words.filter((w) => /^\d+$/.test(w) && !YEAR.test(w)))].sort().join(' ');
  return { key: words.join(' '), words: words.length, shingles: shinglesOf(words), numbers };
}

/**
 * Whether two texts may be near-duplicates at all: they must cite the same
 * numbers (resolution numbers, articles, paragraphs). Years may differ, as a
 * revision updates "(Rev. Busan, 2014)" to "(Rev. Dubai, 2018)"; a citation of
 * Resolution 64 is never a citation of Resolution 101, however alike the words.
 */
export function sameNumbers(a: Comparable, b: Comparable): boolean {
  return a.numbers === b.numbers;
}

/** Share of the shorter text's word pairs that the longer one has too. */
export function containment(a: Comparable, b: Comparable): number {
  const [small, large] = a.shingles.size <= b.shingles.size ? [a.shingles, b.shingles] : [b.shingles, a.shingles];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/**
 * Whether two texts say the same thing: alike enough (`threshold`, on the
 * Dice coefficient), or one says all the other does and a little more ("to
 * adopt IPv6" / "to adopt IPv6 and to require it in public procurement"): the
 * shorter must have a few word pairs, so that "to report" is not found inside
 * every clause that reports. And in any case the same numbers.
 */
export function nearDuplicates(a: Comparable, b: Comparable, threshold: number): boolean {
  if (a.key === b.key) return true;
  if (!sameNumbers(a, b)) return false;
  if (similarity(a, b) >= threshold) return true;
  return Math.min(a.shingles.size, b.shingles.size) >= MIN_CONTAINED && containment(a, b) >= CONTAINED && dice(a.shingles, b.shingles) >= 0.5;
}

/** A text inside another: at least this many word pairs, nearly all of them found in the other. */
const MIN_CONTAINED = 6;
const CONTAINED = 0.9;

export function similarity(a: Comparable, b: Comparable): number {
  if (a.key === b.key) return 1;
  // Rounded: the value is shown to people and compared in tests, not accumulated.
  return Math.round(dice(a.shingles, b.shingles) * 1000) / 1000;
}
