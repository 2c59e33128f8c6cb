import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { organisation, organisationType, page, paginationQuery } from '@mandate/shared';
import { publicOnly } from '../auth/policy.ts';

const query = paginationQuery.extend({ type: organisationType.optional() });

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/organisations', {
    config: { policy: 'public' },
    schema: { tags: ['registries'], summary: 'Responsible units and partner organisations', querystring: query, response: { 200: page(organisation) } },
    handler: async (req) => {
      const db = req.ctx.db.kysely;
      // The registry of units is public (public items name them); anonymous callers count public items only.
      const pub = publicOnly(req.ctx);
      let base = db.selectFrom('organisations');
      if (req.query.type) base = base.where('type', '=', req.query.type);
      const rows = await base
        .select(['id', 'name', 'acronym', 'type'])
        .select((eb) =>
          eb
            .selectFrom('action_parties')
            .whereRef('action_parties.organisation_id', '=', 'organisations.id')
            .$if(pub, (q) => q.where('action_parties.action_id', 'in', (e) => e.selectFrom('actions').select('actions.id').where('actions.is_public', '=', 1)))
            .select(sql<number>`count(distinct action_id)`.as('n'))
            .as('action_count'),
        )
        .orderBy('name')
        .limit(req.query.limit)
        .offset(req.query.offset)
        .execute();
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      return {
        total: Number(total),
        items: rows.map((r) => ({ id: r.id, name: r.name, acronym: r.acronym, type: r.type as z.infer<typeof organisationType>, actionCount: Number(r.action_count ?? 0) })),
      };
    },
  });
};
