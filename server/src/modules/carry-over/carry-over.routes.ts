import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { carryOverInput, carryOverProposal, carryOverQuery, carryOverResult, idParam } from '@mandate/shared';
import { applyCarryOver, previewCarryOver } from './carry-over.service.ts';

export const carryOverRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/documents/:id/carry-over', {
    config: { policy: 'viewer' },
    schema: {
      tags: ['action plan'],
      summary: 'Proposes carrying the action items citing this document over to the clauses of another revision (?to=ID), with confidence',
      params: idParam,
      querystring: carryOverQuery,
      response: { 200: carryOverProposal },
    },
    handler: (req) => previewCarryOver(req.ctx, req.params.id, req.query.to),
  });

  app.post('/documents/:id/carry-over', {
    config: { policy: 'editor' },
    schema: {
      tags: ['action plan'],
      summary: 'Adds clauses of another revision as sources of action items citing this document, in one transaction (old sources kept; per-item version optional, 412 when stale)',
      params: idParam,
      body: carryOverInput,
      response: { 200: carryOverResult },
    },
    handler: (req) => applyCarryOver(req.ctx, req.params.id, req.body),
  });
};
