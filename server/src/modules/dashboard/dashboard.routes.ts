import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboard, stats } from '@mandate/shared';
import { getDashboard, getStats } from './dashboard.service.ts';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/dashboard', {
    config: { policy: 'public' },
    schema: { tags: ['dashboard'], summary: 'Counts, chart series, overdue and stale items', response: { 200: dashboard } },
    handler: (req) => getDashboard(req.ctx),
  });
  app.get('/stats', {
    config: { policy: 'public' },
    schema: { tags: ['dashboard'], summary: 'Counts of documents, clauses and action items by status', response: { 200: stats } },
    handler: (req) => getStats(req.ctx),
  });
};
