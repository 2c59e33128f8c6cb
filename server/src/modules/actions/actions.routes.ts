import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actionDetail, actionInput, actionPatch, actionQuery, actionSummary, idParam, page, updateInput } from '@mandate/shared';
import { requiredVersion, withEtag } from '../../http/etag.ts';
import { addUpdate, createAction, findActions, getAction, patchAction } from './actions.service.ts';

export const actionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/actions', {
    config: { policy: 'public' },
    schema: { tags: ['action plan'], summary: 'List, filter, sort and search action items', querystring: actionQuery, response: { 200: page(actionSummary) } },
    handler: (req) => findActions(req.ctx, req.query),
  });

  app.get('/actions/:id', {
    config: { policy: 'public' },
    schema: { tags: ['action plan'], summary: 'An action item with its sources and timeline', params: idParam, response: { 200: actionDetail } },
    handler: async (req, reply) => withEtag(reply, await getAction(req.ctx, req.params.id)),
  });

  app.post('/actions', {
    config: { policy: 'editor' },
    schema: { tags: ['action plan'], summary: 'Create an action item', body: actionInput, response: { 201: actionDetail } },
    handler: async (req, reply) => {
      const created = await createAction(req.ctx, req.body);
      reply.code(201).header('location', `/api/actions/${created.id}`);
      return withEtag(reply, created);
    },
  });

  app.patch('/actions/:id', {
    config: { policy: 'contributor' },
    schema: { tags: ['action plan'], summary: 'Change an action item (If-Match required: 428 without, 412 with the current state when stale)', params: idParam, body: actionPatch, response: { 200: actionDetail } },
    handler: async (req, reply) => withEtag(reply, await patchAction(req.ctx, req.params.id, req.body, requiredVersion(req, 'action item'))),
  });

  app.post('/actions/:id/updates', {
    config: { policy: 'contributor' },
    schema: { tags: ['action plan'], summary: 'Add a progress update (may change status and progress; If-Match required)', params: idParam, body: updateInput, response: { 201: actionDetail } },
    handler: async (req, reply) => withEtag(reply.code(201), await addUpdate(req.ctx, req.params.id, req.body, requiredVersion(req, 'action item'))),
  });
};
