import type { ClauseKind } from '@mandate/shared';
import { collapseWhitespace } from './text.ts';

/**
 * The grammar of ITU-style clause headings ("considering further", "noting
 * with concern", "instructs the Director of the Telecommunication
 * Standardization Bureau"). Preambular headings are participles or adjectives
 * standing alone; operative headings are third-person verbs, optionally
 * followed by the addressee.
 */

const ADVERBS = '(?:(?:further|also|and|deeply|gravely|seriously|profoundly|greatly|strongly|fully|firmly|once\\s+again|again|in\\s+particular|moreover)\\s+)*';

/** Preambular leads that are not "-ing" forms, or multi-word ones. */
const PREAMBULAR_FIXED = [
  'having\\s+regard\\s+to', 'having\\s+regard', 'having\\s+[a-z]+', 'bearing\\s+in\\s+mind', 'keeping\\s+in\\s+mind',
  'taking\\s+into\\s+(?:account|consideration)', 'taking\\s+note(?:\\s+of)?', 'in\\s+view\\s+of', 'guided\\s+by', 'seized\\s+of',
  'aware', 'conscious', 'convinced', 'concerned', 'mindful', 'cognizant', 'cognisant', 'alarmed', 'determined', 'desirous',
  'anxious', 'confident', 'satisfied', 'persuaded', 'committed', 'encouraged', 'disturbed', 'gratified', 'pleased',
  'appreciative', 'grateful', 'sensitive',
];

/** Common preambular participles: the only ones trusted when a heading is found glued inside running text. */
const PREAMBULAR_KNOWN = [
  'considering', 'recognizing', 'recognising', 'noting', 'recalling', 'emphasizing', 'emphasising', 'welcoming',
  'stressing', 'reaffirming', 'observing', 'appreciating', 'acknowledging', 'highlighting', 'underlining',
  'expressing', 'affirming', 'reiterating', 'believing', 'desiring', 'realizing', 'realising', 'referring',
  'taking\\s+into\\s+account', 'bearing\\s+in\\s+mind', 'having\\s+(?:noted|considered|examined|regard\\s+to)',
  'aware', 'conscious', 'convinced', 'concerned', 'mindful',
];

/** "-ing" words that never open a heading on their own. */
const NOT_PARTICIPLES = new Set([
  'during', 'including', 'regarding', 'concerning', 'according', 'following', 'pending', 'notwithstanding',
  'nothing', 'something', 'anything', 'everything', 'thing', 'bring', 'king', 'ring', 'spring', 'string', 'morning',
  'evening', 'meeting', 'funding', 'training', 'building', 'planning', 'housing', 'being', 'setting', 'ceiling',
]);

/** Operative verbs that ITU and UN texts use as headings. */
export const OPERATIVE_VERBS = [
  'resolves', 'decides', 'instructs', 'invites', 'requests', 'encourages', 'urges', 'calls', 'authorizes', 'authorises',
  'recommends', 'appeals', 'endorses', 'approves', 'adopts', 'charges', 'entrusts', 'directs', 'asks', 'expresses',
  'declares', 'agrees', 'accepts', 'affirms', 'reaffirms', 'confirms', 'commends', 'exhorts', 'welcomes', 'supports',
  'establishes', 'designates', 'proclaims', 'appoints', 'notes', 'takes', 'thanks', 'congratulates', 'emphasizes',
  'stresses', 'underlines', 'reiterates', 'recognizes', 'considers', 'calls', 'demands', 'condemns', 'deplores',
];

/** Words ending in "s" that are not verbs. */
const NOT_VERBS = new Set([
  'is', 'was', 'has', 'this', 'thus', 'its', 'his', 'hers', 'as', 'us', 'always', 'perhaps', 'unless', 'whereas',
  'towards', 'besides', 'yes', 'less', 'across', 'various', 'previous', 'numerous', 'serious', 'status', 'process',
  'does', 'goes', 'sometimes', 'nevertheless', 'regardless', 'progress', 'access', 'business', 'countries',
  'states', 'members', 'resources', 'services', 'activities', 'systems', 'impacts', 'needs', 'results',
]);

const PREAMBULAR_MODIFIERS = '(?:\\s+(?:further|also|moreover|furthermore|in\\s+particular|with\\s+(?:[a-z]+\\s+){0,3}[a-z]+))*';

const PREAMBULAR_LINE = new RegExp(
  `^${ADVERBS}(?:${PREAMBULAR_FIXED.join('|')}|[a-z]+ing)${PREAMBULAR_MODIFIERS}\\s*[,:]?$`,
);
const PREAMBULAR_GLUED = new RegExp(`^${ADVERBS}(?:${PREAMBULAR_KNOWN.join('|')})${PREAMBULAR_MODIFIERS}$`);
const OPERATIVE_HEAD = new RegExp(
  // "resolves to instruct X" names its addressee like "instructs X" does.
  `^${ADVERBS}((?:resolves|decides)\\s+to\\s+(?:instruct|invite|request|encourage|urge|call\\s+upon)|calls\\s+(?:upon|on)|appeals\\s+to|[a-z]+s)(?:\\s+(?:further|also))?\\b`,
);

/** An infinitive or a "that"-clause means we are past the heading, inside the clause text. */
const CLAUSE_TEXT_SIGNS = /\bthat\b|\bto\s+(?!the\b|a\b|an\b|all\b|its\b|their\b|this\b|these\b|available\b|[A-Z])[a-z]+\b|[;.!?]\s*$/;

export interface HeadingInfo {
  kind: ClauseKind;
  /** The verb phrase ("instructs", "invites", "calls upon", "considering further"). */
  verb: string;
  /** What follows the verb: the addressee phrase of an operative heading, or "". */
  rest: string;
}

function firstWordOf(verbPhrase: string): string {
  const words = verbPhrase.split(/\s+/);
  // Skip leading adverbs to reach the verb itself.
  return words.find((w) => !/^(further|also|and|deeply|gravely|seriously|profoundly|greatly|strongly|fully|firmly|once|again|in|particular|moreover)$/.test(w)) ?? '';
}

/**
 * Reads a heading line. `strict` limits verbs to the known lists: used when
 * the candidate was found glued inside running text, where a generic "-s"
 * word ("impacts on customers") would be a false alarm.
 */
export function readHeading(line: string, opts: { strict?: boolean } = {}): HeadingInfo | null {
  const text = collapseWhitespace(line).replace(/[,:]$/, '').trim();
  if (text === '' || text.length > 250 || !/^[a-z]/.test(text)) return null;
  const lower = text.toLowerCase();
  const preambular = opts.strict ? PREAMBULAR_GLUED : PREAMBULAR_LINE;
  if (preambular.test(lower) && text.split(' ').length <= 8) {
    const lead = firstWordOf(lower);
    if (!NOT_PARTICIPLES.has(lead)) return { kind: 'preambular', verb: text, rest: '' };
  }
  const m = OPERATIVE_HEAD.exec(text);
  if (!m) return null;
  const verbWord = firstWordOf(m[1]!.toLowerCase());
  // "-ss", "-us", "-is" words are nouns or adjectives ("process", "status", "basis", "ambitious"), never verbs.
  if (/(?:ss|us|is)$/.test(verbWord) || NOT_VERBS.has(verbWord) || verbWord.length < 4) return null;
  if (opts.strict && !OPERATIVE_VERBS.includes(verbWord)) return null;
  const rest = text.slice(m[0].length).trim();
  if (CLAUSE_TEXT_SIGNS.test(rest)) return null;
  return { kind: 'operative', verb: m[0].trim(), rest };
}

/** Whether a heading is read with the known verb lists only (see {@link OPERATIVE_VERBS}), not the generic "-s" pattern. */
export function isKnownHeading(line: string): boolean {
  return readHeading(line, { strict: true }) !== null;
}

/**
 * What can follow a heading verb directly: an addressee ("Member States",
 * "the Director …", "all administrations"), "further", a comma. A preposition,
 * conjunction or auxiliary there means the line is running text that happens
 * to open with a plural noun or a verb form ("workshops on the accessible …",
 * "requests from Member States …"). "with" is fine after a known verb
 * ("notes with appreciation"), not after an unknown "-s" word.
 */
const CONTINUATION_REST =
  /^(?:of|on|in|at|by|for|from|into|onto|upon|over|under|between|among|amongst|within|without|through|throughout|during|about|against|after|before|across|towards?|via|per|than|as|and|or|but|nor|which|who|whom|whose|where|when|while|is|are|was|were|be|been|being|will|would|shall|should|can|could|may|might|must|have|has|had|do|does|did)\b/;

/** Known verbs that are just as often plural nouns ("notes on the meeting", "charges for roaming", "calls for proposals"). */
const NOUN_LIKE_VERBS = new Set(['notes', 'thanks', 'supports', 'charges', 'calls', 'appeals', 'demands', 'stresses', 'takes']);

/**
 * Whether a line read as an operative heading is more likely running text.
 * `knownVerb`: the verb is one of {@link OPERATIVE_VERBS}; `sentenceOpen`: the
 * line follows one that may not have finished its sentence (a comma, or no
 * punctuation), where only an unmistakable heading counts.
 */
export function looksLikeRunningText(info: HeadingInfo, ctx: { knownVerb: boolean; sentenceOpen: boolean }): boolean {
  if (info.kind !== 'operative') return false;
  const rest = info.rest.toLowerCase();
  if (!ctx.knownVerb && /^with\b/.test(rest)) return true;
  if ((ctx.sentenceOpen || !ctx.knownVerb) && CONTINUATION_REST.test(rest)) return true;
  // "calls upon", "appeals to" are unmistakable; a bare "calls" or "notes" after a comma is not.
  const verb = info.verb.toLowerCase().split(/\s+/).filter((w) => !/^(?:further|also|and)$/.test(w)).join(' ');
  return ctx.sentenceOpen && NOUN_LIKE_VERBS.has(verb);
}

const MID_BOUNDARY = /[,;.]\s+(?=[a-z])/g;
const MID_BEFORE_FIRST_ITEM = /^(.{3,250}?)\s+(1|a\))\s+(?=(?:to|that)\b)/;
const MID_BEFORE_INFINITIVE = /^((?:further\s+)?(?:instructs|invites|requests|encourages|urges|calls\s+upon)\s.{2,200}?)\s+(?=to\s+[a-z]+)/;

/**
 * Finds a heading glued in the middle of a clause: either followed by the
 * first item of its own block ("…, resolves to instruct X 1 to work …"), or,
 * when `infinitiveClause` says the clause is a "to …" phrase (where a finite
 * verb after a comma cannot belong), followed by its single unnumbered item
 * ("… knowledge, invites Member States to make …").
 */
export function findMidHeading(text: string, infinitiveClause: boolean): { at: number; heading: string; tail: number } | null {
  MID_BOUNDARY.lastIndex = 0;
  for (let m = MID_BOUNDARY.exec(text); m; m = MID_BOUNDARY.exec(text)) {
    const from = m.index + m[0].length;
    const candidate = text.slice(from, from + 300);
    const first = MID_BEFORE_FIRST_ITEM.exec(candidate);
    if (first && readHeading(first[1]!, { strict: true })) {
      return { at: m.index + 1, heading: collapseWhitespace(first[1]!), tail: from + first[1]!.length };
    }
    const inf = infinitiveClause ? MID_BEFORE_INFINITIVE.exec(candidate) : null;
    if (inf && readHeading(inf[1]!, { strict: true })) {
      return { at: m.index + 1, heading: collapseWhitespace(inf[1]!), tail: from + inf[1]!.length };
    }
  }
  return null;
}

/**
 * Finds a heading that PDF conversion appended to the end of a clause
 * ("… annual expenses, instructs the Secretary-General"). Only looks when the
 * text ends without clause punctuation, and only trusts known verbs.
 */
export function findTrailingHeading(text: string): { before: string; heading: string } | null {
  const trimmed = text.trimEnd();
  if (/[.;:,!?"”’)\]]$/.test(trimmed) || trimmed.length < 10) return null;
  const windowStart = Math.max(0, trimmed.length - 300);
  const boundary = /[,;.]\s+/g;
  boundary.lastIndex = windowStart;
  for (let m = boundary.exec(trimmed); m; m = boundary.exec(trimmed)) {
    const candidate = trimmed.slice(m.index + m[0].length);
    if (readHeading(candidate, { strict: true })) {
      return { before: trimmed.slice(0, m.index + 1), heading: collapseWhitespace(candidate) };
    }
  }
  return null;
}
