/**
 * npm run bench:api [-- --items N --seconds S --connections C --workers W --runs R --db URL]
 * Seeds N action items into a fresh database, starts the real server
 * (`mandate serve --workers W`, a separate process as in production) and drives
 * the list/filter/search endpoint with autocannon, R times per scenario
 * (interleaved, so a burst of noise on a shared machine hits one run, not
 * one scenario), after a one-second warm-up. Prints JSON: the median run per
 * scenario, and every run.
 *
 * The server keeps what it derives from the database until the next write
 * (db/until-change.ts), so two more figures show what a write costs readers:
 * `coldMs`, one request's time right after a write (median of 5), and the
 * `list-while-writing` scenario, the list driven while an editor changes an
 * item ten times a second.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase } from '../server/src/db/database.ts';
import { spawn } from 'node:child_process';
import { createContext } from '../server/src/http/context.ts';
import { seedActions } from './seed-actions.ts';
import { createUser } from '../server/src/modules/auth/users.service.ts';
import { createToken } from '../server/src/modules/auth/tokens.service.ts';

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    workers: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
    db: { type: 'string' },
  },
});

const SCENARIOS: Record<string, string> = {
  list: '/api/actions?limit=50',
  'filter-status': '/api/actions?status=in_progress,on_hold&limit=50&sort=dueDate',
  'filter-responsible': '/api/actions?responsible=SG17&limit=50',
  overdue: '/api/actions?overdue=true&limit=50',
  search: '/api/actions?q=ipv6&limit=50',
  'search-words': '/api/actions?q=report%20tsag&limit=50',
  'search-filter': '/api/actions?q=workshop&status=in_progress&tag=climate&limit=50',
};

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function drive(url: string, seconds: number, connections: number, headers: Record<string, string>) {
  const times: number[] = [];
  // autocannon reports p97.5 but not p95, so we keep every response time ourselves.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    requestsPerSec: Math.round(result.requests.average),
    p50Ms: Number(percentile(times, 50).toFixed(2)),
    p95Ms: Number(percentile(times, 95).toFixed(2)),
    p99Ms: Number(percentile(times, 99).toFixed(2)),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-bench-'));
const db = await openDatabase({ url: args.db ?? path.join(dir, 'bench.sqlite') });
const items = Number(args.items);
const t0 = performance.now();
await seedActions(db.kysely, items);
const seedSeconds = (performance.now() - t0) / 1000;
const ctx = createContext(db, () => new Date('2026-06-15T12:00:00Z'));
// As staff reading the whole plan through an API token: the cost of identifying the caller is part of every request.
const viewer = await createUser(ctx, { email: 'bench@localhost', name: '', role: 'viewer', units: [], regions: [] });
const { token } = await createToken(ctx, viewer.id, { name: 'bench', scopes: ['read'], expiresAt: null });
const editor = await createUser(ctx, { email: 'bench-editor@localhost', name: '', role: 'editor', units: [], regions: [] });
const { token: editorToken } = await createToken(ctx, editor.id, { name: 'bench-writer', scopes: ['read', 'write'], expiresAt: null });
await db.close();

/** The real `mandate serve`, as users run it, on the seeded file. */
const child = spawn(process.execPath, [path.resolve(path.dirname(new URL(import.meta.url).pathname), '../server/bin/mandate.mjs'), 'serve', '--port', '0', '--no-demo', '--workers', args.workers!, '--db', args.db ?? db.location], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
    const m = /running at http:\/\/localhost:(\d+)/.exec(out);
    if (m) resolve(`http://127.0.0.1:${m[1]}`);
  });
  child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
});

const reader = { authorization: `Bearer ${token}` };
const writer = { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' };

/** One change to item 1 (its progress), as an editor makes it: read the version, then PATCH with If-Match. */
let progress = 0;
async function writeOnce() {
  const current = await fetch(`${base}/api/actions/1`, { headers: writer });
  const res = await fetch(`${base}/api/actions/1`, { method: 'PATCH', headers: { ...writer, 'if-match': current.headers.get('etag')! }, body: JSON.stringify({ progress: (progress = (progress + 1) % 100) }) });
  if (!res.ok) throw new Error(`bench write refused: ${res.status} ${await res.text()}`);
}

/** One read's time right after a write (every kept value is gone), median of 5. */
async function coldMs(p: string) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await writeOnce();
    const t = performance.now();
    const res = await fetch(base + p, { headers: reader });
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  return Number(times.sort((a, b) => a - b)[2]!.toFixed(1));
}

/** The list driven while an editor changes an item ten times a second. */
async function driveWhileWriting(p: string) {
  let writes = 0;
  let stop = false;
  const writing = (async () => {
    while (!stop) {
      await writeOnce();
      writes += 1;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const result = await drive(base + p, Number(args.seconds), Number(args.connections), reader);
  stop = true;
  await writing;
  return { ...result, writesPerSec: Number((writes / Number(args.seconds)).toFixed(1)) };
}

type Run = Awaited<ReturnType<typeof drive>> & { writesPerSec?: number };
const runs: Record<string, Run[]> = Object.fromEntries([...Object.keys(SCENARIOS), 'list-while-writing'].map((k) => [k, []]));
for (const p of Object.values(SCENARIOS)) await drive(base + p, 1, Number(args.connections), reader); // warm-up
for (let r = 0; r < Number(args.runs); r++) {
  for (const [name, p] of Object.entries(SCENARIOS)) {
    runs[name]!.push(await drive(base + p, Number(args.seconds), Number(args.connections), reader));
  }
  runs['list-while-writing']!.push(await driveWhileWriting(SCENARIOS.list!));
}
const cold: Record<string, number> = {};
for (const [name, p] of Object.entries(SCENARIOS)) cold[name] = await coldMs(p); // one after the other: each write needs the version the last one left
/** The run with the median p95 stands for the scenario. */
const median = (list: Run[]) => [...list].sort((a, b) => a.p95Ms - b.p95Ms)[Math.floor(list.length / 2)]!;
const results = Object.fromEntries(
  Object.entries(runs).map(([name, list]) => [name, { ...median(list), p95AllRuns: list.map((x) => x.p95Ms), requestsPerSecAllRuns: list.map((x) => x.requestsPerSec), ...(name in cold ? { coldMs: cold[name] } : {}) }]),
);
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
fs.rmSync(dir, { recursive: true, force: true });

console.log(JSON.stringify({ benchmark: 'api', dialect: db.dialect, items, workers: Number(args.workers), connections: Number(args.connections), secondsPerScenario: Number(args.seconds), runs: Number(args.runs), seedSeconds: Number(seedSeconds.toFixed(1)), node: process.version, cpus: os.cpus().length, scenarios: results }, null, 2));
