import type { Kysely } from 'kysely';
import type { AuditAction, AuditEntity } from '@mandate/shared';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import type { LastChange } from '../../http/etag.ts';

export type { AuditAction, AuditEntity };

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
  await recordAudits(db, ctx, [e]);
}

/** Several rows in few statements (an import writes hundreds of clause rows per document). */
export async function recordAudits(db: Kysely<Database>, ctx: AppContext, events: AuditEvent[]): Promise<void> {
  const { actor, requestId } = ctx.caller;
  const at = ctx.now();
  const rows = events.map((e) => ({
    at,
    actor_id: actor.userId,
    actor_label: actor.label,
    request_id: requestId,
    entity: e.entity,
    entity_id: String(e.entityId),
    action: e.action,
    before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
    diff: JSON.stringify(auditDiff(e.before, e.after)),
  }));
  // 11 parameters a row: 500 rows stay far below SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
}

/** The latest recorded change of an entity: who to name in a conflict message. */
export async function lastChangeOf(db: Kysely<Database>, entity: AuditEntity, entityId: number | string): Promise<LastChange | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .select(['actor_label', 'at'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(entityId))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { actor: row.actor_label, at: row.at } : undefined;
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
