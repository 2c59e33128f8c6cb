import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { createContext } from '../http/context.ts';

const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/mandate.mjs');
const ENV = { ...process.env, DATABASE_URL: '', MANDATE_ADMIN_PASSWORD: '', MANDATE_ADMIN_EMAIL: '' };

/** Runs the real `mandate` command with optional standard input; never throws. */
function mandate(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** Asks the API of the same database (in-process) whether a bearer token works. */
async function statusWith(db: string, token: string, url = '/api/suggestions') {
  const handle = await openDatabase({ url: db });
  const app = await buildApp(createContext(handle), { webDist: '/nonexistent' });
  try {
    return (await app.inject({ url, headers: { authorization: `Bearer ${token}` } })).statusCode;
  } finally {
    await app.close();
    await handle.close();
  }
}

describe('mandate users and tokens', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-accounts-'));
    db = path.join(dir, 'accounts.sqlite');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('adds users with a password from standard input, and refuses bad input with a message', async () => {
    const r = await mandate(['users', 'add', '--email', 'Focal@ATU.example', '--role', 'contributor', '--units', 'SG17, TSB', '--regions', 'Africa', '--name', 'ATU focal point', '--password-stdin', '--db', db, '--json'], 'a long enough passphrase\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ email: 'focal@atu.example', role: 'contributor', units: ['SG17', 'TSB'], regions: ['Africa'], sso: false });
    expect(r.stdout + r.stderr).not.toContain('a long enough passphrase');

    const dup = await mandate(['users', 'add', '--email', 'focal@atu.example', '--role', 'viewer', '--db', db]);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/already exists/);
    const short = await mandate(['users', 'add', '--email', 'x@y.example', '--role', 'viewer', '--password-stdin', '--db', db], 'short');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/password: at least 12 characters/);
    const role = await mandate(['users', 'add', '--email', 'x@y.example', '--role', 'overlord', '--db', db]);
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/role/);

    const set = await mandate(['users', 'set', '--email', 'focal@atu.example', '--role', 'editor', '--units', '', '--password-stdin', '--db', db, '--json'], 'a new long passphrase');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ role: 'editor', units: [], regions: ['Africa'] });
    expect((await mandate(['users', 'set', '--email', 'nobody@x.example', '--disable', '--db', db])).code).toBe(2);
    const sso = await mandate(['users', 'add', '--email', 'reader@x.example', '--role', 'viewer', '--db', db]);
    expect(sso.stdout).toMatch(/single sign-on only/);
    const list = await mandate(['users', 'list', '--db', db, '--json']);
    expect(JSON.parse(list.stdout).map((u: { email: string }) => u.email)).toEqual(['focal@atu.example', 'reader@x.example']);
  });

  it('creates a token shown once, which works until it is revoked', async () => {
    const r = await mandate(['tokens', 'create', '--email', 'focal@atu.example', '--name', 'sync', '--expires', '90d', '--scopes', 'read,write', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const created = JSON.parse(r.stdout);
    expect(created.token).toMatch(/^mdt_/);
    expect(created).toMatchObject({ name: 'sync', scopes: ['read', 'write'] });
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(88 * 86_400_000);
    expect(await statusWith(db, created.token)).toBe(200);

    const listed = await mandate(['tokens', 'list', '--email', 'focal@atu.example', '--db', db, '--json']);
    expect(listed.stdout).not.toContain(created.token);

    const revoked = await mandate(['tokens', 'revoke', created.prefix, '--db', db, '--json']);
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout).revokedAt).not.toBeNull();
    expect(await statusWith(db, created.token)).toBe(401);

    const admin = await mandate(['tokens', 'create', '--email', 'reader@x.example', '--scopes', 'admin', '--db', db]);
    expect(admin.code).toBe(2);
    expect(admin.stderr).toMatch(/admin scope/);
    const badExpiry = await mandate(['tokens', 'create', '--email', 'reader@x.example', '--expires', 'soon', '--db', db]);
    expect(badExpiry.code).toBe(2);
    expect((await mandate(['tokens', 'revoke', '999', '--db', db])).code).toBe(2);
  });

  it('creates the first admin on first start and prints its one-time password once', async () => {
    const fresh = path.join(dir, 'fresh.sqlite');
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-demo', '--db', fresh], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
        const onData = (b: Buffer) => {
          out += b.toString();
          const m = /running at (http:\/\/localhost:\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
      });
      const m = /created the admin admin@localhost with the one-time password:\s+(\S+)/.exec(out);
      expect(m).not.toBeNull();
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@localhost', password: m![1] }) });
      expect(res.status).toBe(200);
      expect((await res.json()).user.role).toBe('admin');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
