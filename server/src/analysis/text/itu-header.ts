import type { DocumentKind } from '@mandate/shared';
import { kindFromWord, parseDocumentHeader, readEnactingFormula } from '../common/document-id.ts';
import { readHeading } from '../common/headings.ts';
import { collapseWhitespace } from '../common/text.ts';
import type { ParseProblem } from '../types.ts';
import { lineLocation, type Line } from './lines.ts';

/**
 * The front of an ITU-layout text: "RESOLUTION 64 (Rev. Dubai, 2018)", the
 * title, an optional history line "(Montreal, 2000; …)", and the enacting
 * formula "The … Assembly (New Delhi, 2024),". Returns where the body starts.
 */

export interface ItuFront {
  body: string;
  kind: DocumentKind;
  number: string;
  revision: string;
  year: number | null;
  place: string;
  title: string;
  preamble: string;
  /** Index of the first body line (after the enacting formula). */
  bodyStart: number;
}

/** "wtsa24-res-064.txt" → hints when the text itself has no header. */
function fileHints(fileName: string | undefined): { kind?: DocumentKind; number?: string; body?: string } {
  if (!fileName) return {};
  const m = /(res|dec|rec|resolution|decision|recommendation)[-_ ]?0*(\d+)/i.exec(fileName);
  const b = /^(wtsa|wtdc|pp|ra|wrc|council|tsag)/i.exec(fileName);
  const body = b ? ({ council: 'Council', tsag: 'TSAG' } as Record<string, string>)[b[1]!.toLowerCase()] ?? b[1]!.toUpperCase() : undefined;
  return { kind: kindFromWord(m?.[1]) ?? undefined, number: m?.[2], body };
}

/** The first words of an enacting formula name an assembly, conference or council. */
const FORMULA_START = /^The\s+(?:ITU\s+|World\s+|Plenipotentiary\b|Council\b|Radiocommunication\b|Telecommunication\b|Regional\b|General\s+Assembly|Security\s+Council)/;

/** Lines from `from` up to the one ending the formula (at most four): a wrapped formula. */
function formulaAt(lines: readonly Line[], from: number): { text: string; last: number } | null {
  if (!FORMULA_START.test(lines[from]!.text)) return null;
  const parts: string[] = [];
  for (let j = from; j < Math.min(lines.length, from + 4) && lines[j]!.text !== ''; j++) {
    parts.push(lines[j]!.text);
    // It ends with a comma, or (when the comma is missing) with the "(Dubai, 2018)" it always carries;
    // a comma inside that parenthesis ("(Dubai,⏎2018),") does not end it.
    const joined = parts.join(' ');
    const open = (joined.match(/\(/g) ?? []).length > (joined.match(/\)/g) ?? []).length;
    if (/[,)]$/.test(lines[j]!.text) && !open) {
      const text = collapseWhitespace(parts.join(' '));
      return readEnactingFormula(text).body ? { text, last: j } : null;
    }
  }
  return null;
}

export function readItuFront(lines: readonly Line[], fileName: string | undefined, problems: ParseProblem[]): ItuFront {
  const hints = fileHints(fileName);
  let i = lines.findIndex((l) => l.text !== '');
  const header = i >= 0 ? parseDocumentHeader(lines[i]!.text) : null;
  if (header) i++;
  else problems.push({ location: i >= 0 ? lineLocation(lines[i]!) : 'line 1', message: 'no "RESOLUTION n (…)" header line' });

  // Front matter, with or without blank lines: title, history "(Montreal, 2000; …)", formula.
  const titleParts: string[] = [];
  let preamble = '';
  let bodyStart = Math.max(i, 0);
  let inHistory = false;
  for (let j = Math.max(i, 0); j < lines.length; j++) {
    const t = lines[j]!.text;
    bodyStart = j;
    if (t === '') continue;
    // The history "(Montreal, 2000; …)" is a paragraph of its own; "(multilingual) …" may continue a title.
    const history = t.startsWith('(') && titleParts.length > 0 && /[A-Z][^,;()]*,\s*(?:1[89]|20)\d\d\b/.test(t);
    if (inHistory || history) {
      inHistory = !t.endsWith(')') && lines[j + 1]?.text !== '';
      continue;
    }
    const formula = formulaAt(lines, j);
    if (formula) {
      preamble = formula.text;
      bodyStart = formula.last + 1;
      break;
    }
    // Reaching a heading or an item first means the text has no formula.
    if (readHeading(t, { strict: true }) || /^\(?[a-z0-9]{1,3}\)\s/.test(t)) break;
    if (titleParts.length < 4) titleParts.push(t);
    bodyStart = j + 1;
  }
  if (!preamble) problems.push({ location: 'line 1', message: 'no enacting formula ("The … Conference (…),") found' });
  const formula = readEnactingFormula(preamble);
  const revision = header?.revision ?? '';
  return {
    body: formula.body || hints.body || '',
    kind: header?.kind ?? hints.kind ?? 'resolution',
    number: header?.number ?? hints.number ?? '',
    revision,
    year: header?.year ?? formula.year,
    place: header?.place || formula.place,
    title: collapseWhitespace(titleParts.join(' ')),
    preamble,
    bodyStart,
  };
}
