import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { ClauseDiff, RevisionDiff, WordSegment } from '@mandate/shared';
import { parseAkn } from '../analysis/akn/parse-akn.ts';
import { MAX_BINARY_BYTES, decodeTextFile, extractText } from '../analysis/extract/extract-text.ts';
import { diffRevisions } from '../analysis/lineage/diff-revisions.ts';
import { parseResolutionText } from '../analysis/text/parse-text.ts';
import { ParseError, type ParsedDocument } from '../analysis/types.ts';
import { documentLabel } from '../modules/library/document-label.ts';
import { CliError, printJson } from './cli-support.ts';

/**
 * `mandate diff OLD NEW [--json]`: what changed from one revision of a
 * resolution to another, clause by clause and word by word, read from two
 * files in any format `mandate parse` reads; no database. The JSON has the
 * API's `summary` and `clauses` (GET /api/documents/:id/diff).
 */

interface Side {
  file: string;
  doc: ParsedDocument;
}

async function readDocument(file: string, number: string | undefined): Promise<Side> {
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new CliError(`${file}: is a directory`, 2);
    // Checked before reading, so a huge file is refused without loading it.
    if (st.size > MAX_BINARY_BYTES) throw new CliError(`${file}: the file is ${(st.size / 1048576).toFixed(0)} MB; the limit is ${MAX_BINARY_BYTES / 1048576} MB`);
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 2);
  }
  try {
    if (!/\.(?:xml|akn)$/i.test(name)) return { file, doc: parseResolutionText((await extractText(bytes, name)).text, { fileName: name }) };
    const { documents } = parseAkn(decodeTextFile(bytes));
    // An Akoma Ntoso collection (the PP-18 Final Acts) holds many documents: --number picks one.
    const picked = number === undefined ? documents : documents.filter((d) => d.number === number);
    if (picked.length === 1) return { file, doc: picked[0]! };
    if (picked.length === 0) throw new CliError(`${name}: ${number === undefined ? 'no document found' : `no document numbered ${number}`}`);
    throw new CliError(`${name}: holds ${picked.length} documents (${picked.slice(0, 5).map((d) => d.number).join(', ')}…); pick one with --number`);
  } catch (err) {
    if (err instanceof ParseError) throw new CliError(`${name}: ${err.location}: ${err.message}`);
    throw err;
  }
}

const identity = (s: Side) => ({ file: s.file, label: documentLabel(s.doc), body: s.doc.body, kind: s.doc.kind, number: s.doc.number, revision: s.doc.revision, year: s.doc.year, title: s.doc.title });

/** "[-old words-]{+new words+}", the notation of `git diff --word-diff`: readable without colour. */
export function markWords(words: readonly WordSegment[]): string {
  return words.map((w) => (w.op === 'equal' ? w.text : w.op === 'insert' ? `{+${w.text}+}` : `[-${w.text}-]`)).join('');
}

function describe(c: ClauseDiff): string[] {
  const where = c.op === 'added' ? c.new!.path : c.op === 'removed' || c.old!.path === c.new!.path ? c.old!.path : `${c.old!.path} → ${c.new!.path}`;
  const head = `${c.op.padEnd(9)} ${where}${c.op === 'changed' || c.words ? `  (similarity ${c.similarity.toFixed(2)})` : ''}`;
  const body = c.words ? markWords(c.words) : (c.new ?? c.old)!.text;
  return [head, `          ${body}`];
}

function printHuman(older: Side, newer: Side, diff: RevisionDiff, all: boolean): void {
  const s = diff.summary;
  console.log(`${documentLabel(older.doc)} → ${documentLabel(newer.doc)}`);
  console.log(`unchanged ${s.unchanged} · changed ${s.changed} · added ${s.added} · removed ${s.removed} · moved ${s.moved}`);
  for (const c of diff.clauses) {
    if (c.op === 'unchanged' && !all) continue;
    console.log('');
    for (const line of describe(c)) console.log(line);
  }
}

export function diffCommand() {
  return new Command('diff')
    .description('Compare two revisions of a resolution (.txt, .docx, .pdf, Akoma Ntoso .xml): clauses unchanged, changed (word by word), added, removed, moved; no database')
    .argument('<old>', 'the older revision')
    .argument('<new>', 'the newer revision')
    .option('--json', 'print JSON: {older, newer, sameLineage, summary, clauses}')
    .option('--all', 'also list unchanged clauses (text output)')
    .option('--number <number>', 'in an Akoma Ntoso collection, the document with this number')
    .action(async (oldFile: string, newFile: string, opts: { json?: boolean; all?: boolean; number?: string }) => {
      const older = await readDocument(oldFile, opts.number);
      const newer = await readDocument(newFile, opts.number);
      const diff = diffRevisions(older.doc.clauses, newer.doc.clauses);
      if (!opts.json) return printHuman(older, newer, diff, opts.all ?? false);
      const sameLineage = older.doc.body === newer.doc.body && older.doc.kind === newer.doc.kind && older.doc.number === newer.doc.number;
      printJson({ older: identity(older), newer: identity(newer), sameLineage, ...diff });
    });
}
