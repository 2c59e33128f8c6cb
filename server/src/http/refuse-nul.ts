import type { FastifyInstance } from 'fastify';
import { badRequest } from './problem.ts';

/**
 * PostgreSQL cannot store U+0000 in text (the driver fails the whole query:
 * a 500), SQLite can, and a backup taken from one would then not restore into
 * the other. No field of ours has a use for it, so it is refused at the door,
 * for every route, with the place it was found.
 */
export function findNul(value: unknown, where: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? where : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  for (const [k, v] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${where}[${k}]` : `${where}.${k}`;
    if (k.includes('\u0000')) return here;
    const hit = findNul(v, here, depth + 1);
    if (hit) return hit;
  }
  return null;
}

export function installNulGuard(app: FastifyInstance) {
  // preValidation: after the body is parsed, before zod sees it (so coercion cannot hide it).
  app.addHook('preValidation', async (req) => {
    const at = findNul(req.params, 'params') ?? findNul(req.query, 'querystring') ?? findNul(req.body, 'body');
    if (at) throw badRequest('Text may not contain the NUL character (U+0000).', [{ location: at, message: 'contains U+0000' }]);
  });
}
