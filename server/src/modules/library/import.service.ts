import type { ImportProblem, ImportSummary } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { assertCan } from '../auth/policy.ts';
import { parseAkn } from '../../analysis/akn/parse-akn.ts';
import { parseResolutionText } from '../../analysis/text/parse-text.ts';
import { ParseError, type ParsedDocument, type ParseProblem } from '../../analysis/types.ts';
import { extractText } from '../../analysis/extract/extract-text.ts';
import { checkSize, cleanFileName, decodeText, detectFormat, extensionOf, type SourceFormat } from './source-file.ts';
import { persistDocument } from './persist-document.ts';

export interface ImportFile {
  name: string;
  content: Uint8Array;
}

export function emptySummary(): ImportSummary {
  return { files: 0, documents: 0, created: 0, updated: 0, clauses: 0, suggestedActions: 0, problems: [], failed: [] };
}

/**
 * Imports document files one by one, each in its own transaction: a file that
 * fails is rolled back whole and listed in `failed`; the others still land.
 */
export async function importDocuments(ctx: AppContext, files: ImportFile[], onFile?: (name: string) => void): Promise<ImportSummary> {
  assertCan(ctx, 'edit');
  const summary = emptySummary();
  for (const file of files) {
    summary.files += 1;
    const name = cleanFileName(file.name);
    try {
      const { documents, problems, format } = await parseFile(file, name);
      summary.problems.push(...problems.map((p) => locate(name, p)));
      await ctx.db.kysely.transaction().execute(async (trx) => {
        for (const doc of documents) {
          const r = await persistDocument(trx, ctx, doc, { format, name });
          summary.documents += 1;
          summary.clauses += r.clauses;
          summary.suggestedActions += r.suggestions;
          if (r.created) summary.created += 1;
          else summary.updated += 1;
        }
      });
    } catch (err) {
      summary.failed.push(toProblem(name, err));
    }
    onFile?.(name);
  }
  return summary;
}

/** Identity fields are indexed: PostgreSQL refuses index entries above ~2.7 KB, so a crafted file failed as an "internal error" there (and only there). */
const MAX_IDENTITY = 200;
const MAX_CLAUSE_PATH = 500;

function refuseUnstorable(doc: ParsedDocument): void {
  for (const k of ['body', 'number', 'revision'] as const) {
    if (doc[k].length > MAX_IDENTITY) throw new ParseError(k, `the document's ${k} is ${doc[k].length} characters long; at most ${MAX_IDENTITY} are accepted`);
  }
  const long = doc.clauses.find((c) => c.path.length > MAX_CLAUSE_PATH);
  if (long) throw new ParseError(long.path.slice(0, 60), `a clause number path is longer than ${MAX_CLAUSE_PATH} characters`);
}

async function parseFile(file: ImportFile, name: string): Promise<{ documents: ParsedDocument[]; problems: ParseProblem[]; format: SourceFormat }> {
  const ext = extensionOf(name);
  if (ext === 'docx' || ext === 'pdf' || ext === 'doc') {
    // Word and PDF files are read to text, then parsed by the same text parser as .txt,
    // so a resolution gives the same clauses whichever format it came in.
    checkSize(file.content.byteLength);
    const { text } = await extractText(file.content, name);
    return parseText(text, name, ext === 'pdf' ? 'pdf' : 'docx');
  }
  const text = decodeText(file.content);
  const format = detectFormat(name, text);
  if (format === 'akn') {
    const { documents, problems } = parseAkn(text);
    documents.forEach(refuseUnstorable);
    return { documents, format, problems: [...problems, ...documents.flatMap((d) => d.problems)] };
  }
  return parseText(text, name, format);
}

function parseText(text: string, name: string, format: SourceFormat) {
  const doc = parseResolutionText(text, { fileName: name });
  refuseUnstorable(doc);
  return { documents: [doc], format, problems: doc.problems };
}

function locate(file: string, p: ParseProblem): ImportProblem {
  return { file, location: p.location, message: p.message };
}

function toProblem(file: string, err: unknown): ImportProblem {
  if (err instanceof ParseError) return { file, location: err.location, message: err.message };
  // Anything else is our fault (or the database's); say so without leaking internals.
  const message = err instanceof Error && /constraint|unique/i.test(err.message) ? 'the document conflicts with one already stored' : 'internal error while importing this file';
  return { file, location: 'file', message };
}
