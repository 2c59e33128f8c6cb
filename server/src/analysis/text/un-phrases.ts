import type { ClauseKind } from '@mandate/shared';
import { normaliseAddressee } from '../common/addressee.ts';
import { OPERATIVE_VERBS } from '../common/headings.ts';
import { capitaliseFirst } from '../common/text.ts';

/**
 * The leading phrase of a UN paragraph decides what it is: a participle or
 * adjective ("Recalling", "Deeply concerned") opens a preambular paragraph,
 * a verb in the third person ("Requests", "Calls upon") an operative one.
 * That phrase is the clause heading; an operative verb that asks someone to
 * act also names the addressee ("Requests the Secretary-General to …").
 */

export interface UnLead {
  kind: ClauseKind;
  heading: string;
  addressee: string | null;
  /** Text after the heading. */
  rest: string;
}

const ADVERB = /^(?:equally|highly|deeply|gravely|seriously|profoundly|greatly|strongly|fully|firmly|further|also|again|particularly|especially|most|very|increasingly|extremely|sincerely|earnestly|urgently|solemnly|vigorously|emphatically|formally|hereby|finally|moreover|once|categorically|unanimously|warmly|resolutely|keenly|fervently|expressly)$/i;

const PREAMBULAR_WORDS = new Set([
  'aware', 'conscious', 'convinced', 'concerned', 'mindful', 'cognizant', 'cognisant', 'alarmed', 'determined',
  'desirous', 'anxious', 'confident', 'satisfied', 'persuaded', 'committed', 'encouraged', 'disturbed', 'gratified',
  'pleased', 'shocked', 'grieved', 'distressed', 'appalled', 'outraged', 'indignant', 'seized', 'guided', 'whereas',
  'believing', 'appreciative', 'grateful', 'dismayed', 'perturbed', 'troubled', 'saddened', 'impressed', 'emphasizing',
  'motivated', 'being',
]);

/** Participles common enough in preambles to trust even before a capital ("Recalling General Assembly resolution …"). */
const KNOWN_PARTICIPLES = new Set([
  'recalling', 'reaffirming', 'noting', 'considering', 'recognizing', 'recognising', 'welcoming', 'deploring',
  'condemning', 'expressing', 'emphasizing', 'stressing', 'affirming', 'reiterating', 'observing', 'endorsing',
  'commending', 'regretting', 'believing', 'realizing', 'referring', 'acting', 'bearing', 'taking', 'having', 'keeping',
  'being', 'recalling', 'underlining', 'acknowledging', 'welcoming', 'determining', 'appreciating', 'supporting',
]);

const NOT_PARTICIPLES = new Set(['during', 'including', 'regarding', 'concerning', 'according', 'following', 'pending', 'notwithstanding', 'nothing', 'something']);

/** Capitalised words ending in "s" that do not open an operative paragraph. */
const NOT_VERBS = new Set([
  'is', 'was', 'has', 'this', 'thus', 'its', 'his', 'as', 'us', 'always', 'perhaps', 'unless', 'whereas', 'towards',
  'besides', 'members', 'states', 'nations', 'governments', 'parties', 'forces', 'questions', 'rules', 'articles',
  'paragraphs', 'representatives', 'resolutions', 'measures', 'negotiations', 'arrangements', 'reports', 'elections',
  'affairs', 'authorities', 'countries', 'territories', 'troops', 'hostilities', 'discussions', 'consultations',
]);

/** Operative verbs of UN practice beyond the ITU list. */
const UN_VERBS = new Set([
  'acknowledges', 'applauds', 'assures', 'believes', 'censures', 'concurs', 'deems', 'desires', 'determines',
  'endorses', 'extends', 'finds', 'hopes', 'insists', 'observes', 'pays', 'recalls', 'regrets', 'rejects', 'relies',
  'remains', 'renews', 'repeats', 'reserves', 'reminds', 'solicits', 'suggests', 'trusts', 'underscores', 'warns',
  'approves', 'authorizes', 'calls', 'deplores', 'draws', 'emphasizes', 'enjoins', 'expresses', 'notes', 'requires',
  'invites', 'welcomes', 'resolves', 'recognizes', 'affirms', 'agrees', 'considers', 'declares', 'decides',
  'demands', 'directs', 'encourages', 'establishes', 'instructs', 'reaffirms', 'recommends', 'reiterates',
  'requests', 'stresses', 'supports', 'takes', 'urges', 'appeals', 'condemns', 'commends', 'congratulates',
  'appoints', 'designates', 'adopts', 'accepts', 'asks', 'thanks', 'reprimands', 'proclaims', 'confirms', 'notifies',
  'transmits', 'submits', 'refers', 'expects', 'looks', 'exhorts', 'charges', 'entrusts', 'underlines', 'welcomes',
  'addresses', 'advises', 'maintains', 'orders', 'records', 'holds', 'deprecates', 'issues', 'dissolves', 'authorises',
]);

/** Verbs whose object is an addressee, and the particle that may precede it. */
const ADDRESSING = /^(?:requests|urges|invites|instructs|directs|authori[sz]es|encourages|asks|calls upon|calls on|appeals to|reminds|exhorts|enjoins|charges|entrusts|requires|commends|draws the attention of)$/;

/** Multi-word verb phrases kept whole in the heading. */
const VERB_PARTICLES: Record<string, RegExp> = {
  calls: /^(?:upon|on|for)\b/i,
  appeals: /^(?:to|for)\b/i,
  takes: /^(?:note|into\s+account|cognizance)\b/i,
  pays: /^tribute\b/i,
  draws: /^the\s+attention\s+of\b/i,
  bears: /^in\s+mind\b/i,
};

const PREAMBULAR_PARTICLES: Record<string, RegExp> = {
  having: /^(?:(?:also|further)\s+)?(?:regard\s+to|in\s+mind|taken\s+note|taken\s+into\s+(?:account|consideration)|[a-z]+)\b/i,
  bearing: /^in\s+mind\b/i,
  keeping: /^in\s+mind\b/i,
  taking: /^(?:(?:further|also)\s+)?(?:note|into\s+(?:account|consideration))\b/i,
  in: /^(?:virtue|view|the\s+light)\s+of\b/i,
  being: /^(?:(?:deeply|gravely|especially|strongly|fully|also)\s+)?[a-z]+\b/i,
};

/** "Noting with deep concern" keeps its "with …" qualifier. */
const WITH_FEELING = /^with\s+(?:(?:deep|grave|great|profound|serious|particular|the\s+utmost|utmost|increasing|growing)\s+)?(?:concern|satisfaction|appreciation|regret|alarm|approval|interest|gratitude|anxiety|indignation|dismay)(?:\s+and\s+(?:concern|satisfaction|appreciation|regret|alarm|approval|interest|gratitude|anxiety|indignation|dismay))?\b/i;

function takeWords(text: string): { words: string[]; rest: string } {
  const words: string[] = [];
  // "And in particular taking note …": the connective goes, the lead gets its capital back.
  let rest = text.replace(/^And\s+(?:in\s+particular\s+)?([a-z])/, (_m, c: string) => c.toUpperCase());
  for (;;) {
    const m = /^([A-Za-z-]+)\s*/.exec(rest);
    if (!m || !ADVERB.test(m[1]!) || words.length >= 3) break;
    words.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return { words, rest };
}

function consume(rest: string, re: RegExp | undefined): { taken: string; rest: string } {
  const m = re?.exec(rest);
  return m ? { taken: m[0], rest: rest.slice(m[0].length).trimStart() } : { taken: '', rest };
}

/** Addressee named after an addressing verb, or null ("Urges that …", "Urges the convening of …"). */
function addresseeAfter(verb: string, rest: string): string | null {
  const r = rest.replace(/^(?:also|further|again|once again|urgently|strongly|earnestly)\s+/i, '');
  if (/^recommends$/.test(verb)) {
    const m = /^to\s+(.{3,120}?)\s*(?:,|\bthat\b)/.exec(r);
    return m ? normaliseAddressee(m[1]!) : null;
  }
  if (!ADDRESSING.test(verb) || /^that\b/i.test(r)) return null;
  const m = /^(.{2,160}?)(?:\s+to\s+(?=[a-z])|\s*[:,(])/.exec(r);
  if (!m) return null;
  const np = m[1]!.replace(/\s+(?:thereupon|accordingly|immediately|forthwith|urgently|also|further|again)$/i, '');
  if (np.split(/\s+/).length > 15 || /\b(?:that|which|whose)\b/.test(np)) return null;
  // A phrase cut at a comma must still lead to an infinitive ("Urges all Governments, pending …, to").
  const sentence = r.split(/[;.]/)[0] ?? r;
  if (!/[:]$/.test(r.slice(0, np.length + 2).trim()) && !/\bto\s+[a-z]/.test(sentence.slice(np.length))) return null;
  return normaliseAddressee(np);
}

/**
 * Reads the leading verb phrase of a UN paragraph (label already removed).
 * `loose` accepts any capitalised "-s" word as a verb: right for a paragraph
 * already known to be operative (it is numbered), too eager for deciding
 * where a paragraph starts.
 */
export function readUnLead(text: string, opts: { loose?: boolean } = {}): UnLead | null {
  const { words: adverbs, rest: afterAdverbs } = takeWords(text.trim().replace(/^[‘'"“]/, ''));
  const m = /^([A-Za-z][a-z-]*)\b\s*/.exec(afterAdverbs);
  if (!m) return null;
  const word = m[1]!;
  const lower = word.toLowerCase();
  let rest = afterAdverbs.slice(m[0].length);
  const head = (extra: string) => capitaliseFirst([...adverbs, word, extra].filter(Boolean).join(' ').replace(/\s+/g, ' ').toLowerCase());

  const isParticiple = lower.endsWith('ing') && lower.length > 5 && !NOT_PARTICIPLES.has(lower);
  if (isParticiple || PREAMBULAR_WORDS.has(lower) || (lower === 'in' && PREAMBULAR_PARTICLES.in!.test(rest))) {
    // "Beijing Declaration" is a name, not a participle: unknown participles must be followed by lower case.
    const trusted = KNOWN_PARTICIPLES.has(lower) || lower === 'whereas';
    if (!/^[A-Z]/.test(adverbs[0] ?? word) || (!trusted && rest !== '' && !/^[a-z(,]/.test(rest))) return null;
    const p = consume(rest, PREAMBULAR_PARTICLES[lower]);
    const f = consume(p.rest, /^(?:further|also|again)\b/i);
    const w = consume(f.rest, WITH_FEELING);
    return { kind: 'preambular', heading: head(`${p.taken} ${f.taken} ${w.taken}`.trim()), addressee: null, rest: w.rest };
  }
  const isVerb = (opts.loose || /^[A-Z]/.test(adverbs[0] ?? word)) && lower.endsWith('s') && !lower.endsWith('ss') && lower.length > 3 && !NOT_VERBS.has(lower);
  if (!isVerb || (!opts.loose && !OPERATIVE_VERBS.includes(lower) && !UN_VERBS.has(lower))) return null;
  // "Calls once again upon": the interposed adverb is dropped from the heading.
  const interposed = VERB_PARTICLES[lower] ? consume(rest, /^(?:once\s+(?:again|more)|again|also|further)\s+(?=(?:upon|on|to|for)\b)/i) : null;
  const particle = consume(interposed?.rest ?? rest, VERB_PARTICLES[lower]);
  rest = particle.rest;
  const trailing = consume(rest, /^(?:further|also|again)\b/i);
  const verbPhrase = `${lower} ${particle.taken}`.trim().toLowerCase().replace(/\s+/g, ' ');
  const heading = head(`${particle.taken} ${trailing.taken}`.trim());
  return { kind: 'operative', heading, addressee: addresseeAfter(verbPhrase, trailing.rest || rest), rest: trailing.rest };
}
