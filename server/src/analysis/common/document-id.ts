import type { DocumentKind } from '@mandate/shared';
import { collapseWhitespace } from './text.ts';

/**
 * Identity of a document (body, kind, number, revision) as printed in
 * headers, AKN metadata and enacting formulas. Revisions are normalised
 * ("REV. DUBAI, 2018" → "Rev. Dubai, 2018") so that the same document
 * imported from XML and from text gets the same identity.
 */

const KINDS: Record<string, DocumentKind> = {
  resolution: 'resolution', res: 'resolution', decision: 'decision', dec: 'decision',
  recommendation: 'recommendation', rec: 'recommendation', opinion: 'opinion', op: 'opinion',
};

export function kindFromWord(word: string | undefined): DocumentKind | null {
  return word ? (KINDS[word.trim().toLowerCase()] ?? null) : null;
}

/** Small words that stay lower case inside place names ("Rio de Janeiro", "Sharm el-Sheikh"). */
const PLACE_PARTICLES = new Set(['de', 'del', 'da', 'do', 'di', 'la', 'le', 'el', 'al', 'es', 'of', 'and', 'sur', 'am']);

/** "NEW DELHI" → "New Delhi"; mixed-case input is trusted as printed. */
export function titleCasePlace(place: string): string {
  const p = collapseWhitespace(place);
  if (p !== p.toUpperCase()) return p;
  return p
    .toLowerCase()
    .split(' ')
    .map((word, i) =>
      word
        .split('-')
        .map((part, j) => ((i > 0 || j > 0) && PLACE_PARTICLES.has(part) ? part : part.charAt(0).toUpperCase() + part.slice(1)))
        .join('-'),
    )
    .join(' ');
}

export interface Revision {
  revision: string;
  place: string;
  year: number | null;
}

/** "REV. DUBAI, 2018" → { "Rev. Dubai, 2018", "Dubai", 2018 }; unknown shapes kept as printed. */
export function normaliseRevision(raw: string): Revision {
  const text = collapseWhitespace(raw).replace(/^\(|\)$/g, '').trim();
  const m = /^(rev(?:\.|ised)?\s+)?([^,;()]+?),?\s+(\d{4})$/i.exec(text);
  if (m) {
    const place = titleCasePlace(m[2]!);
    return { revision: `${m[1] ? 'Rev. ' : ''}${place}, ${m[3]}`, place, year: Number(m[3]) };
  }
  const years = text.match(/\b(1[89]\d\d|20\d\d)\b/g);
  return { revision: text, place: '', year: years ? Number(years[years.length - 1]) : null };
}

export interface NumberAndRevision extends Revision {
  number: string;
}

/** "2 (REV. DUBAI, 2018)" → number "2" + revision; "COM4/2" → number only. */
export function parseNumberAndRevision(raw: string): NumberAndRevision {
  const text = collapseWhitespace(raw);
  const m = /^([^\s(]+)\s*(?:\((.*)\))?/.exec(text);
  const number = (m?.[1] ?? text).replace(/[.,:]$/, '');
  const rev = m?.[2] ? normaliseRevision(m[2]) : { revision: '', place: '', year: null };
  return { number, ...rev };
}

/** "RESOLUTION 64 (Rev. Dubai, 2018)" → kind + number + revision, or null if the line is not such a header. */
export function parseDocumentHeader(line: string): (NumberAndRevision & { kind: DocumentKind }) | null {
  const m = /^\s*(resolution|decision|recommendation|opinion)\s+([A-Z]*[\d][\w/.-]*)\s*(\(.*\))?\s*$/i.exec(line);
  if (!m) return null;
  const kind = kindFromWord(m[1])!;
  return { kind, ...parseNumberAndRevision(`${m[2]} ${m[3] ?? ''}`) };
}

const FORMULA_BODIES: ReadonlyArray<[RegExp, string]> = [
  [/Security\s+Council/i, 'UNSC'],
  [/General\s+Assembly/i, 'UNGA'],
  [/Economic\s+and\s+Social\s+Council/i, 'ECOSOC'],
  [/Human\s+Rights\s+Council/i, 'HRC'],
  [/Plenipotentiary\s+Conference/i, 'PP'],
  [/Telecommunication\s+Standardi[sz]ation\s+Assembly/i, 'WTSA'],
  [/Telecommunication\s+Development\s+Conference/i, 'WTDC'],
  [/Radiocommunication\s+Conference/i, 'WRC'],
  [/Radiocommunication\s+Assembly/i, 'RA'],
  [/Conference\s+on\s+International\s+Telecommunications/i, 'WCIT'],
  [/Telecommunication\s+Standardi[sz]ation\s+Advisory\s+Group/i, 'TSAG'],
  [/Telecommunication\s+Development\s+Advisory\s+Group/i, 'TDAG'],
  [/Radiocommunication\s+Advisory\s+Group/i, 'RAG'],
  [/\bCouncil\b/i, 'Council'],
];

/** Body code, place and year from an enacting formula ("The World … Assembly (New Delhi, 2024),"). */
export function readEnactingFormula(formula: string): { body: string; place: string; year: number | null } {
  const body = FORMULA_BODIES.find(([re]) => re.test(formula))?.[1] ?? '';
  const m = /\(([^(),]+),\s*(\d{4})\)/.exec(formula);
  return { body, place: m ? titleCasePlace(m[1]!) : '', year: m ? Number(m[2]) : null };
}

const AUTHOR_CODES: Record<string, string> = {
  pp: 'PP', wtsa: 'WTSA', wtdc: 'WTDC', ra: 'RA', wrc: 'WRC', wcit: 'WCIT', council: 'Council', tsag: 'TSAG',
  tdag: 'TDAG', rag: 'RAG', unga: 'UNGA', ga: 'UNGA', unsc: 'UNSC', sc: 'UNSC', ecosoc: 'ECOSOC', hrc: 'HRC',
};

/** FRBRauthor "#itu-pp" → "PP"; the organisation alone ("#itu") names no body, so "". */
export function bodyFromAuthor(href: string | undefined): string {
  if (!href) return '';
  const code = href.replace(/^.*[#/]/, '').toLowerCase().replace(/^(itu|un)-/, '');
  if (code === '' || code === 'itu' || code === 'un' || code === 'converter') return '';
  return AUTHOR_CODES[code] ?? code.toUpperCase();
}
