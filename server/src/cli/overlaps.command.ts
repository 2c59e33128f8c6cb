import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { MAX_TEXT_BYTES, decodeTextFile } from '../analysis/extract/extract-text.ts';
import { findOverlapsParallel, OverlapInputError, type OverlapDocument, type OverlapResult } from '../analysis/overlap/index.ts';
import { resolveParams } from '../analysis/overlap/options.ts';
import { MAX_TOTAL_CHARS } from '../analysis/overlap/pipeline.ts';
import { ParseError } from '../analysis/types.ts';
import { CliError, printJson } from './cli-support.ts';

/**
 * `mandate overlaps --input DIR [--json] [--min-words N]`: shared passages
 * between every .txt file of a folder, with no database. A document's id is
 * its file name without the extension; offsets are JavaScript string indices
 * into the file decoded as UTF-8 (a BOM counts as one).
 */

interface Opts {
  input: string;
  json?: boolean;
  minWords?: number;
  threshold?: number;
  workers?: number;
  skipBad?: boolean;
}

const wholeNumber = (name: string) => (v: string) => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`${name} must be a whole number`);
  return n;
};
const share = (v: string) => {
  const n = Number(v);
  if (v.trim() === '' || !(n >= 0 && n <= 1)) throw new InvalidArgumentError('must be a number from 0 to 1');
  return n;
};

function listTexts(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    if (!fs.statSync(dir).isDirectory()) throw new CliError(`${dir}: is not a folder`, 2);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${dir}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 2);
  }
  const files = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.txt$/i.test(e.name)).map((e) => e.name);
  if (files.length === 0) throw new CliError(`${dir}: no .txt files in this folder`);
  return files.sort();
}

/** Reads and decodes every file, checking sizes before reading: a file over 50 MB or a corpus over the engine's limit is refused unread. */
function readTexts(dir: string, files: string[], opts: Opts, bar: cliProgress.SingleBar | null): OverlapDocument[] {
  const docs: OverlapDocument[] = [];
  const bad: string[] = [];
  let total = 0;
  bar?.start(files.length, 0, { phase: 'reading' });
  for (const [i, name] of files.entries()) {
    const file = path.join(dir, name);
    let problem: string | undefined;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) problem = 'is not a file';
      else if (st.size > MAX_TEXT_BYTES) problem = `the file is ${(st.size / 1048576).toFixed(0)} MB; text files above ${MAX_TEXT_BYTES / 1048576} MB are refused`;
      else {
        total += st.size;
        if (total > MAX_TOTAL_CHARS) throw new CliError(`${dir}: the .txt files hold more than ${MAX_TOTAL_CHARS / 1e9} GB in all; run on a smaller folder`);
        const bytes = fs.readFileSync(file);
        const text = bytes.length === 0 ? '' : decodeTextFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
        docs.push({ id: name.replace(/\.txt$/i, ''), text });
      }
    } catch (err) {
      if (err instanceof CliError) throw err;
      if (err instanceof ParseError) problem = `${err.location}: ${err.message}`;
      else problem = `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    }
    if (problem) {
      if (!opts.skipBad) {
        bar?.stop();
        throw new CliError(`${name}: ${problem} (use --skip-bad to leave such files out)`);
      }
      bad.push(name);
      console.error(`mandate: skipped ${name}: ${problem}`);
    }
    if (i % 256 === 0) bar?.update(i + 1, { phase: 'reading' });
  }
  bar?.update(files.length, { phase: 'reading' });
  if (docs.length === 0) throw new CliError(`${dir}: no readable .txt files (${bad.length} skipped)`);
  return docs;
}

function printHuman(r: OverlapResult): void {
  console.log(`${r.documents} documents, ${r.pairs.length} overlapping pairs, ${r.boilerplate.length} boilerplate passages`);
  for (const p of r.pairs.slice(0, 50)) console.log(`  ${(p.containment * 100).toFixed(0).padStart(3)} %  ${p.a}  ${p.b}  (${p.passages.length} passages, ${p.passages.reduce((n, q) => n + q.words, 0)} words)`);
  if (r.pairs.length > 50) console.log(`  … ${r.pairs.length - 50} more (--json prints all)`);
  if (r.boilerplate.length) console.log('boilerplate:');
  for (const b of r.boilerplate.slice(0, 10)) console.log(`  ${String(b.documents).padStart(5)} documents  ${b.text.length > 90 ? `${b.text.slice(0, 89)}…` : b.text}`);
}

export function overlapsCommand() {
  return new Command('overlaps')
    .description('Find shared passages between the .txt files of a folder (near-duplicates, reused clauses, boilerplate); no database')
    .requiredOption('--input <dir>', 'folder of .txt files (UTF-8); a document’s id is its file name without .txt')
    .option('--json', 'print JSON: {documents, pairs:[{a, b, containment, passages:[{a:[start,end], b:[start,end], words}]}], boilerplate:[…]}')
    .option('--min-words <n>', 'shortest passage reported, in words (default 10)', wholeNumber('--min-words'))
    .option('--threshold <share>', 'smallest containment of a reported pair (default 0.05)', share)
    .option('--workers <n>', 'worker threads (default: one per core, at most 8)', wholeNumber('--workers'))
    .option('--skip-bad', 'leave out files that are not UTF-8 text or are too large (a warning each), instead of failing')
    .action(async (opts: Opts) => {
      const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: '{phase} [{bar}] {value}/{total}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
      const dir = opts.input;
      try {
        resolveParams({ minWords: opts.minWords, threshold: opts.threshold }, 0); // bad options fail before any file is read
      } catch (err) {
        if (err instanceof OverlapInputError) throw new CliError(err.message, 2);
        throw err;
      }
      const docs = readTexts(dir, listTexts(dir), opts, bar);
      let phase = '';
      let result: OverlapResult;
      try {
        result = await findOverlapsParallel(docs, {
          minWords: opts.minWords,
          threshold: opts.threshold,
          workers: opts.workers,
          onProgress: (p) => {
            if (!bar) return;
            if (p.phase !== phase) {
              phase = p.phase;
              bar.setTotal(p.total);
            }
            bar.update(p.done, { phase: p.phase });
          },
        });
      } catch (err) {
        if (err instanceof OverlapInputError) throw new CliError(err.message, 2);
        throw err;
      } finally {
        bar?.stop();
      }
      if (opts.json) printJson(result);
      else printHuman(result);
    });
}
