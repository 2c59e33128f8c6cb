import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';

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

export interface OpenApp {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** Uncaught errors in the page: every test ends by expecting none. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * The real server with demo data, Chromium and one page, optionally signed in
 * as the first admin through the API the sign-in page uses (the browser keeps
 * the session cookie, and the web app reads the CSRF cookie as it would).
 */
export async function openApp(opts: { signIn?: boolean; acceptDownloads?: boolean } = {}): Promise<OpenApp> {
  const server = await startServer();
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: opts.acceptDownloads ?? false });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (opts.signIn) {
    const login = await page.request.post(`${server.url}/api/auth/login`, { data: E2E_ADMIN });
    if (login.status() !== 200) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
  }
  return {
    server,
    browser,
    page,
    errors,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}
