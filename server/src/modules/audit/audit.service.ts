import type { Selectable } from 'kysely';
import type { AuditAction, AuditEntity, AuditEntry, AuditFilter, AuditQuery } from '@mandate/shared';
import type { AuditTable } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { assertCan } from '../auth/policy.ts';
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

/** One page of the trail, newest first unless asked otherwise. Internal readers only: it names people. */
export async function findAudit(ctx: AppContext, q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
  assertCan(ctx, 'read');
  const { rows, total } = await listAudit(ctx.db.kysely, q);
  return { items: rows.map(toEntry), total };
}

/**
 * Every matching row, oldest first, in batches, so an export of millions of
 * rows runs in constant memory. The access check runs now, before anything
 * is streamed (a generator body would only run once the 200 has been sent).
 */
export function auditEntries(ctx: AppContext, f: AuditFilter, batchSize = 1000): AsyncGenerator<AuditEntry> {
  assertCan(ctx, 'read');
  return (async function* () {
    let after = 0;
    for (;;) {
      const rows = await auditBatch(ctx.db.kysely, f, after, batchSize);
      for (const r of rows) yield toEntry(r);
      if (rows.length < batchSize) return;
      after = rows.at(-1)!.id;
    }
  })();
}
