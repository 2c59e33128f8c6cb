import type { Selectable } from 'kysely';
import type { AuditAction, AuditEntity, AuditEntry, AuditFilter, AuditQuery } from '@mandate/shared';
import type { AuditTable } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { assertCan, can, forbidden } from '../auth/policy.ts';
import { auditBatch, listAudit } from './audit.repository.ts';

export function toEntry(r: Selectable<AuditTable>): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: { id: r.actor_id, label: r.actor_label },
    requestId: r.request_id,
    entity: r.entity as AuditEntity,
    entityId: r.entity_id,
    action: r.action as AuditAction,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    diff: JSON.parse(r.diff) as AuditEntry['diff'],
  };
}

/**
 * Entries about accounts, sessions and tokens carry email addresses, roles and
 * the IP addresses people signed in from: admins only. Everyone else with read
 * access gets the trail without them (asking for one of them by name is a 403).
 */
export const ACCOUNT_ENTITIES: readonly AuditEntity[] = ['user', 'session', 'token'];

function hiddenEntities(ctx: AppContext, f: AuditFilter): readonly AuditEntity[] {
  assertCan(ctx, 'read');
  if (can(ctx.caller.actor, 'admin')) return [];
  if (f.entity && ACCOUNT_ENTITIES.includes(f.entity)) throw forbidden(`Only administrators see the history of ${f.entity}s.`);
  return ACCOUNT_ENTITIES;
}

/** One page of the trail, newest first unless asked otherwise. Internal readers only: it names people. */
export async function findAudit(ctx: AppContext, q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
  const hidden = hiddenEntities(ctx, q);
  const { rows, total } = await listAudit(ctx.db.kysely, q, hidden);
  return { items: rows.map(toEntry), total };
}

/**
 * Every matching row, oldest first, in batches, so an export of millions of
 * rows runs in constant memory. The access check runs now, before anything
 * is streamed (a generator body would only run once the 200 has been sent).
 */
export function auditEntries(ctx: AppContext, f: AuditFilter, batchSize = 1000): AsyncGenerator<AuditEntry> {
  const hidden = hiddenEntities(ctx, f);
  return (async function* () {
    let after = 0;
    for (;;) {
      const rows = await auditBatch(ctx.db.kysely, f, after, batchSize, hidden);
      for (const r of rows) yield toEntry(r);
      if (rows.length < batchSize) return;
      after = rows.at(-1)!.id;
    }
  })();
}
