import type { Kysely, SelectQueryBuilder } from 'kysely';
import { DB_ID_MAX, type AuditFilter } from '@mandate/shared';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/** The instant just after a bound: a bare date in `to` covers its whole day. */
function upperBound(to: string): string {
  if (to.length > 10) return to;
  const next = new Date(`${to}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/** Filters shared by the page, its count and the export. Every value is bound, never spliced into SQL. */
function filtered<O>(q: SelectQueryBuilder<Database, 'audit_log', O>, f: AuditFilter, hidden: readonly string[]) {
  if (hidden.length > 0) q = q.where('entity', 'not in', hidden);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.id) q = q.where('entity_id', '=', f.id);
  if (f.actor) {
    const actor = f.actor;
    // Digits are a user id only while they fit one: a longer number compared with the integer column is a database error on PostgreSQL.
    const asId = /^\d{1,10}$/.test(actor) && Number(actor) <= DB_ID_MAX ? Number(actor) : null;
    q = asId !== null ? q.where('actor_id', '=', asId) : q.where('actor_label', '=', actor);
  }
  if (f.requestId) q = q.where('request_id', '=', f.requestId);
  // `at` is an ISO instant in UTC: text order is time order on both dialects.
  if (f.from) q = q.where('at', '>=', f.from.length > 10 ? f.from : `${f.from}T00:00:00.000Z`);
  if (f.to) q = f.to.length > 10 ? q.where('at', '<=', f.to) : q.where('at', '<', upperBound(f.to));
  return q;
}

/** `hidden`: entities the caller may not see (left out of the page, the count and the export alike). */
export async function listAudit(db: Q, f: AuditFilter & { limit: number; offset: number; order: 'asc' | 'desc' }, hidden: readonly string[] = []) {
  const rows = await filtered(db.selectFrom('audit_log').selectAll(), f, hidden).orderBy('id', f.order).limit(f.limit).offset(f.offset).execute();
  const { total } = await filtered(db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('total')), f, hidden).executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

/** One batch of an export, oldest first, after the last id already sent (keyset: no OFFSET rescans). */
export function auditBatch(db: Q, f: AuditFilter, afterId: number, size: number, hidden: readonly string[] = []) {
  return filtered(db.selectFrom('audit_log').selectAll(), f, hidden).where('id', '>', afterId).orderBy('id', 'asc').limit(size).execute();
}
