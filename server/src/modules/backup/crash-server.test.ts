import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { createContext } from '../../http/context.ts';
import { ITU_FIXTURE } from '../../test-support/fixtures.ts';
import { importDocuments } from '../library/import.service.ts';
import { createUser } from '../auth/users.service.ts';
import { createToken } from '../auth/tokens.service.ts';
import { BIN, checkSqlite, exited, sleep, sqliteWriterActive, until, writeLargeCollection } from './crash-support.ts';

/**
 * Issue 4, durability, as the issue puts it: kill -9 the *server* while it
 * imports a large upload, restart it, and the database is consistent, the
 * import all there or absent, and the same upload goes through afterwards.
 */
const BIG = 'pp18-x4.xml';
const PRE = 'res901.txt';
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-crash-server-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-demo', '--db', db], { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1]!.replace('localhost', '127.0.0.1') });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

function upload(url: string, token: string, file: string) {
  const form = new FormData();
  form.append('files', new Blob([fs.readFileSync(file)]), path.basename(file));
  return fetch(`${url}/api/imports`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
}

describe('kill -9 the server during a large upload', () => {
  it('SQLite: consistent after the kill, the import all or nothing, and the upload re-runs', { timeout: 90_000 }, async () => {
    const big = path.join(dir, BIG);
    writeLargeCollection(big, 4); // ~6 MB, 256 documents in one transaction
    const file = path.join(dir, 'server.sqlite');
    const db = await openDatabase({ url: file });
    const ctx = createContext(db);
    await importDocuments(ctx, [{ name: PRE, content: Buffer.from(ITU_FIXTURE) }]);
    const editor = await createUser(ctx, { email: 'editor@localhost', name: '', role: 'editor', units: [], regions: [] });
    const { token } = await createToken(ctx, editor.id, { name: 'crash', scopes: ['read', 'write'], expiresAt: null });
    await db.close();

    const probe = new SQLite(file, { timeout: 0 });
    const first = await startServer(file);
    const pending = upload(first.url, token, big).catch(() => null); // the connection dies with the server
    expect(await until(() => sqliteWriterActive(probe), first.child, 30_000), 'the server never started writing').toBe(true);
    await sleep(Math.floor(Math.random() * 100));
    const inTransaction = sqliteWriterActive(probe);
    first.child.kill('SIGKILL');
    expect((await exited(first.child)).signal).toBe('SIGKILL');
    expect(await pending).toBeNull();
    probe.close();

    const after = checkSqlite(file, BIG, PRE);
    expect(after).toMatchObject({ integrity: 'ok', foreignKeyViolations: 0, preexisting: 1 });
    if (inTransaction) expect(after.documents).toBe(0);

    const second = await startServer(file);
    try {
      const res = await upload(second.url, token, big);
      expect(res.status).toBe(200);
      const summary = (await res.json()) as { documents: number; failed: unknown[] };
      expect(summary.failed).toEqual([]);
      expect(summary.documents).toBe(256);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
    const full = checkSqlite(file, BIG, PRE);
    expect(full).toMatchObject({ integrity: 'ok', foreignKeyViolations: 0, documents: 256, preexisting: 1 });
    console.log(`server crash test: killed ${inTransaction ? 'inside' : 'outside'} the import transaction; after the kill ${after.documents} documents, integrity ${after.integrity}; re-run imported ${full.documents} documents, ${full.clauses} clauses`);
  });
});
