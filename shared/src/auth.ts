import { z } from 'zod';
import { isoDateInput } from './common.ts';

/** Roles a user account can hold; "public" is what anonymous visitors get and is never assigned. */
export const USER_ROLES = ['admin', 'editor', 'contributor', 'viewer'] as const;
export const userRole = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRole>;

/** What an API token may do, on top of (never beyond) its owner's role. */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export const tokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof tokenScope>;

/** Loose on purpose: local installs use addresses such as admin@localhost, which strict validators refuse. */
const email = z.string().trim().toLowerCase().max(320).regex(/^[^\s@]+@[^\s@]+$/, 'expected an email address');
/** Long passphrases beat complexity rules (NIST SP 800-63B): at least 12 characters, no composition rules. */
const password = z.string().min(12, 'at least 12 characters').max(1024);
const scopeValues = z.array(z.string().trim().min(1).max(200)).max(100);

export const user = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: userRole,
  /** Contributors: responsible units (organisation names or acronyms) they act for. */
  units: z.array(z.string()),
  /** Contributors: regions of the responsible organisations they act for. */
  regions: z.array(z.string()),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  /** Signs in through single sign-on (may also have a password). */
  sso: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof user>;

export const userInput = z.object({
  email,
  name: z.string().trim().max(200).default(''),
  role: userRole,
  units: scopeValues.default([]),
  regions: scopeValues.default([]),
  /** Without one the account can only sign in through single sign-on (or after an admin sets one). */
  password: password.optional(),
});
export type UserInput = z.infer<typeof userInput>;

export const userPatch = z.object({
  name: z.string().trim().max(200),
  role: userRole,
  units: scopeValues,
  regions: scopeValues,
  /** Disabling also signs the user out everywhere and stops their tokens. */
  disabled: z.boolean(),
  password,
}).partial();
export type UserPatch = z.infer<typeof userPatch>;

export const loginInput = z.object({ email, password: z.string().min(1).max(1024) });
export type LoginInput = z.infer<typeof loginInput>;

export const passwordChange = z.object({ current: z.string().min(1).max(1024), password });

/** Who the browser is: the signed-in user (null for anonymous visitors) and what the web app needs to act. */
export const me = z.object({
  user: user.nullable(),
  /** Send back as X-CSRF-Token on every POST/PATCH/PUT/DELETE made with the session cookie. */
  csrfToken: z.string().nullable(),
  /** Whether "Sign in with single sign-on" is offered. */
  sso: z.boolean(),
});
export type Me = z.infer<typeof me>;

export const apiToken = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The first characters of the token, enough to recognise it in a list; never the secret. */
  prefix: z.string(),
  scopes: z.array(tokenScope),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const tokenInput = z.object({
  name: z.string().trim().max(200).default(''),
  scopes: z.array(tokenScope).min(1).max(3).default(['read']),
  /** A date (YYYY-MM-DD, end of that day UTC) or null for a token that never expires. */
  expiresAt: isoDateInput.nullable().default(null),
});
export type TokenInput = z.infer<typeof tokenInput>;

/** Returned once, at creation: the secret is not stored and cannot be shown again. */
export const createdToken = apiToken.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof createdToken>;
