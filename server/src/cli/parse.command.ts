import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { parseAkn } from '../analysis/akn/parse-akn.ts';
import { MAX_BINARY_BYTES, decodeTextFile, extractText, type TextSource } from '../analysis/extract/extract-text.ts';
import { parseResolutionText } from '../analysis/text/parse-text.ts';
import { ParseError, type ParsedDocument } from '../analysis/types.ts';
import { CliError, printJson } from './cli-support.ts';

/**
 * `mandate parse FILE [--json]`: structure and references of one file, with
 * no database. Offsets are JavaScript string indices into the text that was
 * parsed: the file decoded as UTF-8 for .txt (a BOM counts as one), the
 * extracted text for DOCX and PDF (`textSource` says which).
 */

function view(doc: ParsedDocument, textSource: TextSource) {
  return {
    textSource,
    title: doc.title,
    body: doc.body,
    kind: doc.kind,
    number: doc.number,
    revision: doc.revision,
    year: doc.year,
    clauses: doc.clauses.map((c) => ({ kind: c.kind, heading: c.heading, addressee: c.addressee, num: c.num, path: c.path, text: c.text, start: c.start, end: c.end })),
    references: doc.references ?? [],
    problems: doc.problems,
  };
}

export function readBytes(file: string): Uint8Array {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new CliError(`${file}: is a directory`, 2);
    size = st.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 2);
  }
  // Checked before reading, so a huge file is refused without loading it.
  if (size > MAX_BINARY_BYTES) throw new CliError(`${file}: file: the file is ${(size / 1048576).toFixed(0)} MB; the limit is ${MAX_BINARY_BYTES / 1048576} MB`);
  return new Uint8Array(fs.readFileSync(file));
}

function printHuman(doc: ReturnType<typeof view>): void {
  console.log(`${doc.body} ${doc.kind} ${doc.number}${doc.revision ? ` (${doc.revision})` : ''} — ${doc.title || '(no title)'}`);
  for (const c of doc.clauses) console.log(`  ${c.kind === 'operative' ? 'op ' : 'pre'} ${c.path.padEnd(40)} ${c.text.slice(0, 60)}`);
  console.log(`references: ${doc.references.map((r) => r.text.replace(/\s+/g, ' ')).join('; ') || 'none'}`);
  for (const p of doc.problems) console.log(`problem: ${p.location}: ${p.message}`);
}

export function parseCommand() {
  return new Command('parse')
    .description('Parse one resolution file (.txt, .docx, .pdf, Akoma Ntoso .xml) and print its structure and references; no database')
    .argument('<file>', 'file to parse')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const bytes = readBytes(file);
      const name = path.basename(file);
      try {
        if (/\.(?:xml|akn)$/i.test(name)) {
          const { documents, problems } = parseAkn(decodeTextFile(bytes));
          if (opts.json) return printJson({ documents: documents.map((d) => view(d, 'file')), problems });
          return documents.forEach((d) => printHuman(view(d, 'file')));
        }
        const { text, source } = await extractText(bytes, name);
        const doc = view(parseResolutionText(text, { fileName: name }), source);
        if (opts.json) printJson(doc);
        else printHuman(doc);
      } catch (err) {
        if (err instanceof ParseError) throw new CliError(`${name}: ${err.location}: ${err.message}`);
        throw err;
      }
    });
}
