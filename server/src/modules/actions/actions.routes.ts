import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actionDetail, actionInput, actionPatch, actionQuery, actionSummary, idParam, page, updateInput } from '@mandate/shared';
import { badRequest } from '../../http/problem.ts';
import { addUpdate, createAction, findActions, getAction, patchAction } from './actions.service.ts';

/** Weak validators are enough: the version number is the whole identity of a state. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Reads If-Match ("3" or W/"3"); undefined when absent. "*" means any version. */
export function expectedVersion(req: FastifyRequest): number | undefined {
  const h = req.headers['if-match'];
  if (h === undefined || h.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(h);
  if (!m) throw badRequest('If-Match must be an ETag from a previous response, e.g. "3".', [{ location: 'header.if-match', message: 'malformed' }]);
  return Number(m[1]);
}

function withEtag<T extends { version: number }>(reply: FastifyReply, body: T): T {
  reply.header('etag', etagOf(body.version));
  return body;
}

export const actionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/actions', {
    schema: { tags: ['action plan'], summary: 'List, filter, sort and search action items', querystring: actionQuery, response: { 200: page(actionSummary) } },
    handler: (req) => findActions(req.ctx, req.query),
  });

  app.get('/actions/:id', {
    schema: { tags: ['action plan'], summary: 'An action item with its sources and timeline', params: idParam, response: { 200: actionDetail } },
    handler: async (req, reply) => withEtag(reply, await getAction(req.ctx, req.params.id)),
  });

  app.post('/actions', {
    schema: { tags: ['action plan'], summary: 'Create an action item', body: actionInput, response: { 201: actionDetail } },
    handler: async (req, reply) => {
      const created = await createAction(req.ctx, req.body);
      reply.code(201).header('location', `/api/actions/${created.id}`);
      return withEtag(reply, created);
    },
  });

  app.patch('/actions/:id', {
    schema: { tags: ['action plan'], summary: 'Change an action item (send If-Match to refuse stale writes)', params: idParam, body: actionPatch, response: { 200: actionDetail } },
    handler: async (req, reply) => withEtag(reply, await patchAction(req.ctx, req.params.id, req.body, expectedVersion(req))),
  });

  app.post('/actions/:id/updates', {
    schema: { tags: ['action plan'], summary: 'Add a progress update (may change status and progress)', params: idParam, body: updateInput, response: { 201: actionDetail } },
    handler: async (req, reply) => withEtag(reply.code(201), await addUpdate(req.ctx, req.params.id, req.body)),
  });
};
