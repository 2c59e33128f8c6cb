import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { ImportProblem, ImportSummary, PlanImportResult } from '@mandate/shared';
import type { AppContext } from '../http/context.ts';
import { HttpProblem } from '../http/problem.ts';
import { emptySummary, importDocuments } from '../modules/library/import.service.ts';
import { MAX_IMPORT_BYTES, PLAN_EXTENSIONS, extensionOf } from '../modules/library/source-file.ts';
import { importPlan } from '../modules/plan-io/plan-import.service.ts';
import { DB_OPTION_HELP, printJson, withContext } from './cli-support.ts';

type Summary = ImportSummary & { plan?: PlanImportResult };

export function importCommand() {
  return new Command('import')
    .description('Import documents (Akoma Ntoso .xml, ITU/UN layout .txt, .docx, .pdf) or an action plan (.csv, .xlsx)')
    .argument('<files...>', 'files to import')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--json', 'print a JSON summary')
    .action(async (files: string[], opts: { db?: string; json?: boolean }) => {
      const summary = await withContext(opts.db, (ctx) => importAll(ctx, files, !opts.json && process.stderr.isTTY));
      if (opts.json) printJson(summary);
      else printHuman(summary);
      if (summary.failed.length > 0) process.exitCode = 1;
    });
}

async function importAll(ctx: AppContext, files: string[], showProgress: boolean): Promise<Summary> {
  const summary: Summary = emptySummary();
  const bar = showProgress && files.length > 1 ? new cliProgress.SingleBar({ format: 'importing [{bar}] {value}/{total} {file}', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(files.length, 0, { file: '' });
  for (const file of files) {
    const name = path.basename(file);
    const read = readFile(file);
    if ('failed' in read) {
      summary.files += 1;
      summary.failed.push(read.failed);
    } else if (PLAN_EXTENSIONS.includes(extensionOf(name))) {
      summary.files += 1;
      try {
        summary.plan = await importPlan(ctx, { name, content: read.content });
      } catch (err) {
        summary.failed.push(...planFailure(name, err));
      }
    } else {
      merge(summary, await importDocuments(ctx, [{ name, content: read.content }]));
    }
    bar?.increment({ file: name });
  }
  bar?.stop();
  return summary;
}

/** Checks size before reading, so a 200 MB file is refused without loading it. */
function readFile(file: string): { content: Buffer } | { failed: ImportProblem } {
  const name = path.basename(file);
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) return { failed: { file: name, location: 'file', message: 'is a directory; pass the files inside it' } };
    if (st.size > MAX_IMPORT_BYTES) return { failed: { file: name, location: 'file', message: `the file is ${Math.round(st.size / 1048576)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB` } };
    return { content: fs.readFileSync(file) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { failed: { file: name, location: 'file', message: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? 'error'})` } };
  }
}

function planFailure(file: string, err: unknown): ImportProblem[] {
  if (err instanceof HttpProblem) {
    if (err.errors?.length) return err.errors.map((e) => ({ file, location: e.location, message: e.message }));
    return [{ file, location: 'file', message: err.detail ?? err.title }];
  }
  return [{ file, location: 'file', message: 'internal error while importing this plan' }];
}

function merge(into: Summary, s: ImportSummary) {
  into.files += s.files;
  into.documents += s.documents;
  into.created += s.created;
  into.updated += s.updated;
  into.clauses += s.clauses;
  into.suggestedActions += s.suggestedActions;
  into.problems.push(...s.problems);
  into.failed.push(...s.failed);
}

function printHuman(s: Summary) {
  console.log(`${s.files} file(s): ${s.documents} document(s) (${s.created} new, ${s.updated} updated), ${s.clauses} clauses, ${s.suggestedActions} suggested action items`);
  if (s.plan) console.log(`action plan: ${s.plan.rows} rows, ${s.plan.created} created, ${s.plan.updated} updated, ${s.plan.unchanged} unchanged, ${s.plan.updatesAdded} progress updates added`);
  if (s.problems.length > 0) {
    console.log(`${s.problems.length} tolerated problem(s):`);
    for (const p of s.problems.slice(0, 20)) console.log(`  ${p.file} ${p.location}: ${p.message}`);
    if (s.problems.length > 20) console.log(`  … and ${s.problems.length - 20} more (use --json to see all)`);
  }
  for (const f of s.failed) console.error(`FAILED ${f.file} ${f.location}: ${f.message}`);
}
