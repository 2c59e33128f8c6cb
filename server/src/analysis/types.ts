import type { ClauseKind, DocumentKind } from '@mandate/shared';
import type { ParsedReference } from './references/types.ts';

/**
 * What every parser (Akoma Ntoso, plain text, later DOCX/PDF) produces: the
 * contract between pure analysis code and the import pipeline.
 */
export interface ParsedClause {
  kind: ClauseKind;
  /** Normalised heading verb phrase: "considering", "resolves", "instructs the Director of the Telecommunication Standardization Bureau", "Requests". */
  heading: string;
  /** Normalised addressee of an operative clause ("TSB Director", "Member States", "Secretary-General"); null when the heading names nobody (resolves, decides). */
  addressee: string | null;
  /** The clause's own number or letter as printed ("3", "b)", ""), without punctuation: "3", "b". */
  num: string;
  /** Stable, unique within the document: heading slug + number path, e.g. "resolves/2/a", "considering/b". */
  path: string;
  text: string;
  /** Offsets into the parsed source text (JavaScript string indices), when the source is text. */
  start?: number;
  end?: number;
}

export interface ParseProblem {
  /** Element path ("akomaNtoso/documentCollection/…/recital[3]") or "line N". */
  location: string;
  message: string;
}

export interface ParsedDocument {
  /** Issuing body code: "PP", "WTSA", "WTDC", "RA", "Council", "UNSC", "UNGA"… */
  body: string;
  kind: DocumentKind;
  /** "64", "1372", "COM4/2"… as printed, without revision. */
  number: string;
  /** "Rev. Dubai, 2018", "Dubai, 2018", "1964" (UN year), or "". */
  revision: string;
  year: number | null;
  place: string;
  title: string;
  /** The enacting formula, e.g. "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),". */
  preamble: string;
  clauses: ParsedClause[];
  problems: ParseProblem[];
  /** Citations found in the text, offsets into the parsed text (text parsers only). */
  references?: ParsedReference[];
}

/** A fault that makes a whole file unusable. The importer reports it and leaves the database untouched. */
export class ParseError extends Error {
  constructor(
    readonly location: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}
