import { extractReferences } from './extract-references.ts';
import type { ParsedReference, ReferenceTarget } from './types.ts';

/** The identity of the document the clauses belong to, and the clauses' own text. */
export interface CitingDocument {
  body: string;
  kind: string;
  number: string;
  revision: string;
  year: number | null;
}

/**
 * The citations in each clause's text, offsets relative to that text (not
 * to the source file: AKN has no source text, and stored clauses are what the
 * library shows). A document never cites itself: its own number in its text
 * is its name, not a reference.
 */
export function clauseReferences<C extends { text: string }>(doc: CitingDocument, clauses: readonly C[]): { clause: C; refs: ParsedReference[] }[] {
  return clauses.map((clause) => ({
    clause,
    refs: extractReferences(clause.text, { issuer: doc.body }).filter((r) => !isSelf(r.target, doc)),
  }));
}

export function isSelf(t: ReferenceTarget, doc: CitingDocument): boolean {
  return (t.body || doc.body) === doc.body && t.kind === doc.kind && t.number === doc.number && (t.revision === doc.revision || (t.year !== undefined && t.year === doc.year));
}
