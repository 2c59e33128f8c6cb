import { z } from 'zod';
import { isRealDate, paginationQuery } from './common.ts';

/** What the audit trail records changes to (one list, used by the server, the API and the web app). */
export const AUDIT_ENTITIES = ['action', 'document', 'clause', 'suggestion', 'organisation', 'plan', 'user', 'token', 'session'] as const;
export const auditEntity = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof auditEntity>;

/** "progress" is a progress update added to an action item's timeline. */
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'progress', 'accept', 'merge', 'dismiss', 'reopen', 'import', 'login', 'logout', 'revoke'] as const;
export const auditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditAction>;

export const auditEntry = z.object({
  id: z.number().int(),
  /** When the change was committed (ISO instant, UTC). */
  at: z.string(),
  /** Who: the user id (null for the system, the CLI and anonymous callers) and a readable label. */
  actor: z.object({ id: z.number().int().nullable(), label: z.string() }),
  /** The request (or CLI run) that made the change: every row it wrote shares it. */
  requestId: z.string(),
  entity: auditEntity,
  entityId: z.string(),
  action: auditAction,
  /** The entity as it was (null on create) and as it became (null on delete), in the shape the API returns. */
  before: z.unknown(),
  after: z.unknown(),
  /** Field by field: {field: [before, after]}. */
  diff: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** A date (whole day, UTC) or an ISO instant. */
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'expected YYYY-MM-DD or an ISO instant')
  // The day must exist: a bare `to` is turned into the next midnight, which needs a real date.
  .refine((v) => isRealDate(v.slice(0, 10)), 'no such day');

export const auditFilter = z.object({
  entity: auditEntity.optional(),
  /** The entity's id (with `entity`). */
  id: z.string().trim().min(1).max(200).optional(),
  /** The actor's label (an email, "system (cli)") or, when numeric, user id. */
  actor: z.string().trim().min(1).max(320).optional(),
  requestId: z.string().trim().min(1).max(200).optional(),
  /** Inclusive bounds; a bare date in `to` covers that whole day. */
  from: instant.optional(),
  to: instant.optional(),
});
export type AuditFilter = z.infer<typeof auditFilter>;

/** History pages come newest first; `order=asc` replays them. */
export const auditQuery = paginationQuery.extend({ ...auditFilter.shape, order: z.enum(['asc', 'desc']).default('desc') });
export type AuditQuery = z.infer<typeof auditQuery>;

/** Exports run oldest first, so a file reads as the story of the data. */
export const auditExportQuery = auditFilter.extend({ format: z.enum(['csv', 'ndjson']).default('ndjson') });
export type AuditExportQuery = z.infer<typeof auditExportQuery>;
