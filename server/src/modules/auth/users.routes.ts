import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, page, user, userInput, userPatch } from '@mandate/shared';
import { requiredVersion, withEtag } from '../../http/etag.ts';
import { createUser, getUser, listUsers, patchUser } from './users.service.ts';

const tags = ['accounts'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', {
    config: { policy: 'admin' },
    schema: { tags, summary: 'Every account with its role and scope', response: { 200: page(user) } },
    handler: async (req) => {
      const items = await listUsers(req.ctx);
      return { items, total: items.length };
    },
  });

  app.post('/users', {
    config: { policy: 'admin' },
    schema: { tags, summary: 'Create an account', body: userInput, response: { 201: user } },
    handler: async (req, reply) => {
      const created = await createUser(req.ctx, req.body);
      return withEtag(reply.code(201).header('location', `/api/users/${created.id}`), created);
    },
  });

  app.get('/users/:id', {
    config: { policy: 'admin' },
    schema: { tags, summary: 'One account', params: idParam, response: { 200: user } },
    handler: async (req, reply) => withEtag(reply, await getUser(req.ctx, req.params.id)),
  });

  app.patch('/users/:id', {
    config: { policy: 'admin' },
    schema: { tags, summary: 'Change role, scope, name or password; disable or re-enable (If-Match required)', params: idParam, body: userPatch, response: { 200: user } },
    handler: async (req, reply) => withEtag(reply, await patchUser(req.ctx, req.params.id, req.body, requiredVersion(req, 'user'))),
  });
};
