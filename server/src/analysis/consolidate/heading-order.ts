import { addresseeOfHeading } from '../common/addressee.ts';
import { readHeading } from '../common/headings.ts';
import { collapseWhitespace } from '../common/text.ts';

/**
 * The order of headings in a consolidated draft. Preambular headings keep the
 * order in which the sources use them; operative ones follow the order ITU
 * texts use: resolves / decides, then instructs (Secretary-General, Directors,
 * Council, study and advisory groups), requests, invites (Council, Member
 * States, Sector Members, others), the other verbs last.
 */

/** "Considering further:" and "considering  further" are one heading; so are "recognising" and "recognizing". */
export function headingKey(heading: string): string {
  return collapseWhitespace(heading)
    .replace(/[\s,:;.]+$/, '')
    .toLowerCase()
    .replace(/(?<=\p{L}{3})is(e|es|ed|ing)\b/gu, 'iz$1');
}

/** The heading as printed, without the trailing punctuation some sources keep. */
export function displayHeading(heading: string): string {
  return collapseWhitespace(heading).replace(/[\s,:;]+$/, '');
}

const VERB_RANK: ReadonlyArray<[RegExp, number]> = [
  [/^(?:resolves|decides)$/, 0],
  [/^instructs$|^(?:resolves|decides)\s+to\s+instruct$/, 1],
  [/^requests$|^(?:resolves|decides)\s+to\s+request$/, 2],
  [/^invites$|^(?:resolves|decides)\s+to\s+invite$/, 3],
  [/^(?:encourages|urges|calls\s+(?:upon|on)|appeals\s+to)$|^(?:resolves|decides)\s+to\s+(?:encourage|urge|call\s+upon)$/, 4],
];

const ADDRESSEE_RANK: ReadonlyArray<[RegExp, number]> = [
  [/^Secretary-General/, 0],
  [/^(?:TSB|BR|BDT) Director|^Directors? of/, 1],
  [/^Council/, 2],
  [/^SG\d|study\s+groups?|^TSAG|^RAG|^TDAG|advisory/i, 3],
  [/^(?:all\s+)?Member States/i, 4],
  [/^Sector Members/i, 5],
];

/** The verb without "further" / "also" ("further instructs" → "instructs"), and whether it was a "further" heading. */
function verbOf(heading: string): { verb: string; further: boolean } {
  const info = readHeading(displayHeading(heading));
  const phrase = (info?.verb ?? heading.split(/\s+/)[0] ?? '').toLowerCase();
  const verb = phrase.replace(/\b(?:further|also)\b/g, ' ').replace(/\s+/g, ' ').trim();
  return { verb, further: verb !== phrase.replace(/\s+/g, ' ').trim() };
}

/**
 * A sort key for an operative heading: verb group, then addressee, then the
 * plain heading before its "further" one. Headings with equal keys keep the
 * order the sources gave them (the sort that uses this is stable).
 */
export function operativeRank(heading: string, addressee: string | null): number {
  const { verb, further } = verbOf(heading);
  const verbRank = VERB_RANK.find(([re]) => re.test(verb))?.[1] ?? VERB_RANK.length;
  const who = addressee ?? addresseeOfHeading(displayHeading(heading)) ?? '';
  const whoRank = verbRank === 0 ? 0 : (ADDRESSEE_RANK.find(([re]) => re.test(who))?.[1] ?? ADDRESSEE_RANK.length);
  return verbRank * 100 + whoRank * 2 + (further ? 1 : 0);
}

/**
 * Merges several orders of the same things into one that keeps each input's
 * order where they agree: a newcomer goes after the item before it in its own
 * sequence, past whatever that sequence does not know (earlier sources'
 * additions stay first); else before the item after it; else at the end. The
 * first sequence comes out unchanged.
 */
export function mergeSequences<T>(sequences: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const placed = new Set<T>();
  for (const seq of sequences) {
    const known = new Set(seq);
    seq.forEach((item, i) => {
      if (placed.has(item)) return;
      const before = seq.slice(0, i).reverse().find((x) => placed.has(x));
      const after = before === undefined ? seq.slice(i + 1).find((x) => placed.has(x)) : undefined;
      let at = out.length;
      if (before !== undefined) {
        at = out.indexOf(before) + 1;
        while (at < out.length && !known.has(out[at]!)) at++;
      } else if (after !== undefined) at = out.indexOf(after);
      out.splice(at, 0, item);
      placed.add(item);
    });
  }
  return out;
}
