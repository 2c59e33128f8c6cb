import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiToken, createdToken, idParam, page, tokenInput } from '@mandate/shared';
import { assertSignedIn } from './policy.ts';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';

const tags = ['accounts'];

/** Your own API tokens. Admins manage anyone's through the CLI (`mandate tokens`). */
export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/tokens', {
    config: { policy: 'self' },
    schema: { tags, summary: 'Your API tokens (never their secrets)', response: { 200: page(apiToken) } },
    handler: async (req) => {
      const items = await listTokens(req.ctx, assertSignedIn(req.ctx));
      return { items, total: items.length };
    },
  });

  app.post('/tokens', {
    config: { policy: 'self' },
    schema: { tags, summary: 'Create an API token; the answer is the only time its secret is shown', body: tokenInput, response: { 201: createdToken } },
    handler: async (req, reply) => {
      reply.code(201);
      return createToken(req.ctx, assertSignedIn(req.ctx), req.body);
    },
  });

  app.delete('/tokens/:id', {
    config: { policy: 'self' },
    schema: { tags, summary: 'Revoke one of your API tokens', params: idParam, response: { 200: apiToken } },
    handler: (req) => revokeToken(req.ctx, req.params.id),
  });
};
