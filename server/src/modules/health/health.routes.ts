import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

const health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() });

export function healthRoutes(version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', {
      config: { policy: 'public' },
      schema: { tags: ['system'], summary: 'Liveness and database reachability', response: { 200: health } },
      handler: async (req) => {
        await sql`select 1`.execute(req.ctx.db.kysely);
        return { status: 'ok' as const, database: req.ctx.db.dialect, version };
      },
    });
  };
}
