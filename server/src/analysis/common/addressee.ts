import { capitaliseFirst, collapseWhitespace } from './text.ts';
import { readHeading } from './headings.ts';

/**
 * Addressees are what the action plan groups by ("who must act"), so the many
 * spellings of one unit must collapse to one short name.
 */

const BUREAUX: ReadonlyArray<[RegExp, string]> = [
  [/telecommunication\s+standardi[sz]ation\s+bureau|\btsb\b/i, 'TSB'],
  [/radiocommunication\s+bureau|\bbr\b/i, 'BR'],
  [/telecommunication\s+development\s+bureau|\bbdt\b/i, 'BDT'],
];

/** Whole-phrase rules, tried after "the" and trailing modifiers are gone. */
const RULES: ReadonlyArray<[RegExp, string | ((m: RegExpExecArray) => string)]> = [
  [/^(?:ITU\s+|UN\s+)?Secretary-General(?:\s+of\s+(?:the\s+)?(?:ITU|United\s+Nations|Union))?$/i, 'Secretary-General'],
  [/^(?:Directors?\s+of\s+)?(?:the\s+)?(?:three|other\s+two|two\s+other)?\s*Bureaux$/i, 'Directors of the three Bureaux'],
  [/^(?:relevant\s+)?(?:ITU-[RTD]\s+)?Study\s+Group\s+(\d+)$/i, (m) => `SG${m[1]}`],
  [/^(?:ITU\s+)?Council$/i, 'Council'],
  [/^(?:ITU\s+)?Member\s+States$/i, 'Member States'],
  [/^(?:ITU\s+)?Sector\s+Members$/i, 'Sector Members'],
  [/^Telecommunication\s+Standardi[sz]ation\s+Advisory\s+Group$/i, 'TSAG'],
  [/^Radiocommunication\s+Advisory\s+Group$/i, 'RAG'],
  [/^Telecommunication\s+Development\s+Advisory\s+Group$/i, 'TDAG'],
  [/^(?:UN\s+|United\s+Nations\s+)?General\s+Assembly(?:\s+of\s+the\s+United\s+Nations)?$/i, 'General Assembly'],
];

/** After a comma, these open a modifier ("…, in close cooperation with …"), not another addressee. */
const MODIFIER_AFTER_COMMA =
  /,\s+(?=(?:in|with|within|through|taking|as|on|after|before|when|where|while|subject|according|under|based|bearing|having|if|to|for|from|via|together|including|inter|pursuant|notably|particularly|drawing|building|using|by|at)\b)/i;

function stripArticle(s: string): string {
  return s.replace(/^(?:the|its)\s+/i, '');
}

/** "Director(s) of the X Bureau and the Y Bureau" → "TSB Director and BR Director". */
function directorsOf(phrase: string): string | null {
  const m = /^Directors?\s+of\s+(.+)$/i.exec(phrase);
  if (!m) return null;
  let rest = m[1]!;
  const found: Array<{ at: number; code: string }> = [];
  for (const [re, code] of BUREAUX) {
    const hit = re.exec(rest);
    if (hit) found.push({ at: hit.index, code });
  }
  if (found.length === 0) return null;
  for (const [re] of BUREAUX) rest = rest.replace(new RegExp(re.source, 'gi'), '');
  // Anything left besides glue words means the phrase says more than the bureaux: keep it whole.
  if (!/^[\s,]*(?:(?:the|and|of|director|directors|,)\s*)*$/i.test(rest)) return null;
  return found
    .sort((a, b) => a.at - b.at)
    .map((f) => `${f.code} Director`)
    .join(' and ');
}

function mapOne(phrase: string): string | null {
  const p = stripArticle(collapseWhitespace(phrase));
  const d = directorsOf(p);
  if (d) return d;
  for (const [re, out] of RULES) {
    const m = re.exec(p);
    if (m) return typeof out === 'string' ? out : out(m);
  }
  return null;
}

/**
 * Normalises an addressee phrase ("the Director of the Telecommunication
 * Standardization Bureau, in consultation with …" → "TSB Director"). Unknown
 * phrases come back trimmed with a capital first letter.
 */
export function normaliseAddressee(phrase: string): string | null {
  let p = collapseWhitespace(phrase).replace(/[\s,;:.]+$/, '');
  const cut = MODIFIER_AFTER_COMMA.exec(p);
  if (cut) p = p.slice(0, cut.index);
  p = stripArticle(p.trim());
  if (p === '') return null;
  const whole = mapOne(p);
  if (whole) return whole;
  // "the Secretary-General and the Directors of the three Bureaux": map each part when all are known.
  const parts = p.split(/\s*,\s*(?:and\s+)?|\s+and\s+/i).filter(Boolean);
  if (parts.length > 1) {
    const mapped = parts.map(mapOne);
    if (mapped.every((x): x is string => x !== null)) return [...new Set(mapped)].join(' and ');
  }
  return capitaliseFirst(p);
}

/** Headings that decide rather than ask someone to act. */
const NO_ADDRESSEE_VERBS = /^(?:further\s+)?(?:resolves|decides)(?:\s+(?:further|also))?$/i;

/** The addressee named by an ITU heading ("invites Member States" → "Member States"); null for resolves/decides. */
export function addresseeOfHeading(heading: string): string | null {
  const info = readHeading(heading);
  if (!info || info.kind !== 'operative') return null;
  if (NO_ADDRESSEE_VERBS.test(info.verb) || info.rest === '') return null;
  return normaliseAddressee(info.rest);
}
