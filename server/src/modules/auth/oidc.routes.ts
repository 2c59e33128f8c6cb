import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpProblem } from '../../http/problem.ts';
import type { AuthConfig } from './auth-config.ts';
import { setSessionCookies } from './cookies.ts';
import { oidcClient, signInWithOidc, type OidcClaims, type OidcPending } from './oidc.service.ts';

const PENDING_COOKIE = 'mandate_oidc';
const PENDING_PATH = '/api/auth/oidc';
const tags = ['auth'];

const notConfigured = () => new HttpProblem(404, 'Not found', 'Single sign-on is not configured on this server (set OIDC_ISSUER and friends).');

export function oidcRoutes(cfg: AuthConfig): FastifyPluginAsyncZod {
  const client = cfg.oidc ? oidcClient(cfg.oidc) : null;
  return async (app) => {
    app.get('/auth/oidc/login', {
      config: { policy: 'public' },
      schema: { tags, summary: 'Start single sign-on: redirects to the OpenID Connect provider' },
      handler: async (req, reply) => {
        if (!client) throw notConfigured();
        const { url, pending } = await client.start();
        reply.setCookie(PENDING_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
          path: PENDING_PATH,
          httpOnly: true,
          // Lax: the provider's redirect back is a top-level GET, which Lax cookies accompany.
          sameSite: 'lax',
          secure: req.protocol === 'https',
          maxAge: 600,
        });
        return reply.redirect(url, 302);
      },
    });

    app.get('/auth/oidc/callback', {
      config: { policy: 'public' },
      schema: { tags, summary: 'Where the provider sends the browser back; signs in and redirects to the app' },
      handler: async (req, reply) => {
        if (!client) throw notConfigured();
        const pending = readPending(req.cookies[PENDING_COOKIE]);
        reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
        const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        let claims: OidcClaims;
        try {
          if (!pending) throw new Error('no sign-on in progress in this browser (or it took longer than 10 minutes)');
          claims = (await client.finish(query, pending)) as OidcClaims;
        } catch (err) {
          // The reason goes to the log (no secrets in it); the browser goes back to the sign-in page.
          req.log.warn({ reason: err instanceof Error ? err.message : String(err) }, 'single sign-on failed');
          return reply.redirect('/sign-in?sso=failed', 302);
        }
        try {
          const { session } = await signInWithOidc(req.ctx, cfg, claims, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
          setSessionCookies(req, reply, session);
          return reply.redirect('/', 302);
        } catch (err) {
          // A refusal (unverified email, disabled account) is for the person: the sign-in page shows it.
          if (!(err instanceof HttpProblem)) throw err;
          return reply.redirect(`/sign-in?sso=failed&reason=${encodeURIComponent(err.detail ?? err.title)}`, 302);
        }
      },
    });
  };
}

function readPending(raw: string | undefined): OidcPending | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Partial<OidcPending>;
    return typeof v.state === 'string' && typeof v.nonce === 'string' && typeof v.verifier === 'string' ? (v as OidcPending) : null;
  } catch {
    return null;
  }
}
