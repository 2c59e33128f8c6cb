import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** CI must run the browser tests; elsewhere a missing Chromium skips them, loudly. */
export const chromiumMissing = !fs.existsSync(CHROMIUM);
if (chromiumMissing) {
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: CI must install it (apt-get install -y chromium)`);
  console.warn(`\n*** Chromium not found at ${CHROMIUM}: end-to-end tests are SKIPPED (apt-get install -y chromium). ***\n`);
}

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The first admin of every e2e server (created on first start from MANDATE_ADMIN_PASSWORD, as an operator would). */
export const E2E_ADMIN = {
  email: process.env.MANDATE_ADMIN_EMAIL || 'admin@localhost',
  password: process.env.MANDATE_ADMIN_PASSWORD || 'e2e admin passphrase, not a secret',
};

export interface RunningServer {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/** Starts the real `mandate serve` (demo data, fresh SQLite) on a free port and waits until it answers. */
export async function startServer(): Promise<RunningServer> {
  if (!fs.existsSync(path.join(REPO, 'web/dist/index.html'))) throw new Error('web/dist is missing: run `npm run build:web` first (npm test does)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO, 'server/bin/mandate.mjs'), 'serve', '--port', '0', '--db', path.join(dir, 'e2e.sqlite')], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: '', MANDATE_ADMIN_EMAIL: E2E_ADMIN.email, MANDATE_ADMIN_PASSWORD: E2E_ADMIN.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
