import { z } from 'zod';

/** Every list endpoint answers `{items, total}`; `total` counts all matches, not just this page. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().nonnegative() });

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/**
 * Row ids are 32-bit on PostgreSQL (serial): a larger number is not an id, and
 * sent to the database it is an error there (a 500), not "not found".
 */
export const DB_ID_MAX = 2_147_483_647;
export const dbId = z.number().int().positive().max(DB_ID_MAX);
/** The same from a path or query string (text). */
export const dbIdText = z.coerce.number().int().positive().max(DB_ID_MAX);

export const idParam = z.object({ id: dbIdText });

/** RFC 9457 problem details: the only shape an error ever takes on the wire. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z
    .array(z.object({ location: z.string(), message: z.string() }))
    .optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** An ISO calendar date, YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/**
 * A date sent by a client: also a day that exists. "2026-13-45" would be
 * stored, then sort and compare as nonsense (overdue, stale). Responses keep
 * the plain shape, so rows stored before this check still serialise.
 */
export const isoDateInput = isoDate.refine(isRealDate, 'no such day');

/** True for a YYYY-MM-DD day that exists in the calendar (2024-02-29 yes, 2026-02-29 no). */
export function isRealDate(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}
