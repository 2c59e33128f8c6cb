import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TokenScope, UserRole } from '@mandate/shared';
import type { AppContext } from '../http/context.ts';
import { createUserIn } from '../modules/auth/users.service.ts';
import { createToken } from '../modules/auth/tokens.service.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

let seq = 0;

export interface TestUser {
  id: number;
  email: string;
  password: string;
}

/** A real account in the test database (through the same service the API and CLI use). */
export async function createTestUser(ctx: AppContext, role: UserRole, scope: { units?: string[]; regions?: string[]; email?: string } = {}): Promise<TestUser> {
  const email = scope.email ?? `${role}-${process.pid}-${(seq += 1)}@test.example`;
  const u = await ctx.db.kysely.transaction().execute((trx) =>
    createUserIn(trx, ctx, { email, name: role, role, units: scope.units ?? [], regions: scope.regions ?? [], password: TEST_PASSWORD }),
  );
  return { id: u.id, email, password: TEST_PASSWORD };
}

/** Requests made as one caller: their credentials are added to every request. */
export interface Caller {
  headers: Record<string, string>;
  user: TestUser | null;
  inject(opts: InjectOptions | string): Promise<LightMyRequestResponse>;
}

export function callerWith(app: FastifyInstance, headers: Record<string, string>, user: TestUser | null): Caller {
  return {
    headers,
    user,
    inject: (opts) => {
      const o: InjectOptions = typeof opts === 'string' ? { url: opts } : opts;
      return app.inject({ ...o, headers: { ...headers, ...(o.headers as Record<string, string> | undefined) } });
    },
  };
}

/** Reads the Set-Cookie headers of a response into one Cookie header. */
export function cookieHeader(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((c) => String(c).split(';')[0]).join('; ');
}

/** Signs in through POST /api/auth/login like the web app does: session cookie plus X-CSRF-Token. */
export async function signInAs(app: FastifyInstance, user: TestUser): Promise<Caller> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${user.email} failed: ${res.statusCode} ${res.body}`);
  return callerWith(app, { cookie: cookieHeader(res), 'x-csrf-token': res.json().csrfToken }, user);
}

/** A new account of that role, signed in with a real session. */
export async function signIn(app: FastifyInstance, ctx: AppContext, role: UserRole, scope: { units?: string[]; regions?: string[] } = {}): Promise<Caller> {
  return signInAs(app, await createTestUser(ctx, role, scope));
}

/** A new account of that role calling with a real API token (Authorization: Bearer). */
export async function withToken(app: FastifyInstance, ctx: AppContext, role: UserRole, scopes: TokenScope[] = ['read', 'write']): Promise<Caller> {
  const user = await createTestUser(ctx, role);
  const { token } = await createToken(ctx, user.id, { name: 'test', scopes, expiresAt: null });
  return callerWith(app, { authorization: `Bearer ${token}` }, user);
}

export const anonymous = (app: FastifyInstance): Caller => callerWith(app, {}, null);
