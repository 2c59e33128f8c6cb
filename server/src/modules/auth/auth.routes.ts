import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginInput, me, passwordChange, user } from '@mandate/shared';
import { z } from 'zod';
import type { AuthConfig } from './auth-config.ts';
import { changeOwnPassword, currentUser } from './me.service.ts';
import { login, TooManyAttempts, type LoginGuard } from './login.service.ts';
import { closeAllSessions, closeSession } from './sessions.service.ts';
import { clearSessionCookies, setSessionCookies } from './cookies.ts';
import { assertSignedIn } from './policy.ts';
import { oidcRoutes } from './oidc.routes.ts';

const tags = ['auth'];
const signedIn = z.object({ user, csrfToken: z.string() });

export function authRoutes(cfg: AuthConfig, guard: LoginGuard): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/auth/me', {
      config: { policy: 'public' },
      schema: { tags, summary: 'Who is signed in (null for anonymous visitors) and the CSRF token to send back', response: { 200: me } },
      handler: async (req) => ({
        user: await currentUser(req.ctx),
        csrfToken: req.auth.csrfToken ?? null,
        sso: cfg.oidc !== null,
      }),
    });

    app.post('/auth/login', {
      config: { policy: 'public' },
      schema: { tags, summary: 'Sign in with email and password; sets the session cookie', body: loginInput, response: { 200: signedIn } },
      handler: async (req, reply) => {
        try {
          const { user: u, session } = await login(req.ctx, cfg, guard, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
          setSessionCookies(req, reply, session);
          return { user: u, csrfToken: session.csrfToken };
        } catch (err) {
          if (err instanceof TooManyAttempts) reply.header('retry-after', String(err.retryAfter));
          throw err;
        }
      },
    });

    app.post('/auth/logout', {
      config: { policy: 'self' },
      schema: { tags, summary: 'Sign out of this browser' },
      handler: async (req, reply) => {
        assertSignedIn(req.ctx);
        if (req.auth.sessionId) await closeSession(req.ctx, req.auth.sessionId);
        clearSessionCookies(reply);
        return reply.code(204).send();
      },
    });

    app.post('/auth/logout-all', {
      config: { policy: 'self' },
      schema: { tags, summary: 'Sign out everywhere: ends every session of this user (API tokens stay)', response: { 200: z.object({ sessionsEnded: z.number().int() }) } },
      handler: async (req, reply) => {
        const n = await closeAllSessions(req.ctx, assertSignedIn(req.ctx));
        clearSessionCookies(reply);
        return { sessionsEnded: n };
      },
    });

    app.post('/auth/password', {
      config: { policy: 'self' },
      schema: { tags, summary: 'Change your own password (ends your other sessions)', body: passwordChange, response: { 200: user } },
      handler: (req) => changeOwnPassword(req.ctx, req.body, req.auth.sessionId),
    });

    await app.register(oidcRoutes(cfg));
  };
}
