import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, SESSION_COOKIE, type NewSession } from './sessions.service.ts';

/** Sets the session cookies: the secret HttpOnly (scripts never see it), the CSRF token readable by the web app. */
export function setSessionCookies(req: FastifyRequest, reply: FastifyReply, s: NewSession) {
  // Secure whenever the browser reached us over TLS (directly or, with MANDATE_TRUST_PROXY, through a proxy).
  const common = { path: '/', sameSite: 'lax' as const, secure: req.protocol === 'https', expires: s.expiresAt };
  reply.setCookie(SESSION_COOKIE, s.secret, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
