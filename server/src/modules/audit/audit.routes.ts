import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntry, auditExportQuery, auditQuery, page } from '@mandate/shared';
import { auditExportStream, exportContentType } from './audit-export.ts';
import { auditEntries, findAudit } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['audit'];
  app.get('/audit', {
    config: { policy: 'viewer' },
    schema: {
      tags,
      summary: "The audit trail: who changed what, when, before/after and the diff (e.g. ?entity=action&id=42 for one item's history)",
      querystring: auditQuery,
      response: { 200: page(auditEntry) },
    },
    handler: (req) => findAudit(req.ctx, req.query),
  });

  app.get('/audit/export', {
    config: { policy: 'viewer' },
    schema: {
      tags,
      summary: 'The audit trail as a file for auditors (CSV or NDJSON, oldest first), same filters as /audit',
      querystring: auditExportQuery,
      produces: ['text/csv', 'application/x-ndjson'],
    },
    handler: async (req, reply) => {
      const { format, ...filter } = req.query;
      const entries = auditEntries(req.ctx, filter);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type(exportContentType(format))
        .header('content-disposition', `attachment; filename="audit-${stamp}.${format}"`)
        .send(auditExportStream(entries, format));
    },
  });
};
