/**
 * Small string helpers shared by every parser. Kept free of layout knowledge:
 * they only repair what line-wrapping and PDF conversion do to words.
 */

export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function capitaliseFirst(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/** Words after a hyphen that show a suspended compound ("short- and long-term"), where the space is real. */
const SUSPENDED_FOLLOWERS = new Set(['and', 'or', 'nor', 'to', 'as', 'but', 'versus', 'vs']);

/**
 * PDF conversion leaves "Secretary- General" where a line broke after a real
 * hyphen. Re-join those, but leave suspended compounds ("short- and long-term")
 * and spaced dashes ("2018 - 2020") alone. Returns how many joins were made so
 * callers can report them.
 */
export function joinSpacedHyphens(s: string): { text: string; joins: number } {
  let joins = 0;
  const text = s.replace(/([\p{L}\p{N}])- +([\p{L}\p{N}][\p{L}\p{N}]*)/gu, (whole, left: string, word: string) => {
    if (SUSPENDED_FOLLOWERS.has(word.toLowerCase())) return whole;
    joins++;
    return `${left}-${word}`;
  });
  return { text, joins };
}

/** Prefixes that keep their hyphen when a compound is split across lines. */
const HYPHEN_PREFIXES = new Set([
  // Only prefixes that are (almost) always written with their hyphen; "wide-spread" must not survive.
  'self', 'co', 'non', 'ex', 'cease', 'anti', 'vice', 'semi', 'all', 'well', 'so', 'half', 'cross', 'follow', 'e',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
]);

/**
 * Joins a word broken across a line end ("estab-\nlished", "Secretary-\nGeneral").
 * The document's own vocabulary decides first (if "established" occurs
 * elsewhere, the hyphen was typographic); otherwise compounds with a capital
 * second part or a common prefix keep the hyphen, and anything else is joined.
 */
export function joinLineEndHyphen(left: string, right: string, vocabulary?: ReadonlySet<string>): string {
  const joined = left + right;
  const hyphenated = `${left}-${right}`;
  if (vocabulary) {
    if (vocabulary.has(joined.toLowerCase())) return joined;
    if (vocabulary.has(hyphenated.toLowerCase())) return hyphenated;
  }
  if (/^[\p{Lu}\p{N}]/u.test(right) || /\p{N}$/u.test(left)) return hyphenated;
  if (SUSPENDED_FOLLOWERS.has(right.toLowerCase())) return `${left}- ${right}`;
  if (HYPHEN_PREFIXES.has(left.toLowerCase())) return hyphenated;
  return joined;
}

/** Lower-cased words of a text, including hyphenated compounds, for {@link joinLineEndHyphen}. */
export function vocabularyOf(text: string): Set<string> {
  // A line-final "estab-" never matches (a word must end with a letter), so fragments cannot vote.
  // One lower-casing of the whole text and one match: several times faster than per-word work.
  return new Set(text.toLowerCase().match(/\p{L}[\p{L}-]*\p{L}/gu) ?? []);
}

const LETTER = /\p{L}/u;

/**
 * Turns a raw span of wrapped text into one line of clean text: line-end
 * hyphenation re-joined, spaced hyphens repaired, whitespace collapsed.
 */
export function unwrapText(raw: string, vocabulary?: ReadonlySet<string>): string {
  // Anchored on the hyphen (a pattern opening with a letter class is tried at every letter: slow);
  // the word before is found by walking back, and the result keeps it in place.
  const unhyphenated = raw.replace(/-[ \t]*\r?\n[ \t]*(\p{L}+)/gu, (whole: string, right: string, offset: number) => {
    let i = offset;
    while (i > 0 && LETTER.test(raw[i - 1]!)) i--;
    if (i === offset) return whole;
    const left = raw.slice(i, offset);
    return joinLineEndHyphen(left, right, vocabulary).slice(left.length);
  });
  return joinSpacedHyphens(collapseWhitespace(unhyphenated)).text;
}

/** "instructs the Secretary-General, in consultation …" → "instructs-the-secretary-general". */
export function slugify(heading: string, maxLength = 80): string {
  // A comma before a lower-case word opens a modifier ("…, in consultation with"); a list of names stays.
  const head = heading.split(/,\s+(?=[a-z])|[;:(]/)[0] ?? heading;
  let slug = head
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > maxLength) {
    slug = slug.slice(0, maxLength);
    const cut = slug.lastIndexOf('-');
    if (cut > 20) slug = slug.slice(0, cut);
  }
  return slug;
}

/** Shortens to at most `max` characters at a word boundary, marking the cut with "…". */
export function truncateAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const slice = s.slice(0, max - 1);
  const cut = slice.lastIndexOf(' ');
  const base = cut > max * 0.5 ? slice.slice(0, cut) : slice;
  return `${base.replace(/[\s,;:.–-]+$/, '')}…`;
}
