import path from 'node:path';
import type { ImportProblem, ImportSummary } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { assertCan } from '../auth/policy.ts';
import { parseAkn } from '../../analysis/akn/parse-akn.ts';
import { parseResolutionText } from '../../analysis/text/parse-text.ts';
import { ParseError, type ParsedDocument, type ParseProblem } from '../../analysis/types.ts';
import { decodeText, detectFormat, type SourceFormat } from './source-file.ts';
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
    const name = path.basename(file.name);
    try {
      const { documents, problems, format } = parseFile(file);
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

function parseFile(file: ImportFile): { documents: ParsedDocument[]; problems: ParseProblem[]; format: SourceFormat } {
  const text = decodeText(file.content);
  const format = detectFormat(file.name, text);
  if (format === 'akn') {
    const { documents, problems } = parseAkn(text);
    return { documents, format, problems: [...problems, ...documents.flatMap((d) => d.problems)] };
  }
  const doc = parseResolutionText(text, { fileName: path.basename(file.name) });
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
