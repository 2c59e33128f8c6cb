import os from 'node:os';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { overlapPairDetail, overlapPairParams, overlapReport, overlapReportQuery, overlapRun, overlapRunStart, overlapStatus } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import type { JobOptions } from './overlaps.job.ts';
import { getOverlapPair, getOverlapReport } from './overlap-report.service.ts';
import { getOverlapStatus, startOverlapRun, waitForOverlapJobs } from './overlaps.service.ts';
import { failDeadRuns, failOwnRuns } from './run-liveness.ts';

/**
 * The streamlining report. Internal: viewers read it, editors start runs,
 * anonymous callers get 401. `ctx` is the app's own context, for what happens
 * outside requests: runs left by a dead process are failed at start, and this
 * process's own runs are failed ("interrupted") when the server stops.
 */
/**
 * In the server the engine always works on worker threads (even for a small
 * library, where it would otherwise use this thread): requests keep being
 * answered, progress keeps being written. A core is left for the API.
 */
const SERVER_JOBS: JobOptions = { engineOptions: { workers: Math.max(1, Math.min(4, os.availableParallelism() - 1)) } };

export const overlapRoutes =
  (ctx: AppContext, jobs: JobOptions = SERVER_JOBS): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onReady', async () => {
      await failDeadRuns(ctx);
    });
    app.addHook('onClose', async () => {
      await failOwnRuns(ctx);
      // Give a job a moment to notice and stop writing before the database closes; never hold a shutdown for long.
      await Promise.race([waitForOverlapJobs(), new Promise((r) => setTimeout(r, 5000).unref())]);
    });

    app.post('/overlaps/runs', {
      config: { policy: 'editor' },
      schema: { tags: ['streamlining'], summary: 'Start an overlap analysis of the library in the background (409 while one runs)', body: overlapRunStart, response: { 202: overlapRun } },
      handler: async (req, reply) => reply.code(202).send(await startOverlapRun(req.ctx, req.body, jobs)),
    });

    app.get('/overlaps/runs/latest', {
      config: { policy: 'viewer' },
      schema: { tags: ['streamlining'], summary: 'The latest run with its progress, the run the report shows, and what changed since', response: { 200: overlapStatus } },
      handler: (req) => getOverlapStatus(req.ctx),
    });

    app.get('/overlaps/report', {
      config: { policy: 'viewer' },
      schema: { tags: ['streamlining'], summary: 'Streamlining candidates (merge, suppress, update, boilerplate) and overlapping pairs', querystring: overlapReportQuery, response: { 200: overlapReport } },
      handler: (req) => getOverlapReport(req.ctx, req.query),
    });

    app.get('/overlaps/pairs/:a/:b', {
      config: { policy: 'viewer' },
      schema: { tags: ['streamlining'], summary: 'Two documents side by side with the passages they share', params: overlapPairParams, response: { 200: overlapPairDetail } },
      handler: (req) => getOverlapPair(req.ctx, req.params.a, req.params.b),
    });
  };
