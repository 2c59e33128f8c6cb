import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboard, stats } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { getDashboard, getStats } from './dashboard.service.ts';

export function dashboardRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/dashboard', {
      schema: { tags: ['dashboard'], summary: 'Counts, chart series, overdue and stale items', response: { 200: dashboard } },
      handler: () => getDashboard(ctx),
    });
    app.get('/stats', {
      schema: { tags: ['dashboard'], summary: 'Counts of documents, clauses and action items by status', response: { 200: stats } },
      handler: () => getStats(ctx),
    });
  };
}
