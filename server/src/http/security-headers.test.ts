import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { FIXED_NOW, openSqliteTestDb, type TestDb } from '../test-support/test-db.ts';
import { multipart } from '../test-support/api.ts';
import { signIn, withToken, type Caller } from '../test-support/auth.ts';
import { leakedInternals } from '../test-support/fuzz.ts';

/**
 * What every response carries (helmet), what the server refuses to other
 * origins (CORS stays closed: no cross-origin reads, no preflights), how big
 * a request may be, and that no error, not even a 500, shows internals.
 */
describe('security headers, CORS and request limits', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let web: string;
  let editor: Caller;

  beforeAll(async () => {
    t = await openSqliteTestDb(FIXED_NOW);
    // A stand-in for web/dist, so the static files and the client-side-route fallback are served too.
    web = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-web-'));
    fs.mkdirSync(path.join(web, 'assets'));
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Mandate</title><script type="module" src="/assets/app.js"></script>');
    fs.writeFileSync(path.join(web, 'assets/app.js'), 'console.log(1)');
    app = await buildApp(t.ctx, { webDist: web });
    await app.ready();
    editor = await withToken(app, t.ctx, 'editor');
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
    fs.rmSync(web, { recursive: true, force: true });
  });

  function expectHardened(res: LightMyRequestResponse, what: string) {
    const csp = String(res.headers['content-security-policy'] ?? '');
    // Scripts only from our origin, no inline event handlers, no plugins, not framed by others.
    expect(csp, what).toMatch(/default-src 'self'/);
    expect(csp, what).toMatch(/script-src 'self'(;|$)/);
    expect(csp, what).toMatch(/script-src-attr 'none'/);
    expect(csp, what).toMatch(/object-src 'none'/);
    expect(csp, what).toMatch(/frame-ancestors '(self|none)'/);
    expect(csp, what).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options'], what).toBe('nosniff');
    expect(res.headers['x-frame-options'], what).toMatch(/^(SAMEORIGIN|DENY)$/);
    expect(res.headers['referrer-policy'], what).toBe('no-referrer');
  }

  it('hardens API answers, problems and the web app alike', async () => {
    const responses: [string, LightMyRequestResponse][] = [
      ['API JSON', await app.inject('/api/health')],
      ['API list', await app.inject('/api/documents')],
      ['API problem', await app.inject('/api/nothing-here')],
      // Refused by hooks that run before routing: these missed the headers while helmet's hook came after them.
      ['API 401', await app.inject('/api/suggestions')],
      ['API 401 forged token', await app.inject({ url: '/api/health', headers: { authorization: 'Bearer mdt_forged' } })],
      ['API 403 role', await editor.inject('/api/users')],
      ['web index', await app.inject('/')],
      ['web deep link', await app.inject('/actions/42')],
      ['web asset', await app.inject('/assets/app.js')],
      ['missing asset', await app.inject('/assets/missing.js')],
    ];
    for (const [what, res] of responses) expectHardened(res, what);
    expect(new Map(responses).get('web deep link')!.headers['content-type']).toMatch(/text\/html/);
  });

  it('keeps CORS closed: no cross-origin read grant, no preflight', async () => {
    const simple = await app.inject({ url: '/api/actions', headers: { origin: 'https://evil.example' } });
    expect(simple.statusCode).toBe(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    expect(simple.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await app.inject({ method: 'OPTIONS', url: '/api/actions/1', headers: { origin: 'https://evil.example', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'if-match, content-type' } });
    expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
    for (const h of ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers']) expect(preflight.headers[h], h).toBeUndefined();
  });

  it('refuses a cross-site write riding on the session cookie (no CSRF token)', async () => {
    const admin = await signIn(app, t.ctx, 'admin');
    const res = await app.inject({ method: 'POST', url: '/api/actions', headers: { cookie: admin.headers.cookie!, origin: 'https://evil.example' }, payload: { title: 'Forged' } });
    expect(res.statusCode).toBe(403);
  });

  it('answers a JSON body over 1 MB with a 413 problem', async () => {
    const res = await editor.inject({ method: 'POST', url: '/api/actions', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ title: 'x', description: 'y'.repeat(1024 * 1024) }) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 413, title: 'Payload too large' });
  });

  it('refuses uploads over the file limits with a 413 that says the limit, and a second plan file with a 400', async () => {
    const big = await editor.inject({ method: 'POST', url: '/api/imports', ...multipart('files', [{ name: 'big.txt', content: Buffer.alloc(51 * 1024 * 1024, 'a') }]) });
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toBe('Each file may be at most 50 MB.');
    // Under the per-file limit, over the per-request one: files are held in memory, their sum is capped.
    const many = await editor.inject({ method: 'POST', url: '/api/imports', ...multipart('files', Array.from({ length: 3 }, (_, i) => ({ name: `f${i}.txt`, content: Buffer.alloc(40 * 1024 * 1024, 'a') }))) });
    expect(many.statusCode).toBe(413);
    expect(many.json().detail).toMatch(/together exceed 100 MB/);
    const plan = await editor.inject({ method: 'POST', url: '/api/actions/import', ...multipart('file', [{ name: 'plan.csv', content: Buffer.alloc(21 * 1024 * 1024, 'a') }]) });
    expect(plan.statusCode).toBe(413);
    expect(plan.json().detail).toBe('Each file may be at most 20 MB.');
    const two = await editor.inject({ method: 'POST', url: '/api/actions/import', ...multipart('file', [{ name: 'a.csv', content: 'title\nA\n' }, { name: 'b.csv', content: 'title\nB\n' }]) });
    expect(two.statusCode).toBe(400);
    expect(await t.db.kysely.selectFrom('actions').select('id').execute()).toEqual([]);
  });

  it('shows no stack trace, path or driver message even when the server fails (500)', async () => {
    const broken = await openSqliteTestDb(FIXED_NOW);
    const brokenApp = await buildApp(broken.ctx, { webDist: '/nonexistent' });
    await brokenApp.ready();
    await broken.db.close(); // every query now throws inside the driver
    try {
      const res = await brokenApp.inject('/api/documents');
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toEqual({ type: 'about:blank', title: 'Internal server error', status: 500, detail: 'Something went wrong; the error was logged.', instance: '/api/documents' });
      expect(leakedInternals(res.body)).toBeNull();
    } finally {
      await brokenApp.close();
      await broken.cleanup().catch(() => undefined);
    }
  });
});
