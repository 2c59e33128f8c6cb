import { sql, type Kysely } from 'kysely';
import { BackupError } from './backup-error.ts';
import { checkTargetEmpty, openTarget, restoreInto, stamp, type BackupFormat, type RestoreOptions, type TargetResult } from './restore-into.ts';

/** PostgreSQL identifiers stop at 63 bytes; longer names would be cut silently and could collide. */
const MAX_IDENTIFIER = 63;

/**
 * PostgreSQL target. Into an empty schema: in place, one transaction. With
 * --force over data: the backup is restored into a fresh staging schema, then
 * one transaction renames the current schema to <schema>_replaced_<time> and
 * the staging schema to the current name, so readers see the old data or the
 * new, never a mix, and the old audit trail is kept, not deleted.
 */
export async function restorePostgresTarget(file: string, format: BackupFormat, opts: RestoreOptions): Promise<TargetResult> {
  const db = await openTarget(opts.url, opts.schema);
  try {
    const occupied = await checkTargetEmpty(db, opts.force);
    if (occupied.length === 0) return { target: db.location, rows: await restoreInto(db, file, format), replaced: null };

    const k = db.kysely as unknown as Kysely<unknown>;
    const { rows: cur } = await sql<{ s: string }>`select current_schema() as s`.execute(k);
    const current = cur[0]!.s;
    const suffix = stamp(opts.clock);
    const staging = `${current}_restoring_${suffix}`;
    const replaced = `${current}_replaced_${suffix}`;
    if (replaced.length > MAX_IDENTIFIER) throw new BackupError(`schema name ${current} is too long to keep a replaced copy beside it`);
    try {
      await sql`create schema ${sql.id(staging)}`.execute(k);
    } catch (err) {
      throw new BackupError(`--force needs to create a schema beside ${current} and could not: ${(err as Error).message}`);
    }
    try {
      // The staging connection must not inherit a search_path from the URL (it would point back at the live schema).
      const staged = await openTarget(withoutOptions(opts.url), staging);
      let rows: Record<string, number>;
      try {
        rows = await restoreInto(staged, file, format);
      } finally {
        await staged.close();
      }
      await k.transaction().execute(async (trx) => {
        await sql`alter schema ${sql.id(current)} rename to ${sql.id(replaced)}`.execute(trx);
        await sql`alter schema ${sql.id(staging)} rename to ${sql.id(current)}`.execute(trx);
      });
      return { target: db.location, rows, replaced: `schema ${replaced}` };
    } catch (err) {
      await sql`drop schema if exists ${sql.id(staging)} cascade`.execute(k).catch(() => undefined);
      throw err;
    }
  } finally {
    await db.close();
  }
}

function withoutOptions(url: string): string {
  const u = new URL(url);
  u.searchParams.delete('options');
  return u.toString();
}
