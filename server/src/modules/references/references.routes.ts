import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { documentCitations, idParam, referenceExportQuery, referencePage, referenceQuery } from '@mandate/shared';
import { getDocumentCitations } from './document-citations.service.ts';
import { referencesCsv } from './references-export.ts';
import { findReferences, resolveReferences } from './references.service.ts';

/** Anonymous callers are served too: services narrow everything to public documents. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['references'];
  app.get('/references', {
    config: { policy: 'public' },
    schema: {
      tags,
      summary: 'Citations found in the library, resolved now: e.g. ?status=outdated,unknown for texts citing superseded revisions or texts the library lacks',
      querystring: referenceQuery,
      response: { 200: referencePage },
    },
    handler: (req) => findReferences(req.ctx, req.query),
  });

  app.get('/references/export', {
    config: { policy: 'public' },
    schema: { tags, summary: 'The same report as a CSV file (all matches, no paging)', querystring: referenceExportQuery, produces: ['text/csv'] },
    handler: async (req, reply) => {
      const { format: _format, ...filter } = req.query;
      const { items } = await resolveReferences(req.ctx, filter);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="references-${stamp}.csv"`).send(referencesCsv(items));
    },
  });

  app.get('/documents/:id/citations', {
    config: { policy: 'public' },
    schema: { tags, summary: 'What a document cites and what cites it (or an older revision of it)', params: idParam, response: { 200: documentCitations } },
    handler: (req) => getDocumentCitations(req.ctx, req.params.id),
  });
};
