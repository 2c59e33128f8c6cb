/**
 * npm run bench:parse — plain-text parsing speed (structure + references,
 * i.e. parseResolutionText) on the 461 UNSC texts, on one core: the texts are
 * parsed one after another in this process, several rounds after a warm-up,
 * and the median round is reported as MB/s of UTF-8 input (wall clock, and
 * CPU time of this process, which stays meaningful on a busy machine). Prints JSON.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseResolutionText } from '../server/src/analysis/text/parse-text.ts';

const DIR = path.resolve(import.meta.dirname, '../../shared/data/unsc-resolutions/texts');
if (!existsSync(DIR)) {
  console.error(`bench:parse: missing ${DIR}; the shared data must sit beside the repository`);
  process.exit(2);
}
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => ({ name: f, text: readFileSync(path.join(DIR, f), 'utf8') }));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);

/** Wall seconds, and CPU seconds of this process (steadier when other work shares the machine). */
function round(): { wall: number; cpu: number } {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (const t of texts) parseResolutionText(t.text, { fileName: t.name });
  const c = process.cpuUsage(c0);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 };
}

const ROUNDS = Number(process.env.ROUNDS ?? 7);
for (let i = 0; i < 2; i++) round(); // warm-up: JIT and regex compilation
const rounds = Array.from({ length: ROUNDS }, round);
const seconds = rounds.map((r) => r.wall).sort((a, b) => a - b);
const cpu = rounds.map((r) => r.cpu).sort((a, b) => a - b);
const median = seconds[Math.floor(ROUNDS / 2)]!;
const mb = bytes / 1e6;
process.stdout.write(
  `${JSON.stringify({
    corpus: 'unsc-resolutions 1946–1979',
    files: files.length,
    megabytes: Math.round(mb * 1000) / 1000,
    rounds: ROUNDS,
    medianSeconds: Math.round(median * 1e4) / 1e4,
    mbPerSecond: Math.round((mb / median) * 100) / 100,
    minMbPerSecond: Math.round((mb / seconds[ROUNDS - 1]!) * 100) / 100,
    maxMbPerSecond: Math.round((mb / seconds[0]!) * 100) / 100,
    cpuMbPerSecond: Math.round((mb / cpu[Math.floor(ROUNDS / 2)]!) * 100) / 100,
    loadAverage: os.loadavg()[0],
    target: 5,
    node: process.version,
  }, null, 2)}\n`,
);
