import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import cookie from '@fastify/cookie';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { responseSerializer } from './http/serializer.ts';
import type { AppContext } from './http/context.ts';
import { installProblemHandlers, routeNotFound, sendProblem } from './http/problem.ts';
import { installRequestContext } from './http/request-context.ts';
import { installNulGuard } from './http/refuse-nul.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { documentRoutes } from './modules/library/documents.routes.ts';
import { lineageRoutes } from './modules/lineage/lineage.routes.ts';
import { actionRoutes } from './modules/actions/actions.routes.ts';
import { suggestionRoutes } from './modules/actions/suggestions.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { organisationRoutes } from './modules/organisations/organisations.routes.ts';
import { planRoutes } from './modules/plan-io/plan-io.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { referenceRoutes } from './modules/references/references.routes.ts';
import { streamlineRoutes } from './modules/streamline/streamline.routes.ts';
import { createIdentify, installAccessControl } from './modules/auth/access.ts';
import { authConfigFromEnv, trustProxyFromEnv, type AuthConfig } from './modules/auth/auth-config.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createLoginGuard } from './modules/auth/login.service.ts';
import { tokenRoutes } from './modules/auth/tokens.routes.ts';
import { userRoutes } from './modules/auth/users.routes.ts';

export const VERSION = '0.1.0';
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface AppOptions {
  /** Folder of the built web app; served at / when it exists. */
  webDist?: string;
  logger?: boolean;
  /** Sign-in settings; defaults from the environment (OIDC_*, MANDATE_SESSION_*). */
  auth?: Partial<AuthConfig>;
  /** Trust X-Forwarded-* from a reverse proxy (client address, https); default $MANDATE_TRUST_PROXY. */
  trustProxy?: boolean;
}

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] } : false,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    trustProxy: options.trustProxy ?? trustProxyFromEnv(),
  }).withTypeProvider<ZodTypeProvider>();
  const auth: AuthConfig = { ...authConfigFromEnv(), ...options.auth };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
  installProblemHandlers(app);
  // First of all hooks: a request refused by a later one (401, 403 for CSRF or role) still gets the security headers.
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } },
  });
  // Cookies are parsed before the caller is identified, which reads the session cookie.
  await app.register(cookie);
  installRequestContext(app, ctx, createIdentify(ctx, auth));
  // After the caller is known: CSRF and each route's declared policy; routes without one fail here at startup.
  installAccessControl(app);
  installNulGuard(app);

  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 200 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Mandate API', version: VERSION, description: 'Resolutions library and action plan.' },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes(VERSION));
      await api.register(authRoutes(auth, createLoginGuard(auth)));
      await api.register(userRoutes);
      await api.register(tokenRoutes);
      await api.register(documentRoutes);
      await api.register(lineageRoutes);
      await api.register((await import('./modules/carry-over/carry-over.routes.ts')).carryOverRoutes);
      await api.register(actionRoutes);
      await api.register(planRoutes);
      await api.register(suggestionRoutes);
      await api.register(dashboardRoutes);
      await api.register(organisationRoutes);
      await api.register(auditRoutes);
      await api.register(referenceRoutes);
      await api.register(streamlineRoutes);
      await api.register((await import('./modules/overlaps/overlaps.routes.ts')).overlapRoutes(ctx));
      api.get('/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, () => app.swagger());
    },
    { prefix: '/api' },
  );

  const webDist = options.webDist ?? DEFAULT_WEB_DIST;
  const hasWebApp = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWebApp) await app.register(fastifyStatic, { root: webDist, index: ['index.html'] });
  // Unknown non-API paths get the web app's index.html, so client-side routes deep-link.
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (hasWebApp && request.method === 'GET' && !url.startsWith('/api/') && !path.extname(url)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, routeNotFound(request.method, url));
  });
  return app;
}
