import { normaliseRevision, readEnactingFormula } from '../common/document-id.ts';
import { collapseWhitespace } from '../common/text.ts';

/**
 * The pieces every resolution-style citation is made of: a body named before
 * the keyword ("PP", "General Assembly"), a parenthesis after the number
 * ("(Rev. Dubai, 2018)", "(1964)", "(XXX)", "(C15, last amended C19)"), and
 * a body named after it ("of this conference", "of the Plenipotentiary
 * Conference"). Hand-written because no library knows these bodies' habits;
 * it is the part of the product that has to be right.
 */

export const UN_BODIES = new Set(['UNSC', 'UNGA', 'ECOSOC', 'HRC', 'TC']);

/** Body prefixes as printed; "Council" and "Assembly" depend on who is writing. */
export const PREFIX_SOURCE =
  'General\\s+Assembly|Security\\s+Council|Economic\\s+and\\s+Social\\s+Council|Trusteeship\\s+Council|Human\\s+Rights\\s+Council|' +
  'ITU\\s+Council|Council|Assembly|UNGA|UNSC|ECOSOC|PP|WTSA|WTDC|WRC|RA|TSAG|TDAG|RAG|WCIT|WTPF';

export function bodyFromPrefix(prefix: string, issuer: string): string {
  const p = collapseWhitespace(prefix).toLowerCase();
  const fixed: Record<string, string> = {
    'general assembly': 'UNGA', unga: 'UNGA', 'security council': 'UNSC', unsc: 'UNSC', ecosoc: 'ECOSOC',
    'economic and social council': 'ECOSOC', 'trusteeship council': 'TC', 'human rights council': 'HRC', 'itu council': 'Council',
  };
  if (fixed[p]) return fixed[p];
  const un = UN_BODIES.has(issuer);
  // In a UN text "the Council" is the Security Council and "the Assembly" the General Assembly.
  if (p === 'council') return un ? (issuer === 'UNGA' ? 'UNSC' : issuer === 'ECOSOC' ? 'ECOSOC' : 'UNSC') : 'Council';
  if (p === 'assembly') return un ? 'UNGA' : issuer;
  return prefix.toUpperCase();
}

/** "of this conference", "of the Plenipotentiary Conference", "adopted by the ITU Council", "of WTDC". */
export const TAIL =
  /^\s*,?\s*(?:of|adopted\s+by)\s+(?:the\s+)?(?:ITU\s+)?(this\s+(?:conference|assembly|council)|present\s+(?:conference|assembly)|(?:United\s+Nations\s+)?General\s+Assembly|Plenipotentiary\s+Conference|World\s+Telecommunication\s+Standardi[sz]ation\s+Assembly|World\s+Telecommunication\s+Development\s+Conference|World\s+Radiocommunication\s+Conference|Radiocommunication\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Council|WTSA|WTDC|WRC|RA|PP|UNGA|TSAG)\b/i;

export function bodyFromTail(phrase: string, issuer: string): string {
  const p = collapseWhitespace(phrase);
  if (/^(?:this|present)\s/i.test(p)) return issuer;
  const code = /^[A-Z]{2,5}$/.exec(p)?.[0];
  if (code) return code;
  return readEnactingFormula(p).body || issuer;
}

export interface ParenReading {
  revision?: string;
  year?: number;
  session?: string;
  problem?: string;
}

/** Regular sessions "XV", special "S-2"/"S-V" and emergency special "ES-IV" sessions of the General Assembly. */
const ROMAN = /^(?:[IVXL]{1,6}|E?S-(?:\d{1,2}|[IVXL]{1,5}))$/;

/**
 * Reads what a citation's parenthesis says. Returns null when it is not a
 * revision at all ("(strategic plan)"), so the caller leaves it out of the span.
 */
export function readParen(raw: string): ParenReading | null {
  const text = collapseWhitespace(raw);
  if (/^\d{4}$/.test(text)) return { revision: text, year: Number(text) };
  // OCR reads the session "(I)" as "(1)" or "(l)".
  if (/^[1l]$/.test(text)) return { session: 'I' };
  if (ROMAN.test(text)) return { session: text };
  if (!/\d/.test(text)) return null;
  const council = /^(C\d{2})\b/.exec(text);
  if (council) return { revision: text, session: council[1] };
  let problem: string | undefined;
  let body = text;
  // "(Rev. Dubai (2018)": an opening parenthesis where a comma belongs.
  if (/\(\s*\d{4}\s*$/.test(body)) {
    problem = `malformed revision "(${text})"`;
    body = body.replace(/\s*\(\s*(\d{4})\s*$/, ', $1');
  }
  const rev = normaliseRevision(body);
  return { revision: rev.revision, ...(rev.year !== null ? { year: rev.year } : {}), ...(problem ? { problem } : {}) };
}

export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
