import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../http/context.ts';

const health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() });

export function healthRoutes(ctx: AppContext, version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', {
      schema: { tags: ['system'], summary: 'Liveness and database reachability', response: { 200: health } },
      handler: async () => {
        await sql`select 1`.execute(ctx.db.kysely);
        return { status: 'ok' as const, database: ctx.db.dialect, version };
      },
    });
  };
}
