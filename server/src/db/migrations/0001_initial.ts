import { sql, type Kysely, type ColumnDefinitionBuilder } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * The initial schema. One migration serves both dialects; the few places where
 * they differ (auto-increment keys, full-text search) branch on `dialect`.
 */
export function initialSchema(dialect: DialectName) {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (c: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('documents')
        .addColumn('id', idType, id)
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('revision', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('year', 'integer')
        .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('in_force'))
        .addColumn('preamble', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('source_format', 'text', (c) => c.notNull())
        .addColumn('source_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('documents_identity', ['body', 'kind', 'number', 'revision'])
        .execute();
      await db.schema.createIndex('documents_status_idx').on('documents').column('status').execute();

      await db.schema
        .createTable('clauses')
        .addColumn('id', idType, id)
        .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('heading', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('addressee', 'text')
        .addColumn('num', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addUniqueConstraint('clauses_path', ['document_id', 'path'])
        .execute();

      await db.schema
        .createTable('organisations')
        .addColumn('id', idType, id)
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('acronym', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('type', 'text', (c) => c.notNull().defaultTo('unit'))
        .execute();

      await db.schema
        .createTable('actions')
        .addColumn('id', idType, id)
        .addColumn('ref', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reports_to', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('due_date', 'text')
        .addColumn('recurrence', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('last_update', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      for (const col of ['status', 'due_date', 'last_update', 'progress', 'title']) {
        await db.schema.createIndex(`actions_${col}_idx`).on('actions').column(col).execute();
      }

      await db.schema
        .createTable('action_parties')
        .addColumn('action_id', 'integer', (c) => c.notNull().references('actions.id').onDelete('cascade'))
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('action_parties_pk', ['action_id', 'organisation_id', 'role'])
        .execute();
      await db.schema.createIndex('action_parties_org_idx').on('action_parties').columns(['organisation_id', 'role']).execute();

      await db.schema
        .createTable('action_tags')
        .addColumn('action_id', 'integer', (c) => c.notNull().references('actions.id').onDelete('cascade'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('action_tags_pk', ['action_id', 'tag'])
        .execute();
      await db.schema.createIndex('action_tags_tag_idx').on('action_tags').column('tag').execute();

      await db.schema
        .createTable('action_clauses')
        .addColumn('action_id', 'integer', (c) => c.notNull().references('actions.id').onDelete('cascade'))
        .addColumn('clause_id', 'integer', (c) => c.notNull().references('clauses.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('action_clauses_pk', ['action_id', 'clause_id'])
        .execute();
      await db.schema.createIndex('action_clauses_clause_idx').on('action_clauses').column('clause_id').execute();

      await db.schema
        .createTable('progress_updates')
        .addColumn('id', idType, id)
        .addColumn('action_id', 'integer', (c) => c.notNull().references('actions.id').onDelete('cascade'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('status_from', 'text')
        .addColumn('status_to', 'text')
        .addColumn('progress', 'integer')
        .addColumn('evidence', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('progress_updates_action_idx').on('progress_updates').columns(['action_id', 'date']).execute();

      await db.schema
        .createTable('suggestions')
        .addColumn('id', idType, id)
        .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('block_key', 'text', (c) => c.notNull())
        .addColumn('heading', 'text', (c) => c.notNull())
        .addColumn('addressee', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('action_id', 'integer', (c) => c.references('actions.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('suggestions_block', ['document_id', 'block_key'])
        .execute();

      await db.schema
        .createTable('suggestion_clauses')
        .addColumn('suggestion_id', 'integer', (c) => c.notNull().references('suggestions.id').onDelete('cascade'))
        .addColumn('clause_id', 'integer', (c) => c.notNull().references('clauses.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('suggestion_clauses_pk', ['suggestion_id', 'clause_id'])
        .execute();
      await db.schema.createIndex('suggestion_clauses_clause_idx').on('suggestion_clauses').column('clause_id').execute();

      await createActionSearch(db, dialect);
    },
  };
}

/**
 * Full-text search over action items: FTS5 (porter stemming) on SQLite, a
 * stored tsvector with a GIN index on PostgreSQL. Both index ref, title and
 * description; the repository hides the difference.
 */
async function createActionSearch(db: Kysely<unknown>, dialect: DialectName) {
  if (dialect === 'postgres') {
    await sql`alter table actions add column search tsvector generated always as
      (to_tsvector('english', ref || ' ' || title || ' ' || description)) stored`.execute(db);
    await sql`create index actions_search_idx on actions using gin (search)`.execute(db);
    return;
  }
  await sql`create virtual table actions_fts using fts5(
      ref, title, description, content='actions', content_rowid='id', tokenize='porter unicode61')`.execute(db);
  await sql`create trigger actions_fts_insert after insert on actions begin
      insert into actions_fts(rowid, ref, title, description) values (new.id, new.ref, new.title, new.description);
    end`.execute(db);
  await sql`create trigger actions_fts_delete after delete on actions begin
      insert into actions_fts(actions_fts, rowid, ref, title, description) values ('delete', old.id, old.ref, old.title, old.description);
    end`.execute(db);
  await sql`create trigger actions_fts_update after update of ref, title, description on actions begin
      insert into actions_fts(actions_fts, rowid, ref, title, description) values ('delete', old.id, old.ref, old.title, old.description);
      insert into actions_fts(rowid, ref, title, description) values (new.id, new.ref, new.title, new.description);
    end`.execute(db);
}
