import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consolidateExportRequest, consolidateRequest, consolidation } from '@mandate/shared';
import { consolidateDocuments, exportConsolidation } from './streamline.service.ts';

export const streamlineRoutes: FastifyPluginAsyncZod = async (app) => {
  // POST, not GET: the request names up to ten documents, and the answer is computed, not a resource.
  app.post('/streamline/consolidate', {
    config: { policy: 'public' },
    schema: {
      tags: ['streamlining'],
      summary: 'A consolidated draft of 2–10 documents: each shared clause once, operative clauses ordered by heading, with origins and a redline per document',
      body: consolidateRequest,
      response: { 200: consolidation },
    },
    handler: (req) => consolidateDocuments(req.ctx, req.body.documentIds),
  });

  app.post('/streamline/consolidate/export', {
    config: { policy: 'public' },
    schema: {
      tags: ['streamlining'],
      summary: 'Download the consolidated draft as DOCX or text; with "against", as tracked changes (DOCX) or a [-/+] redline (text) from that document',
      body: consolidateExportRequest,
    },
    handler: async (req, reply) => {
      const file = await exportConsolidation(req.ctx, req.body);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.content);
    },
  });
};
