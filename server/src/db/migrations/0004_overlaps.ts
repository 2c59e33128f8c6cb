import type { Kysely, ColumnDefinitionBuilder } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * Overlap runs (the engine over the whole library, as a background job) and
 * what they found. A run keeps a snapshot of its input (each document's text
 * hash and word count), so the report can say which documents changed since,
 * and an incremental run knows which pairs to recompute.
 *
 * `active` is 1 while a run is queued or running and NULL after: a unique
 * index on it lets at most one run be active, whichever process or machine
 * starts it (NULLs never collide, in both dialects).
 * Fractions are double precision on PostgreSQL, as REAL is on SQLite, so a
 * backup dumps the same digits from both.
 */
export function overlapsSchema(dialect: DialectName) {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('overlap_runs')
        .addColumn('id', idType, id)
        .addColumn('status', 'text', (c) => c.notNull()) // queued | running | done | failed
        .addColumn('mode', 'text', (c) => c.notNull().defaultTo('full')) // full | incremental
        .addColumn('base_run_id', 'integer') // the run an incremental one builds on
        .addColumn('active', 'integer')
        .addColumn('phase', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('started_by', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('heartbeat_at', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull().defaultTo('')) // host:pid of the process running it
        .addColumn('documents', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('recomputed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('pairs', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('overlap_runs_active').unique().on('overlap_runs').column('active').execute();

      await db.schema
        .createTable('overlap_run_documents')
        .addColumn('run_id', 'integer', (c) => c.notNull().references('overlap_runs.id').onDelete('cascade'))
        .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull()) // documents.version when read: a cheap first test for "changed since"
        .addColumn('text_hash', 'text', (c) => c.notNull())
        .addColumn('words', 'integer', (c) => c.notNull())
        .addColumn('body_start', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('overlap_run_documents_pk', ['run_id', 'document_id'])
        .execute();
      await db.schema.createIndex('overlap_run_documents_document_idx').on('overlap_run_documents').column('document_id').execute();

      await db.schema
        .createTable('overlap_pairs')
        .addColumn('run_id', 'integer', (c) => c.notNull().references('overlap_runs.id').onDelete('cascade'))
        .addColumn('doc_a', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('doc_b', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('containment', 'double precision', (c) => c.notNull())
        .addColumn('cover_a', 'double precision', (c) => c.notNull())
        .addColumn('cover_b', 'double precision', (c) => c.notNull())
        .addColumn('shared_words', 'integer', (c) => c.notNull())
        .addColumn('passages', 'text', (c) => c.notNull()) // JSON [{a:[s,e], b:[s,e], words}]
        .addPrimaryKeyConstraint('overlap_pairs_pk', ['run_id', 'doc_a', 'doc_b'])
        .execute();
      // Deleting a document cascades here: without these PostgreSQL scans the table for each one.
      await db.schema.createIndex('overlap_pairs_doc_a_idx').on('overlap_pairs').column('doc_a').execute();
      await db.schema.createIndex('overlap_pairs_doc_b_idx').on('overlap_pairs').column('doc_b').execute();

      await db.schema
        .createTable('overlap_boilerplate')
        .addColumn('id', idType, id)
        .addColumn('run_id', 'integer', (c) => c.notNull().references('overlap_runs.id').onDelete('cascade'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('words', 'integer', (c) => c.notNull())
        .addColumn('documents', 'integer', (c) => c.notNull())
        .addColumn('occurrences', 'text', (c) => c.notNull()) // JSON [{id, start, end}]
        .execute();
      await db.schema.createIndex('overlap_boilerplate_run_idx').on('overlap_boilerplate').column('run_id').execute();
    },
  };
}
