import type { DocumentKind } from '@mandate/shared';
import {
  bodyFromAuthor,
  kindFromWord,
  normaliseRevision,
  parseDocumentHeader,
  parseNumberAndRevision,
  readEnactingFormula,
} from '../common/document-id.ts';
import { collapseWhitespace } from '../common/text.ts';
import type { ParsedDocument, ParseProblem } from '../types.ts';
import { child, elements, find, textOf, type XNode } from './xml.ts';

/**
 * Document identity from FRBR metadata and the printed preface. The preface
 * ("RESOLUTION 2 (REV. DUBAI, 2018)") is what readers see, so it wins when
 * both are present; FRBR fills the gaps.
 */

export type DocumentMeta = Omit<ParsedDocument, 'clauses' | 'problems'>;

const SKIP_BODY = new Set(['mainBody', 'body', 'attachments', 'components']);

function attr(node: XNode | undefined, name: string): string | undefined {
  return node?.attrs[name];
}

/** FRBRauthor of the work, or of the expression when the work has none. */
export function authorOf(doc: XNode): string | undefined {
  const meta = child(doc, 'meta');
  if (!meta) return undefined;
  const work = find(meta, 'FRBRWork');
  return attr(work && child(work, 'FRBRauthor'), 'href') ?? attr(find(meta, 'FRBRauthor'), 'href');
}

function prefaceTitle(preface: XNode | undefined): string {
  if (!preface) return '';
  const container = elements(preface, 'container').find((c) => c.attrs.name === 'title');
  if (container) return collapseWhitespace(textOf(container));
  const docTitle = find(preface, 'docTitle');
  return docTitle ? collapseWhitespace(textOf(docTitle)) : '';
}

export function readMetadata(doc: XNode, location: string, inheritedBody: string): { meta: DocumentMeta; problems: ParseProblem[] } {
  const problems: ParseProblem[] = [];
  const meta = child(doc, 'meta');
  const work = meta && find(meta, 'FRBRWork');
  const frbrNumber = work && child(work, 'FRBRnumber');
  const frbrDate = attr(work && child(work, 'FRBRdate'), 'date');
  const preface = child(doc, 'preface');
  const docType = preface && find(preface, 'docType');
  const docNumber = preface && find(preface, 'docNumber');
  const formulaNode = find(doc, 'formula', SKIP_BODY);
  const preamble = formulaNode ? collapseWhitespace(textOf(formulaNode)) : '';
  const formula = readEnactingFormula(preamble);

  const showAs = parseDocumentHeader(attr(frbrNumber, 'showAs') ?? '');
  const value = /^([a-z]+)-(.+)$/i.exec(attr(frbrNumber, 'value') ?? '');
  const kind: DocumentKind =
    kindFromWord(docType && textOf(docType)) ?? kindFromWord(doc.attrs.name) ?? showAs?.kind ?? kindFromWord(value?.[1]) ?? 'resolution';

  const printed = docNumber ? parseNumberAndRevision(textOf(docNumber)) : null;
  const number = printed?.number || showAs?.number || value?.[2] || '';
  let revision = printed?.revision || showAs?.revision || '';
  let place = printed?.place || showAs?.place || '';
  let year = printed?.year ?? showAs?.year ?? null;
  if (!revision && formula.place) {
    // No printed revision: the conference that adopted it is the best we know.
    ({ revision, place, year } = normaliseRevision(`${formula.place}, ${formula.year ?? ''}`));
  }
  if (year === null) year = formula.year ?? (frbrDate ? Number(frbrDate.slice(0, 4)) || null : null);
  if (!place) place = formula.place;

  const body = bodyFromAuthor(authorOf(doc)) || formula.body || inheritedBody;
  if (!number) problems.push({ location, message: 'document number not found in metadata or preface' });
  if (!body) problems.push({ location, message: 'issuing body not found in metadata or enacting formula' });

  return {
    meta: { body, kind, number, revision, year, place, title: prefaceTitle(preface), preamble },
    problems,
  };
}
