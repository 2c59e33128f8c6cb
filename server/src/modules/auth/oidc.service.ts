import * as oidc from 'openid-client';
import type { User } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { withCaller } from '../../http/context.ts';
import { HttpProblem } from '../../http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthConfig, OidcSettings } from './auth-config.ts';
import { forbidden } from './policy.ts';
import { openSession, type NewSession } from './sessions.service.ts';
import { findUserByEmail, findUserBySubject, scopesOf, updateUserRow } from './users.repository.ts';
import { actorOf, createUserIn, loadUser } from './users.service.ts';

/** What must survive the round trip to the provider, kept in a short-lived HttpOnly cookie. */
export interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** One discovery per process, retried after a failure (the provider may start after us). */
export function oidcClient(settings: OidcSettings) {
  let config: Promise<oidc.Configuration> | undefined;
  const discover = () => {
    const issuer = new URL(settings.issuer);
    // Plain http only for a provider on this machine (development, the test suite); anything else must be https.
    const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
    // client_secret_basic: the method every OAuth server must support (RFC 6749 §2.3.1).
    config ??= oidc.discovery(issuer, settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), insecure ? { execute: [oidc.allowInsecureRequests] } : undefined).catch((err: unknown) => {
      config = undefined;
      throw err;
    });
    return config;
  };

  return {
    /** Where to send the browser, and what to remember until it comes back. */
    async start(): Promise<{ url: string; pending: OidcPending }> {
      const cfg = await discover();
      const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, pending };
    },

    /** Exchanges the code (checking state, nonce and PKCE) and returns the ID token's claims. */
    async finish(callbackQuery: string, pending: OidcPending) {
      const cfg = await discover();
      const current = new URL(settings.redirectUri);
      current.search = callbackQuery;
      const tokens = await oidc.authorizationCodeGrant(cfg, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      // Conformant providers put scope-requested claims (email, name) in the UserInfo
      // response rather than the ID token; ask it when the ID token lacks them.
      if (claims.email !== undefined) return claims;
      const info = await oidc.fetchUserInfo(cfg, tokens.access_token, claims.sub);
      return { ...info, ...claims, email: info.email, email_verified: info.email_verified, name: claims.name ?? info.name };
    },
  };
}

export interface OidcClaims {
  iss: string;
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

/**
 * Signs in the person the provider vouched for: the account already linked to
 * (issuer, subject); else the account with the same email if the provider says
 * that email is verified (and links it); else a new account with the default role.
 */
export async function signInWithOidc(ctx: AppContext, cfg: AuthConfig, claims: OidcClaims, meta: { ip: string; userAgent: string }): Promise<{ user: User; session: NewSession }> {
  const settings = cfg.oidc!;
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  const verified = claims.email_verified === true;
  const sso = withCaller(ctx, { ...ctx.caller, actor: { ...ctx.caller.actor, label: `single sign-on (${new URL(settings.issuer).host})` } });
  return ctx.db.kysely.transaction().execute(async (trx) => {
    let row = await findUserBySubject(trx, claims.iss, claims.sub);
    if (!row && email) {
      const byEmail = await findUserByEmail(trx, email);
      if (byEmail && !verified) throw forbidden(`An account for ${email} exists, but the provider has not verified that address; ask an admin to link it.`);
      if (byEmail && byEmail.oidc_subject !== null) throw forbidden(`The account for ${email} is linked to another single sign-on identity.`);
      if (byEmail) {
        const before = await loadUser(trx, byEmail.id);
        await updateUserRow(trx, byEmail.id, { oidc_issuer: claims.iss, oidc_subject: claims.sub, updated_at: ctx.now() });
        await recordAudit(trx, sso, { entity: 'user', entityId: byEmail.id, action: 'update', before, after: await loadUser(trx, byEmail.id) });
        row = await findUserBySubject(trx, claims.iss, claims.sub);
      }
    }
    if (!row) {
      if (!email) throw new HttpProblem(400, 'Bad request', 'The single sign-on provider sent no email address; Mandate needs one to create the account.');
      const name = typeof claims.name === 'string' ? claims.name.slice(0, 200) : '';
      const created = await createUserIn(trx, sso, { email, name, role: settings.defaultRole, units: [], regions: [], oidcIssuer: claims.iss, oidcSubject: claims.sub });
      row = await findUserBySubject(trx, claims.iss, claims.sub);
      if (!row) throw new Error(`user ${created.id} vanished`);
    }
    if (row.disabled === 1) throw forbidden('This account is disabled.');
    const actor = actorOf(row, (await scopesOf(trx, [row.id])).get(row.id)!);
    const session = await openSession(trx, ctx, actor, cfg, { ...meta, method: 'oidc' });
    return { user: await loadUser(trx, row.id), session };
  });
}
