import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { documentDiff, documentDiffQuery, documentLineage, idParam } from '@mandate/shared';
import { diffDocuments, getLineage } from './lineage.service.ts';

export const lineageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/documents/:id/lineage', {
    config: { policy: 'public' },
    schema: { tags: ['library'], summary: 'The revisions of a document (same body, kind and number), newest first', params: idParam, response: { 200: documentLineage } },
    handler: (req) => getLineage(req.ctx, req.params.id),
  });

  app.get('/documents/:id/diff', {
    config: { policy: 'public' },
    schema: {
      tags: ['library'],
      summary: 'Clause-by-clause and word-level differences from another document (default: the previous revision), older to newer',
      params: idParam,
      querystring: documentDiffQuery,
      response: { 200: documentDiff },
    },
    handler: (req) => diffDocuments(req.ctx, req.params.id, req.query.against),
  });
};
