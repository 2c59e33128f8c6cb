import path from 'node:path';
import type { ReferenceStatus } from '@mandate/shared';
import { parseAkn } from '../analysis/akn/parse-akn.ts';
import { clauseReferences } from '../analysis/references/clause-references.ts';
import type { ParsedReference } from '../analysis/references/types.ts';
import { decodeTextFile, extractText, type TextSource } from '../analysis/extract/extract-text.ts';
import { parseResolutionText } from '../analysis/text/parse-text.ts';
import { ParseError, type ParsedDocument } from '../analysis/types.ts';
import { documentLabel } from '../modules/library/document-label.ts';
import type { ResolvedTarget, Resolver } from '../modules/references/library-resolver.ts';
import { CliError } from './cli-support.ts';
import { readBytes } from './parse.command.ts';

export interface FileReference extends ResolvedTarget {
  text: string;
  start: number;
  end: number;
  /** The clause the citation stands in, when it stands in one (a title or footnote is in none). */
  clausePath: string | null;
  problem: string | null;
}

export interface FileDocument {
  label: string;
  /** "text": offsets into the file's text (as `mandate parse` gives them); "clause": into the clause's text (Akoma Ntoso, which has no one text). */
  offsets: 'text' | 'clause';
  references: FileReference[];
}

/** A citation with where it stands, before resolution. */
type Found = { ref: ParsedReference; clausePath: string | null };

/** Text formats: every citation of the text, as `mandate parse` lists them, placed in the clause whose span holds it. */
function textCitations(doc: ParsedDocument): Found[] {
  return (doc.references ?? []).map((ref) => {
    const clause = doc.clauses.find((c) => c.start !== undefined && c.end !== undefined && ref.start >= c.start && ref.start < c.end);
    return { ref, clausePath: clause?.path ?? null };
  });
}

function aknCitations(doc: ParsedDocument): Found[] {
  return clauseReferences(doc, doc.clauses).flatMap(({ clause, refs }) => refs.map((ref) => ({ ref, clausePath: clause.path })));
}

/**
 * Reads one file the way `mandate parse` does (.txt, .docx, .pdf, Akoma
 * Ntoso .xml) and resolves its citations against the library: a draft can be
 * checked for outdated citations before it is imported.
 */
export async function checkFile(file: string, resolver: Resolver): Promise<{ file: string; textSource: TextSource; documents: FileDocument[] }> {
  const bytes = readBytes(file);
  const name = path.basename(file);
  let docs: { doc: ParsedDocument; found: Found[]; offsets: FileDocument['offsets'] }[];
  let textSource: TextSource = 'file';
  try {
    if (/\.(?:xml|akn)$/i.test(name)) {
      docs = parseAkn(decodeTextFile(bytes)).documents.map((doc) => ({ doc, found: aknCitations(doc), offsets: 'clause' as const }));
    } else {
      const { text, source } = await extractText(bytes, name);
      textSource = source;
      const doc = parseResolutionText(text, { fileName: name });
      docs = [{ doc, found: textCitations(doc), offsets: 'text' }];
    }
  } catch (err) {
    if (err instanceof ParseError) throw new CliError(`${name}: ${err.location}: ${err.message}`);
    throw err;
  }
  const documents = docs.map(({ doc, found, offsets }) => ({
    label: documentLabel(doc),
    offsets,
    references: found
      .map(({ ref, clausePath }) => ({ ref, clausePath, r: resolver.resolve(ref.target, doc.body) }))
      .filter(({ r }) => !resolver.ownLineage(r, doc))
      .map(({ ref, clausePath, r }) => ({ text: ref.text, start: ref.start, end: ref.end, clausePath, ...r, problem: ref.problem ?? null })),
  }));
  return { file: name, textSource, documents };
}

export const countByStatus = (refs: { status: ReferenceStatus }[]): Record<ReferenceStatus, number> => {
  const counts: Record<ReferenceStatus, number> = { resolved: 0, outdated: 0, unknown: 0, ambiguous: 0 };
  for (const r of refs) counts[r.status] += 1;
  return counts;
};
