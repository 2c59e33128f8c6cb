import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { countWords, documentText, type TextSegment } from '../../analysis/streamline/index.ts';
import { textHash } from '../../analysis/streamline/incremental.ts';
import { analysedClauses, analysedDocuments, clausesOf } from './overlaps.repository.ts';

export interface LibraryText {
  id: number;
  /** documents.version when read. */
  version: number;
  text: string;
  hash: string;
  words: number;
  bodyStart: number;
  segments: TextSegment[];
}

/**
 * Every analysed document (in force or superseded) as the engine reads it, or
 * only those with the given ids. Documents are read before their clauses: if
 * one changes in between, its stored version is the older one, so the next
 * staleness check compares its text hash and finds it up to date.
 */
export async function loadLibraryTexts(db: Kysely<Database>, ids?: number[]): Promise<LibraryText[]> {
  const docs = await analysedDocuments(db, ids);
  const clauses = await analysedClauses(db, ids);
  const byDoc = new Map<number, typeof clauses>();
  for (const c of clauses) (byDoc.get(c.document_id) ?? byDoc.set(c.document_id, []).get(c.document_id)!).push(c);
  return docs.map((d) => toLibraryText(d, byDoc.get(d.id) ?? []));
}

/** One document's text, rebuilt from its stored clauses exactly as a run built it (whatever its status). */
export async function loadDocumentText(db: Kysely<Database>, doc: { id: number; preamble: string; version: number }): Promise<LibraryText> {
  return toLibraryText(doc, await clausesOf(db, doc.id));
}

function toLibraryText(d: { id: number; preamble: string; version: number }, clauses: { id: number; heading: string; num: string; text: string }[]): LibraryText {
  const { text, bodyStart, segments } = documentText({ preamble: d.preamble, clauses });
  return { id: d.id, version: d.version, text, hash: textHash(text), words: countWords(text), bodyStart, segments };
}
