import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { withCaller } from './context.ts';
import type { Actor } from '../modules/auth/actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The application context acting for this request's caller. */
    ctx: AppContext;
  }
}

/**
 * Gives every request its own context. `identify` decides who the caller is;
 * until accounts exist every request acts as the local operator.
 */
export function installRequestContext(app: FastifyInstance, base: AppContext, identify: (req: import('fastify').FastifyRequest) => Promise<Actor> | Actor) {
  app.decorateRequest('ctx', null as unknown as AppContext);
  app.addHook('onRequest', async (req, reply) => {
    // The id the audit trail records for this request's changes: clients and support can quote it.
    reply.header('x-request-id', req.id);
    req.ctx = withCaller(base, { actor: await identify(req), requestId: req.id });
  });
}
