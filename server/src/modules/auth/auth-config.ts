/** Sign-in settings, from the environment (documented in README) with safe defaults. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Role of accounts created on their first single sign-on. */
  defaultRole: 'admin' | 'editor' | 'contributor' | 'viewer';
}

export interface AuthConfig {
  /** A session unused for this long ends (a forgotten browser on a shared machine). */
  sessionIdleMs: number;
  /** A session ends this long after sign-in whatever happens, so a stolen cookie does not live forever. */
  sessionMaxMs: number;
  /** Failed passwords in a row before an account is locked, and for how long. */
  maxFailures: number;
  lockoutMs: number;
  /** Failed sign-ins from one address within the window before that address must wait. */
  ipMaxFailures: number;
  ipWindowMs: number;
  oidc: OidcSettings | null;
}

const MINUTE = 60_000;

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return n;
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return {
    sessionIdleMs: positive(env.MANDATE_SESSION_IDLE_MINUTES, 8 * 60, 'MANDATE_SESSION_IDLE_MINUTES') * MINUTE,
    sessionMaxMs: positive(env.MANDATE_SESSION_MAX_DAYS, 7, 'MANDATE_SESSION_MAX_DAYS') * 24 * 60 * MINUTE,
    maxFailures: 5,
    lockoutMs: 15 * MINUTE,
    ipMaxFailures: 30,
    ipWindowMs: 15 * MINUTE,
    oidc: oidcFromEnv(env),
  };
}

function oidcFromEnv(env: NodeJS.ProcessEnv): OidcSettings | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret, OIDC_REDIRECT_URI: redirectUri } = env;
  if (!issuer) return null;
  if (!clientId || !clientSecret || !redirectUri) throw new Error('OIDC_ISSUER is set: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI are needed too');
  const role = env.OIDC_DEFAULT_ROLE ?? 'viewer';
  if (!['admin', 'editor', 'contributor', 'viewer'].includes(role)) throw new Error(`OIDC_DEFAULT_ROLE must be admin, editor, contributor or viewer, not "${role}"`);
  return { issuer, clientId, clientSecret, redirectUri, defaultRole: role as OidcSettings['defaultRole'] };
}

/** Behind a reverse proxy that terminates TLS, trust its X-Forwarded-* headers (client address, https). */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true', 'yes'].includes((env.MANDATE_TRUST_PROXY ?? '').toLowerCase());
}
