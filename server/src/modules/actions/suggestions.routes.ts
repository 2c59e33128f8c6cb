import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptSuggestionInput, actionDetail, idParam, mergeSuggestionInput, page, suggestion, suggestionQuery } from '@mandate/shared';
import { requiredVersion, withEtag } from '../../http/etag.ts';
import { acceptSuggestion, dismissSuggestion, findSuggestions, getSuggestion, mergeSuggestion, reopenSuggestion } from './suggestions.service.ts';

/** Every decision needs If-Match with the suggestion's version (its ETag, or `version` in the list). */
export const suggestionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['suggestions'];
  const version = (req: Parameters<typeof requiredVersion>[0]) => requiredVersion(req, 'suggestion');
  app.get('/suggestions', {
    config: { policy: 'viewer' },
    schema: { tags, summary: 'Action items suggested from operative clauses', querystring: suggestionQuery, response: { 200: page(suggestion) } },
    handler: (req) => findSuggestions(req.ctx, req.query),
  });
  app.get('/suggestions/:id', {
    config: { policy: 'viewer' },
    schema: { tags, summary: 'One suggestion (its ETag is what decisions send in If-Match)', params: idParam, response: { 200: suggestion } },
    handler: async (req, reply) => withEtag(reply, await getSuggestion(req.ctx, req.params.id)),
  });
  app.post('/suggestions/:id/accept', {
    config: { policy: 'editor' },
    schema: { tags, summary: 'Accept (optionally edited) as a new action item', params: idParam, body: acceptSuggestionInput.default({}), response: { 201: actionDetail } },
    handler: async (req, reply) => {
      const created = await acceptSuggestion(req.ctx, req.params.id, req.body ?? {}, version(req));
      reply.code(201).header('location', `/api/actions/${created.id}`);
      return withEtag(reply, created);
    },
  });
  app.post('/suggestions/:id/merge', {
    config: { policy: 'editor' },
    schema: { tags, summary: 'Merge into an existing action item', params: idParam, body: mergeSuggestionInput, response: { 200: actionDetail } },
    handler: async (req, reply) => withEtag(reply, await mergeSuggestion(req.ctx, req.params.id, req.body.actionId, version(req))),
  });
  app.post('/suggestions/:id/dismiss', {
    config: { policy: 'editor' },
    schema: { tags, summary: 'Dismiss', params: idParam, response: { 200: suggestion } },
    handler: async (req, reply) => withEtag(reply, await dismissSuggestion(req.ctx, req.params.id, version(req))),
  });
  app.post('/suggestions/:id/reopen', {
    config: { policy: 'editor' },
    schema: { tags, summary: 'Undo a dismissal', params: idParam, response: { 200: suggestion } },
    handler: async (req, reply) => withEtag(reply, await reopenSuggestion(req.ctx, req.params.id, version(req))),
  });
};
