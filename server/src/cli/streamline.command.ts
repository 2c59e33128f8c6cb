import { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { OverlapReport, StreamlineCandidate } from '@mandate/shared';
import { HttpProblem } from '../http/problem.ts';
import { getOverlapReport } from '../modules/overlaps/overlap-report.service.ts';
import { runOverlapsNow } from '../modules/overlaps/overlaps.service.ts';
import type { Progress } from '../modules/overlaps/run-progress.ts';
import { CliError, DB_OPTION_HELP, printJson, withContext } from './cli-support.ts';

/**
 * `mandate streamline`: the overlap analysis the web app runs in the
 * background, run here in this process and waited for (progress bar on
 * stderr), stored like any run, then the streamlining report: candidates
 * with their reasons, and the overlapping pairs.
 */

interface Options {
  db?: string;
  json?: boolean;
  minContainment: string;
  full?: boolean;
}

const SHOWN_PER_TYPE = 15;
const SHOWN_PAIRS = 30;

function parseShare(raw: string): number {
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) throw new CliError(`--min-containment must be a number from 0 to 1, not "${raw}"`, 2);
  return x;
}

/** One bar, re-labelled at each phase of the run (loading, the engine's phases, storing). */
function progressBar() {
  const bar = new cliProgress.SingleBar({ format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  let phase = '';
  return {
    update(p: Progress) {
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        bar.start(Math.max(p.total, 1), p.done, { phase: phase.padEnd(10) });
      } else {
        bar.setTotal(Math.max(p.total, 1));
        bar.update(p.done);
      }
    },
    stop: () => phase && bar.stop(),
  };
}

export function streamlineCommand() {
  return new Command('streamline')
    .description('Find overlapping texts in the library and list streamlining candidates (merge, suppress, update, boilerplate)')
    .option('--min-containment <share>', 'list pairs sharing at least this share of the shorter text (0 to 1)', '0.2')
    .option('--full', 'analyse every document again (default: only what changed since the last run, when little did)')
    .option('--json', 'print the run, candidates and pairs as JSON')
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (opts: Options) => {
      const minContainment = parseShare(opts.minContainment);
      const bar = process.stderr.isTTY ? progressBar() : null;
      const started = Date.now();
      const report = await withContext(opts.db, async (ctx) => {
        try {
          const run = await runOverlapsNow(ctx, opts.full ? 'full' : 'auto', { onProgress: (p) => bar?.update(p) });
          bar?.stop();
          if (run.status !== 'done') throw new CliError(`the analysis failed: ${run.error ?? 'unknown error'}`);
          return await getOverlapReport(ctx, { minContainment, sameLineage: false, limit: 5000 });
        } catch (err) {
          bar?.stop();
          if (err instanceof HttpProblem) throw new CliError(err.detail ?? err.title);
          throw err;
        }
      });
      if (opts.json) printJson({ run: report.status.report, candidates: report.candidates, pairs: report.pairs, totalPairs: report.totalPairs, minContainment });
      else printSummary(report, Date.now() - started);
    });
}

const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(4);
const names = (c: StreamlineCandidate) => c.documents.map((d) => d.label).join(' + ');

function printSummary(r: OverlapReport, ms: number) {
  const run = r.status.report!;
  const how = run.mode === 'incremental' ? `incremental run #${run.id}: ${run.recomputed} of ${run.documents} documents re-read` : `full run #${run.id}`;
  console.log(`Analysed ${run.documents} documents in ${(ms / 1000).toFixed(1)} s (${how}): ${r.totalPairs} pair(s) sharing ${pct(r.minContainment).trim()} or more, ${r.candidates.length} candidate(s).`);
  for (const type of ['merge', 'suppress', 'update', 'boilerplate'] as const) {
    const list = r.candidates.filter((c) => c.type === type);
    if (list.length === 0) continue;
    console.log(`\n${type} (${list.length})`);
    for (const c of list.slice(0, SHOWN_PER_TYPE)) console.log(`  ${type === 'boilerplate' ? `${c.documents.length} texts` : names(c)}\n    ${c.reason}`);
    if (list.length > SHOWN_PER_TYPE) console.log(`  … and ${list.length - SHOWN_PER_TYPE} more (--json lists all)`);
  }
  if (r.pairs.length > 0) {
    console.log(`\npairs (share of the shorter text in shared passages)`);
    for (const p of r.pairs.slice(0, SHOWN_PAIRS)) console.log(`  ${pct(p.containment)}  ${p.a.label}  ↔  ${p.b.label}  (${p.passages} passage${p.passages === 1 ? '' : 's'})`);
    if (r.pairs.length > SHOWN_PAIRS) console.log(`  … and ${r.pairs.length - SHOWN_PAIRS} more (--json lists all)`);
  }
}
