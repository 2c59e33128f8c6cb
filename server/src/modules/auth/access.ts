import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { HttpProblem } from '../../http/problem.ts';
import { ANONYMOUS, type Actor, type Role } from './actor.ts';
import type { AuthConfig } from './auth-config.ts';
import { forbidden, hasRole, unauthorized } from './policy.ts';
import { safeEqual } from './secrets.ts';
import { resolveSession, SESSION_COOKIE } from './sessions.service.ts';
import { tokenActor } from './tokens.service.ts';

/**
 * What a route declares about who may call it. The services enforce the real
 * rules; this is the first, coarse gate and the map the role-matrix test
 * checks. 'self' = any signed-in user acting on their own account.
 */
export const ROUTE_POLICIES = ['public', 'self', 'viewer', 'contributor', 'editor', 'admin'] as const;
export type RoutePolicy = (typeof ROUTE_POLICIES)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    /** How the caller proved who they are, and the session's CSRF token when it was a cookie. */
    auth: { via: 'none' | 'session' | 'token'; sessionId?: string; csrfToken?: string };
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MIN_ROLE: Record<Exclude<RoutePolicy, 'public'>, Role> = { self: 'viewer', viewer: 'viewer', contributor: 'contributor', editor: 'editor', admin: 'admin' };

/** Decides who the caller is: a Bearer token, else a session cookie, else the anonymous public. */
export function createIdentify(base: AppContext, cfg: AuthConfig) {
  return async (req: FastifyRequest): Promise<Actor> => {
    req.auth = { via: 'none' };
    // The web app's files need no identity; sparing them the lookups keeps page loads fast.
    if (!req.url.startsWith('/api/')) return ANONYMOUS;
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const actor = m ? await tokenActor(base, m[1]!) : null;
      // A bad token is an error, not "anonymous": a script with an expired token must hear about it.
      if (!actor) throw unauthorized('The API token is missing, malformed, expired or revoked.');
      req.auth = { via: 'token' };
      return actor;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      const session = await resolveSession(base, cookie, cfg);
      if (session) {
        req.auth = { via: 'session', sessionId: session.id, csrfToken: session.csrfToken };
        return session.actor;
      }
    }
    return ANONYMOUS;
  };
}

/**
 * Installs the gates every /api route goes through: a startup check that each
 * route declares a policy, then per request CSRF for cookie-authenticated
 * writes and the route's policy (role and token scope).
 */
export function installAccessControl(app: FastifyInstance) {
  app.decorateRequest('auth', null as unknown as FastifyRequest['auth']);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const policy = (route.config as { policy?: string } | undefined)?.policy;
    if (!policy || !(ROUTE_POLICIES as readonly string[]).includes(policy)) {
      throw new Error(`${String(route.method)} ${route.url} declares no access policy: add config: { policy: ${ROUTE_POLICIES.map((p) => `'${p}'`).join(' | ')} }`);
    }
  });
  app.addHook('onRequest', async (req) => {
    const policy = req.routeOptions.config?.policy;
    if (!policy) return; // not an API route (web app files, unknown paths)
    if (req.auth.via === 'session' && !SAFE_METHODS.has(req.method)) checkCsrf(req);
    checkPolicy(req.ctx.caller.actor, policy, req.method);
  });
  // RFC 9110: a 401 names the scheme that would work.
  app.addHook('onSend', async (req, reply) => {
    if (reply.statusCode === 401 && !reply.hasHeader('www-authenticate')) reply.header('www-authenticate', 'Bearer realm="mandate"');
  });
}

/** Another site can make the browser send our cookie, but cannot read the token to send with it. */
function checkCsrf(req: FastifyRequest) {
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !req.auth.csrfToken || !safeEqual(sent, req.auth.csrfToken)) {
    throw new HttpProblem(403, 'Forbidden', 'Missing or wrong X-CSRF-Token header: reload the page and try again.');
  }
}

function checkPolicy(actor: Actor, policy: RoutePolicy, method: string) {
  if (policy === 'public') return;
  if (actor.kind === 'anonymous') throw unauthorized();
  if (!hasRole(actor, MIN_ROLE[policy])) throw forbidden(`Your role (${actor.role}) does not allow this.`);
  if (actor.scopes) {
    if (!SAFE_METHODS.has(method) && !actor.scopes.includes('write')) throw forbidden('This API token is read-only (it lacks the "write" scope).');
    if (policy === 'admin' && !actor.scopes.includes('admin')) throw forbidden('This API token lacks the "admin" scope.');
  }
}
