import type { Kysely, ColumnDefinitionBuilder } from 'kysely';
import type { DialectName } from '../dialect.ts';
import type { Database } from '../schema.ts';
import { reindexReferences } from '../../modules/references/reindex-references.ts';

/**
 * Citations found in clause texts, one row each, with offsets into the
 * clause's text. Only the citation is stored; what it resolves to is worked
 * out when read, against the library as it is then, so importing a new
 * revision never leaves a stale "resolved" behind.
 *
 * Upgraded databases already hold clauses, so this migration also fills the
 * table from their stored texts (the same extraction an import runs). Doing it
 * here, not at server start, means every way of opening the database (serve,
 * every CLI command, a restored SQLite copy) finds the rows there. It is
 * re-runnable: `if not exists` and a per-document replace, so an interrupted
 * upgrade simply runs again. `mandate refs --reindex` does the same later
 * (after the extractor improves, or after restoring a dump made before this
 * migration, which carries no rows).
 */
export function referencesSchema(dialect: DialectName) {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('clause_references')
        .ifNotExists()
        .addColumn('id', idType, id)
        .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('clause_id', 'integer', (c) => c.notNull().references('clauses.id').onDelete('cascade'))
        .addColumn('start_offset', 'integer', (c) => c.notNull())
        .addColumn('end_offset', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('target_body', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('target_kind', 'text', (c) => c.notNull())
        .addColumn('target_number', 'text', (c) => c.notNull())
        .addColumn('target_revision', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('target_year', 'integer')
        .addColumn('target_session', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('target_series', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('problem', 'text')
        .execute();
      await db.schema.createIndex('clause_references_document_idx').ifNotExists().on('clause_references').column('document_id').execute();
      // Deleting a clause cascades here: without this index PostgreSQL scans the table for each clause.
      await db.schema.createIndex('clause_references_clause_idx').ifNotExists().on('clause_references').column('clause_id').execute();
      // "What cites this document": looked up by kind and number (the body may be implied).
      await db.schema.createIndex('clause_references_target_idx').ifNotExists().on('clause_references').columns(['target_kind', 'target_number']).execute();
      await reindexReferences(db as Kysely<Database>);
    },
  };
}
