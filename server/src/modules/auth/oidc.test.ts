import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { openSqliteTestDb, type TestDb } from '../../test-support/test-db.ts';
import { cookieHeader, createTestUser } from '../../test-support/auth.ts';

/** People the local OpenID provider knows, by login name. */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean; name: string }> = {
  alice: { email: 'alice@member-state.example', email_verified: true, name: 'Alice Delegate' },
  bob: { email: 'bob@itu.example', email_verified: true, name: 'Bob Counsellor' },
  mallory: { email: 'carol@itu.example', email_verified: false, name: 'Not Carol' },
};
const REDIRECT = 'http://localhost:3000/api/auth/oidc/callback';

/**
 * Single sign-on against a real OpenID Connect provider (npm oidc-provider)
 * started here on a loopback port; the browser is played by plain HTTP
 * requests that follow redirects and submit the provider's login and consent forms.
 */
describe('single sign-on with OpenID Connect', () => {
  let idp: http.Server;
  let t: TestDb;
  let app: FastifyInstance;

  beforeAll(async () => {
    idp = http.createServer();
    await new Promise<void>((r) => idp.listen(0, '127.0.0.1', r));
    const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'mandate', client_secret: 'a client secret for the tests only', redirect_uris: [REDIRECT], grant_types: ['authorization_code'], response_types: ['code'] }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: (_ctx, id) => (ACCOUNTS[id] ? { accountId: id, claims: () => ({ sub: `sub-${id}`, ...ACCOUNTS[id] }) } : undefined),
      cookies: { keys: ['cookie signing key for the tests'] },
      pkce: { required: () => true },
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    });
    idp.on('request', provider.callback());
    t = await openSqliteTestDb();
    app = await buildApp(t.ctx, {
      webDist: '/nonexistent',
      auth: { oidc: { issuer, clientId: 'mandate', clientSecret: 'a client secret for the tests only', redirectUri: REDIRECT, defaultRole: 'viewer' } },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
    idp?.closeAllConnections();
    await new Promise((r) => idp?.close(r));
  });

  /** Plays the browser: Mandate's login route → provider login form → consent → back to Mandate's callback. */
  async function signOn(login: string, tamper?: (callbackPath: string) => string) {
    const start = await app.inject({ url: '/api/auth/oidc/login' });
    expect(start.statusCode).toBe(302);
    const appCookies = cookieHeader(start);
    const jar = new Map<string, string>();
    let url = start.headers.location as string;
    expect(url).toMatch(/code_challenge_method=S256/);
    for (let hops = 0; hops < 20 && !url.startsWith(REDIRECT); hops += 1) {
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, v] = pair!.split('=');
        jar.set(k!, v ?? '');
      }
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url).href;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`unexpected page from the provider (${res.status}): ${html.slice(0, 300)}`);
      const submit = await fetch(new URL(action, url), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
        body: new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt }).toString(),
      });
      for (const c of submit.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, v] = pair!.split('=');
        jar.set(k!, v ?? '');
      }
      url = new URL(submit.headers.get('location')!, url).href;
    }
    expect(url.startsWith(REDIRECT)).toBe(true);
    let path = url.slice('http://localhost:3000'.length);
    if (tamper) path = tamper(path);
    return app.inject({ url: path, headers: { cookie: appCookies } });
  }

  const me = async (res: { headers: Record<string, unknown> }) => (await app.inject({ url: '/api/auth/me', headers: { cookie: cookieHeader(res) } })).json();

  it('creates an account with the default role on first sign-on, and finds it again by issuer and subject', async () => {
    const res = await signOn('alice');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location, String(res.headers.location)).toBe('/');
    const who = await me(res);
    expect(who.user).toMatchObject({ email: 'alice@member-state.example', name: 'Alice Delegate', role: 'viewer', sso: true });
    const again = await me(await signOn('alice'));
    expect(again.user.id).toBe(who.user.id);
    expect(await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'alice@member-state.example').execute()).toHaveLength(1);
    const trail = await t.db.kysely.selectFrom('audit_log').select(['entity', 'action', 'after']).where('entity', '=', 'session').execute();
    expect(trail.filter((a) => JSON.parse(a.after ?? '{}').method === 'oidc')).toHaveLength(2);
  });

  it('links an existing account by verified email, keeping its role', async () => {
    const bob = await createTestUser(t.ctx, 'editor', { email: 'bob@itu.example' });
    const who = await me(await signOn('bob'));
    expect(who.user).toMatchObject({ id: bob.id, role: 'editor', sso: true });
  });

  it('refuses to link on an unverified email, and a tampered state', async () => {
    await createTestUser(t.ctx, 'admin', { email: 'carol@itu.example' });
    const unverified = await signOn('mallory');
    expect(unverified.statusCode).toBe(302);
    expect(unverified.headers.location).toMatch(/^\/sign-in\?sso=failed/);
    expect(cookieHeader(unverified)).not.toMatch(/mandate_session=\w/);

    const forged = await signOn('alice', (p) => p.replace(/state=[^&]+/, 'state=forged'));
    expect(forged.headers.location).toMatch(/^\/sign-in\?sso=failed/);
    expect(cookieHeader(forged)).not.toMatch(/mandate_session=\w/);
  });

  it('says so when single sign-on is not configured', async () => {
    const plain = await buildApp(t.ctx, { webDist: '/nonexistent', auth: { oidc: null } });
    expect((await plain.inject({ url: '/api/auth/oidc/login' })).statusCode).toBe(404);
    expect((await plain.inject({ url: '/api/auth/me' })).json().sso).toBe(false);
    await plain.close();
  });
});
