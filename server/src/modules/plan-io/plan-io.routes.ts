import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actionQuery, planImportResult } from '@mandate/shared';
import { badRequest } from '../../http/problem.ts';
import { readUploads } from '../../http/uploads.ts';
import { exportPlan } from './plan-export.service.ts';
import { importPlan } from './plan-import.service.ts';
import { MAX_PLAN_BYTES } from './read-table.ts';

const exportQuery = actionQuery.omit({ limit: true, offset: true, sort: true, order: true }).extend({
  format: z.enum(['xlsx', 'csv', 'json']).default('xlsx'),
});


export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/actions/export', {
    config: { policy: 'public' },
    schema: { tags: ['action plan'], summary: 'Download the (filtered) plan as XLSX, CSV or JSON', querystring: exportQuery },
    handler: async (req, reply) => {
      const { format, ...filter } = req.query;
      const file = await exportPlan(req.ctx, format, filter);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.content);
    },
  });

  app.post('/actions/import', {
    config: { policy: 'editor' },
    schema: { tags: ['action plan'], summary: 'Import a plan from CSV or XLSX (multipart field "file"); all rows or none', consumes: ['multipart/form-data'], response: { 200: planImportResult } },
    handler: async (req) => {
      const [file] = await readUploads(req, MAX_PLAN_BYTES, { maxFiles: 1 });
      if (!file) throw badRequest('Attach the plan file in the multipart field "file".');
      return importPlan(req.ctx, file);
    },
  });
};
