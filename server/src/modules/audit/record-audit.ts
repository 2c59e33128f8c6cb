import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';

export type AuditEntity = 'action' | 'document' | 'clause' | 'suggestion' | 'user' | 'token' | 'session' | 'organisation' | 'plan';
export type AuditAction = 'create' | 'update' | 'delete' | 'accept' | 'merge' | 'dismiss' | 'reopen' | 'import' | 'login' | 'logout' | 'revoke';

export interface AuditEvent {
  entity: AuditEntity;
  entityId: number | string;
  action: AuditAction;
  /** The entity as it was (null on create); the same shape the API returns. */
  before: unknown;
  /** The entity as it is now (null on delete). */
  after: unknown;
}

/**
 * Appends one row to the audit trail, inside the caller's transaction so the
 * change and its record commit or vanish together.
 */
export async function recordAudit(db: Kysely<Database>, ctx: AppContext, e: AuditEvent): Promise<void> {
  const { actor, requestId } = ctx.caller;
  await db
    .insertInto('audit_log')
    .values({
      at: ctx.now(),
      actor_id: actor.userId,
      actor_label: actor.label,
      request_id: requestId,
      entity: e.entity,
      entity_id: String(e.entityId),
      action: e.action,
      before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
      diff: JSON.stringify(auditDiff(e.before, e.after)),
    })
    .execute();
}

/**
 * What changed, field by field: {field: [before, after]}. Top-level fields are
 * enough for our entities (nested lists such as tags compare as a whole), and
 * reading "status: [in_progress, completed]" is what auditors want.
 */
export function auditDiff(before: unknown, after: unknown): Record<string, [unknown, unknown]> {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (IGNORED.has(key)) continue;
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out[key] = [a[key] ?? null, b[key] ?? null];
  }
  return out;
}

/** Fields that change on every write and say nothing on their own. */
const IGNORED = new Set(['updatedAt', 'updated_at', 'version', 'lastUpdate', 'overdue']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
