import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { DIALECTS, type TestDb } from '../../test-support/test-db.ts';
import { anonymous, cookieHeader, createTestUser, signIn, signInAs, withToken, TEST_PASSWORD } from '../../test-support/auth.ts';
import { ensureInitialAdmin } from './bootstrap.ts';
import { createToken } from './tokens.service.ts';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`accounts and sign-in on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    // A clock the tests move forward (idle and absolute session expiry, lockouts).
    let now = Date.parse('2026-06-15T10:00:00Z');

    beforeAll(async () => {
      t = await dialect.open(() => new Date(now));
      app = await buildApp(t.ctx, { webDist: '/nonexistent', trustProxy: true, auth: { ipMaxFailures: 1000 } });
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const login = (email: string, password: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

    it('creates the first admin once, with a generated one-time password or the given one', async () => {
      const first = await ensureInitialAdmin(t.ctx, { MANDATE_ADMIN_EMAIL: 'Root@Example.org' });
      expect(first).toMatchObject({ email: 'root@example.org' });
      expect(first!.generatedPassword).toMatch(/^[\w-]{20}$/);
      expect(await ensureInitialAdmin(t.ctx, { MANDATE_ADMIN_PASSWORD: 'another password!' })).toBeNull();
      const res = await login('root@example.org', first!.generatedPassword!);
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ role: 'admin', email: 'root@example.org' });
    });

    it('sets an HttpOnly, SameSite=Lax session cookie (Secure over TLS) and answers /api/auth/me', async () => {
      const u = await createTestUser(t.ctx, 'viewer');
      const res = await login(u.email.toUpperCase(), TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
      expect(res.statusCode).toBe(200);
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
      const session = cookies.find((c) => c.startsWith('mandate_session='))!;
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Lax/);
      expect(session).toMatch(/Secure/);
      expect(session).toMatch(/Path=\//);
      const plain = await login(u.email, TEST_PASSWORD);
      expect(([] as string[]).concat(plain.headers['set-cookie'] as string[]).join()).not.toMatch(/Secure/);
      // The database holds only a hash of the cookie.
      const secret = session.split(';')[0]!.split('=')[1]!;
      const stored = await t.db.kysely.selectFrom('sessions').select('id').execute();
      expect(stored.map((s) => s.id)).not.toContain(secret);
      const me = (await app.inject({ url: '/api/auth/me', headers: { cookie: cookieHeader(res) } })).json();
      expect(me.user.email).toBe(u.email);
      expect(me.csrfToken).toBe(res.json().csrfToken);
      expect((await app.inject({ url: '/api/auth/me' })).json()).toMatchObject({ user: null, csrfToken: null, sso: false });
    });

    it('answers the same for an unknown email and a wrong password, then locks for 15 minutes with Retry-After', async () => {
      const u = await createTestUser(t.ctx, 'editor');
      const wrong = await login(u.email, 'not the password');
      const unknown = await login('nobody@nowhere.example', 'not the password');
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json().detail).toBe(wrong.json().detail);
      for (let i = 0; i < 4; i += 1) {
        await login(u.email, 'not the password');
        await login('nobody@nowhere.example', 'not the password');
      }
      for (const email of [u.email, 'nobody@nowhere.example']) {
        const locked = await login(email, email === u.email ? TEST_PASSWORD : 'x');
        expect(locked.statusCode).toBe(429);
        expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
        expect(locked.json().detail).toMatch(/Too many failed sign-ins/);
      }
      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('entity', '=', 'user').where('entity_id', '=', String(u.id)).where('action', '=', 'update').execute();
      expect(audit.some((a) => JSON.parse(a.diff).lockedUntil)).toBe(true);
      now += 16 * 60_000;
      expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('limits failures per client address', async () => {
      const strict = await buildApp(t.ctx, { webDist: '/nonexistent', trustProxy: true, auth: { ipMaxFailures: 3 } });
      const from = { 'x-forwarded-for': '203.0.113.9' };
      for (let i = 0; i < 3; i += 1) {
        const r = await strict.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `spray${i}@x.example`, password: 'guess' }, headers: from });
        expect(r.statusCode).toBe(401);
      }
      const blocked = await strict.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'spray9@x.example', password: 'guess' }, headers: from });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
      await strict.close();
    });

    it('requires X-CSRF-Token on cookie-authenticated writes, not on Bearer ones', async () => {
      const editor = await signIn(app, t.ctx, 'editor');
      const body = { title: 'CSRF probe' };
      const noToken = await app.inject({ method: 'POST', url: '/api/actions', payload: body, headers: { cookie: editor.headers.cookie! } });
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json().detail).toMatch(/CSRF/);
      const badToken = await app.inject({ method: 'POST', url: '/api/actions', payload: body, headers: { cookie: editor.headers.cookie!, 'x-csrf-token': 'forged' } });
      expect(badToken.statusCode).toBe(403);
      expect((await editor.inject({ method: 'POST', url: '/api/actions', payload: body })).statusCode).toBe(201);
      const script = await withToken(app, t.ctx, 'editor', ['read', 'write']);
      expect((await script.inject({ method: 'POST', url: '/api/actions', payload: body })).statusCode).toBe(201);
    });

    it('API tokens: shown once, stored hashed, scoped, expiring and revocable', async () => {
      const editor = await signIn(app, t.ctx, 'editor');
      const created = await editor.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'report script', scopes: ['read'], expiresAt: '2026-12-31' } });
      expect(created.statusCode).toBe(201);
      const { token, prefix, id } = created.json();
      expect(token).toMatch(/^mdt_[\w-]{43}$/);
      expect(token.startsWith(prefix)).toBe(true);
      const listed = (await editor.inject('/api/tokens')).json();
      expect(JSON.stringify(listed)).not.toContain(token);
      expect(listed.items[0]).toMatchObject({ id, name: 'report script', scopes: ['read'], expiresAt: '2026-12-31T23:59:59.999Z' });
      const stored = await t.db.kysely.selectFrom('api_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
      expect(stored.token_hash).not.toContain(token);

      const bearer = { authorization: `Bearer ${token}` };
      expect((await app.inject({ url: '/api/suggestions', headers: bearer })).statusCode).toBe(200);
      const write = await app.inject({ method: 'POST', url: '/api/actions', payload: { title: 'x' }, headers: bearer });
      expect(write.statusCode).toBe(403);
      expect(write.json().detail).toMatch(/read-only/);

      const viewerWrite = await editor.inject({ method: 'POST', url: '/api/tokens', payload: { scopes: ['admin'] } });
      expect(viewerWrite.statusCode).toBe(400);

      expect((await editor.inject({ method: 'DELETE', url: `/api/tokens/${id}` })).json().revokedAt).not.toBeNull();
      const revoked = await app.inject({ url: '/api/suggestions', headers: bearer });
      expect(revoked.statusCode).toBe(401);
      expect(revoked.headers['www-authenticate']).toMatch(/Bearer/);
      expect((await app.inject({ url: '/api/actions', headers: { authorization: 'Bearer mdt_forged' } })).statusCode).toBe(401);

      const soon = await createToken(t.ctx, editor.user!.id, { name: '', scopes: ['read'], expiresAt: new Date(now + 86_400_000).toISOString().slice(0, 10) });
      expect((await app.inject({ url: '/api/suggestions', headers: { authorization: `Bearer ${soon.token}` } })).statusCode).toBe(200);
      now += 3 * 86_400_000;
      expect((await app.inject({ url: '/api/suggestions', headers: { authorization: `Bearer ${soon.token}` } })).statusCode).toBe(401);

      const other = await signIn(app, t.ctx, 'editor');
      expect((await other.inject({ method: 'DELETE', url: `/api/tokens/${soon.id}` })).statusCode).toBe(404);
    });

    it('ends sessions: sign-out, sign-out everywhere, idle and absolute expiry, disabled accounts', async () => {
      const u = await createTestUser(t.ctx, 'viewer');
      const a = await signInAs(app, u);
      const b = await signInAs(app, u);
      const c = await signInAs(app, u);
      expect((await a.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
      expect((await a.inject('/api/suggestions')).statusCode).toBe(401);
      expect((await b.inject('/api/suggestions')).statusCode).toBe(200);
      expect((await b.inject({ method: 'POST', url: '/api/auth/logout-all' })).json()).toEqual({ sessionsEnded: 2 });
      expect((await c.inject('/api/suggestions')).statusCode).toBe(401);

      const d = await signInAs(app, u);
      now += 7 * 60 * 60_000; // within the 8-hour idle limit
      expect((await d.inject('/api/suggestions')).statusCode).toBe(200);
      now += 8 * 60 * 60_000 + 1; // idle too long
      expect((await d.inject('/api/suggestions')).statusCode).toBe(401);

      const e = await signInAs(app, u);
      // Used every 7 hours (never idle too long), it still ends 7 days (24 × 7 h) after sign-in.
      const statuses: number[] = [];
      for (let step = 0; step < 24; step += 1) {
        now += 7 * 60 * 60_000;
        statuses.push((await e.inject('/api/suggestions')).statusCode);
      }
      expect(statuses).toEqual([...Array(23).fill(200), 401]);

      const admin = await signIn(app, t.ctx, 'admin');
      const f = await signInAs(app, u);
      const version = (await admin.inject(`/api/users/${u.id}`)).headers.etag as string;
      const disabled = await admin.inject({ method: 'PATCH', url: `/api/users/${u.id}`, payload: { disabled: true }, headers: { 'if-match': version } });
      expect(disabled.json().disabled).toBe(true);
      expect((await f.inject('/api/suggestions')).statusCode).toBe(401);
      expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(401);
    });

    it('lets users change their own password, ending their other sessions', async () => {
      const u = await createTestUser(t.ctx, 'contributor');
      const here = await signInAs(app, u);
      const elsewhere = await signInAs(app, u);
      const wrong = await here.inject({ method: 'POST', url: '/api/auth/password', payload: { current: 'nope', password: 'a brand new passphrase' } });
      expect(wrong.statusCode).toBe(400);
      const ok = await here.inject({ method: 'POST', url: '/api/auth/password', payload: { current: TEST_PASSWORD, password: 'a brand new passphrase' } });
      expect(ok.statusCode).toBe(200);
      expect((await here.inject('/api/suggestions')).statusCode).toBe(200);
      expect((await elsewhere.inject('/api/suggestions')).statusCode).toBe(401);
      expect((await login(u.email, 'a brand new passphrase')).statusCode).toBe(200);
    });

    it('admins manage accounts; the last admin cannot be demoted; every change is audited without secrets', async () => {
      const admins = await t.db.kysely.selectFrom('users').select('id').where('role', '=', 'admin').execute();
      const admin = await signInAs(app, { ...(await createTestUser(t.ctx, 'viewer')) });
      expect((await admin.inject('/api/users')).statusCode).toBe(403);
      const realAdmin = await signIn(app, t.ctx, 'admin');
      const created = await realAdmin.inject({ method: 'POST', url: '/api/users', payload: { email: 'focal@apt.example', role: 'contributor', units: ['APT'], regions: ['Asia-Pacific'], password: 'a long enough passphrase' } });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ role: 'contributor', units: ['APT'], regions: ['Asia-Pacific'] });
      expect((await realAdmin.inject({ method: 'POST', url: '/api/users', payload: { email: 'focal@apt.example', role: 'viewer' } })).statusCode).toBe(409);
      expect((await realAdmin.inject({ method: 'POST', url: '/api/users', payload: { email: 'short@x.example', role: 'viewer', password: 'short' } })).statusCode).toBe(400);
      const noIfMatch = await realAdmin.inject({ method: 'PATCH', url: `/api/users/${created.json().id}`, payload: { role: 'viewer' } });
      expect(noIfMatch.statusCode).toBe(428);

      // Demote every admin but the one signed in, then try to demote that one too.
      for (const { id } of [...admins, { id: realAdmin.user!.id }]) {
        const etag = (await realAdmin.inject(`/api/users/${id}`)).headers.etag as string;
        const res = await realAdmin.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { role: 'editor' }, headers: { 'if-match': etag } });
        expect(res.statusCode).toBe(id === realAdmin.user!.id ? 409 : 200);
      }
      const rows = await t.db.kysely.selectFrom('audit_log').select(['before', 'after']).where('entity', 'in', ['user', 'token', 'session']).execute();
      const all = JSON.stringify(rows);
      expect(all).not.toMatch(/argon2|password_hash|a long enough passphrase|mdt_[\w-]{43}/);
    });

    it('treats anonymous callers as the public', async () => {
      const anon = anonymous(app);
      expect((await anon.inject('/api/suggestions')).statusCode).toBe(401);
      expect((await anon.inject({ method: 'POST', url: '/api/actions', payload: { title: 'x' } })).statusCode).toBe(401);
      expect((await anon.inject('/api/users')).statusCode).toBe(401);
      expect((await anon.inject('/api/actions')).statusCode).toBe(200);
    });
  });
}
