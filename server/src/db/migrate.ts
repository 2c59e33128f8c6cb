import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectName } from './dialect.ts';
import { initialSchema } from './migrations/0001_initial.ts';
import { trustSchema } from './migrations/0002_trust.ts';
import { referencesSchema } from './migrations/0003_references.ts';
import { overlapsSchema } from './migrations/0004_overlaps.ts';

/** Migrations are listed in code (not read from a folder) so they run the same under tsx, tests and bundlers. */
function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_initial': initialSchema(dialect),
    '0002_trust': trustSchema(dialect),
    '0003_references': referencesSchema(dialect),
    '0004_overlaps': overlapsSchema(dialect),
  };
}

export async function migrateToLatest(db: Kysely<unknown>, dialect: DialectName, schema?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  // Kysely looks for its bookkeeping tables across all schemas; name ours so
  // databases that hold several Mandate schemas (tests, tenants) stay apart.
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
