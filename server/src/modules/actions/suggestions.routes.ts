import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptSuggestionInput, actionDetail, idParam, mergeSuggestionInput, page, suggestion, suggestionQuery } from '@mandate/shared';
import { acceptSuggestion, dismissSuggestion, findSuggestions, mergeSuggestion, reopenSuggestion } from './suggestions.service.ts';

export const suggestionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['suggestions'];
  app.get('/suggestions', {
    schema: { tags, summary: 'Action items suggested from operative clauses', querystring: suggestionQuery, response: { 200: page(suggestion) } },
    handler: (req) => findSuggestions(req.ctx, req.query),
  });
  app.post('/suggestions/:id/accept', {
    schema: { tags, summary: 'Accept (optionally edited) as a new action item', params: idParam, body: acceptSuggestionInput.default({}), response: { 201: actionDetail } },
    handler: async (req, reply) => {
      reply.code(201);
      return acceptSuggestion(req.ctx, req.params.id, req.body ?? {});
    },
  });
  app.post('/suggestions/:id/merge', {
    schema: { tags, summary: 'Merge into an existing action item', params: idParam, body: mergeSuggestionInput, response: { 200: actionDetail } },
    handler: (req) => mergeSuggestion(req.ctx, req.params.id, req.body.actionId),
  });
  app.post('/suggestions/:id/dismiss', {
    schema: { tags, summary: 'Dismiss', params: idParam, response: { 200: suggestion } },
    handler: (req) => dismissSuggestion(req.ctx, req.params.id),
  });
  app.post('/suggestions/:id/reopen', {
    schema: { tags, summary: 'Undo a dismissal', params: idParam, response: { 200: suggestion } },
    handler: (req) => reopenSuggestion(req.ctx, req.params.id),
  });
};
