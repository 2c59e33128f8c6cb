import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { actionInput } from '@mandate/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, FIXED_NOW, TEST_PG_URL, openSqliteTestDb, type TestDb } from '../../test-support/test-db.ts';
import { ITU_FIXTURE } from '../../test-support/fixtures.ts';
import { ituPlainText } from '../../analysis/extract/test-fixtures.ts';
import { openDatabase } from '../../db/database.ts';
import { importDocuments } from '../library/import.service.ts';
import { createAction } from '../actions/actions.service.ts';
import { backupDatabase } from './backup.service.ts';
import { restoreBackup } from './restore.service.ts';
import { tableRows } from './dump.service.ts';
import { normaliseValue } from './ndjson-format.ts';
import { BackupError } from './backup-error.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-backup-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Where a test database lives, as the backup and restore services address it. */
async function where(t: TestDb): Promise<{ url: string; schema?: string }> {
  if (t.db.dialect === 'sqlite') return { url: t.db.location };
  const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(t.db.kysely);
  return { url: TEST_PG_URL, schema: rows[0]!.s };
}

async function smallLibrary(t: TestDb) {
  await importDocuments(t.ctx, [{ name: 'res901.txt', content: Buffer.from(ITU_FIXTURE) }]);
  await createAction(t.ctx, actionInput.parse({ title: 'Publish the fixtures', tags: ['b', 'A'] }));
}

async function count(k: Kysely<unknown>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(k);
  return Number(rows[0]!.n);
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`backup and restore on ${dialect.name}`, () => {
    it('pages through a composite text key in byte order, whatever the column collation', async () => {
      const t = await dialect.open(FIXED_NOW);
      try {
        const k = t.db.kysely as unknown as Kysely<unknown>;
        const collate = dialect.name === 'postgres' ? sql`collate "en-x-icu"` : sql``;
        await sql`create table probe (n integer not null, v text ${collate} not null, primary key (n, v))`.execute(k);
        const keys = ['AI', 'ai-ethics', 'Zeta', 'éthique', '_x', 'ab', 'Ab', 'a b'];
        for (const n of [2, 1]) for (const v of keys) await sql`insert into probe (n, v) values (${n}, ${v})`.execute(k);
        const table = { name: 'probe', columns: ['n', 'v'], key: ['n', 'v'], textKeys: new Set(['v']) };
        const got: string[] = [];
        for await (const r of tableRows(k, t.db.dialect, table, 3)) got.push(`${r.n as number}:${r.v as string}`);
        const bytes = (s: string) => Buffer.from(s);
        const sorted = [1, 2].flatMap((n) => [...keys].sort((a, b) => Buffer.compare(bytes(a), bytes(b))).map((v) => `${n}:${v}`));
        expect(got).toEqual(sorted);
      } finally {
        await t.cleanup();
      }
    });

    it('fails loudly on a table it does not know, and leaves no file', async () => {
      const t = await dialect.open(FIXED_NOW);
      try {
        await sql`create table new_feature (id integer primary key)`.execute(t.db.kysely);
        const out = path.join(dir, `${dialect.name}-unknown.ndjson`);
        await expect(backupDatabase({ ...(await where(t)), out, format: 'ndjson' })).rejects.toThrow(/new_feature .*TABLE_ORDER/);
        expect(fs.readdirSync(dir).filter((f) => f.includes('unknown'))).toEqual([]);
      } finally {
        await t.cleanup();
      }
    });

    it('refuses a non-empty target, and a damaged dump rolls back whole', async () => {
      const src = await dialect.open(FIXED_NOW);
      const dst = await dialect.open(FIXED_NOW);
      try {
        await smallLibrary(src);
        const out = path.join(dir, `${dialect.name}-small.ndjson`);
        await backupDatabase({ ...(await where(src)), out, format: 'ndjson' });
        const before = await count(src.db.kysely as unknown as Kysely<unknown>, 'clauses');
        await expect(restoreBackup(out, await where(src))).rejects.toThrow(/is not empty .*--force/);
        expect(await count(src.db.kysely as unknown as Kysely<unknown>, 'clauses')).toBe(before);

        const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
        const cut = path.join(dir, `${dialect.name}-cut.ndjson`);
        fs.writeFileSync(cut, `${lines.slice(0, -1).join('\n')}\n`); // no trailer: the copy was interrupted
        await expect(restoreBackup(cut, await where(dst))).rejects.toThrow(/cut short/);
        const lying = path.join(dir, `${dialect.name}-lying.ndjson`);
        fs.writeFileSync(lying, [...lines.slice(0, 3), ...lines.slice(4)].join('\n')); // one row lost in transit
        await expect(restoreBackup(lying, await where(dst))).rejects.toThrow(/damaged/);
        expect(await count(dst.db.kysely as unknown as Kysely<unknown>, 'documents')).toBe(0);

        const r = await restoreBackup(out, await where(dst));
        expect(r.rows.clauses).toBe(before);
      } finally {
        await src.cleanup();
        await dst.cleanup();
      }
    });

    it('derives the citations a backup from before migration 0003 lacks', async () => {
      const src = await dialect.open(FIXED_NOW);
      const dst = await dialect.open(FIXED_NOW);
      try {
        await smallLibrary(src);
        await importDocuments(src.ctx, [{ name: 'res64.txt', content: Buffer.from(ituPlainText()) }]);
        const cited = await count(src.db.kysely as unknown as Kysely<unknown>, 'clause_references');
        expect(cited).toBeGreaterThan(0);
        const out = path.join(dir, `${dialect.name}-new.ndjson`);
        await backupDatabase({ ...(await where(src)), out, format: 'ndjson' });
        // The same dump as a Mandate without 0003 wrote it: no such migration, table or rows.
        const [head, ...rest] = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
        const header = JSON.parse(head!);
        header.migrations = header.migrations.filter((m: string) => !m.startsWith('0003'));
        const body = rest.slice(0, -1).filter((l) => JSON.parse(l).table !== 'clause_references');
        const trailer = JSON.parse(rest.at(-1)!);
        delete trailer.rows.clause_references;
        const old = path.join(dir, `${dialect.name}-old.ndjson`);
        fs.writeFileSync(old, [JSON.stringify(header), ...body, JSON.stringify(trailer)].join('\n') + '\n');
        await restoreBackup(old, await where(dst));
        expect(await count(dst.db.kysely as unknown as Kysely<unknown>, 'clause_references')).toBe(cited);
      } finally {
        await src.cleanup();
        await dst.cleanup();
      }
    });

    it('--force replaces the data in one swap and keeps the old database, audit trail included', async () => {
      const src = await dialect.open(FIXED_NOW);
      const dst = await dialect.open(FIXED_NOW);
      try {
        await smallLibrary(src);
        await createAction(dst.ctx, actionInput.parse({ title: 'Only in the old database' }));
        const out = path.join(dir, `${dialect.name}-force.ndjson`);
        await backupDatabase({ ...(await where(src)), out, format: 'ndjson' });
        const target = await where(dst);
        if (dialect.name === 'sqlite') {
          // Swapping the file under an open connection (a running server) would strand it on the old data.
          await expect(restoreBackup(out, { ...target, force: true })).rejects.toThrow(/open in another process/);
          await dst.db.close();
        }
        const r = await restoreBackup(out, { ...target, force: true, clock: FIXED_NOW });
        expect(r.replaced).toMatch(/replaced.20260615t100000/);
        if (dialect.name === 'sqlite') {
          const fresh = await openDatabase({ url: target.url });
          expect(await fresh.kysely.selectFrom('actions').select('title').execute()).toEqual([{ title: 'Publish the fixtures' }]);
          await fresh.close();
          const old = new SQLite(r.replaced!, { readonly: true });
          expect(old.prepare('select title from actions').pluck().all()).toEqual(['Only in the old database']);
          expect(old.prepare('select count(*) from audit_log').pluck().get()).toBeGreaterThan(0);
          old.close();
          fs.rmSync(r.replaced!);
        } else {
          const oldSchema = r.replaced!.replace('schema ', '');
          expect((await sql<{ title: string }>`select title from actions`.execute(dst.db.kysely)).rows).toEqual([{ title: 'Publish the fixtures' }]);
          const old = await sql<{ title: string }>`select title from ${sql.id(oldSchema, 'actions')}`.execute(dst.db.kysely);
          expect(old.rows).toEqual([{ title: 'Only in the old database' }]);
          await sql`drop schema ${sql.id(oldSchema)} cascade`.execute(dst.db.kysely);
        }
      } finally {
        await src.cleanup();
        await dst.cleanup().catch(() => undefined);
      }
    });
  });
}

describe('SQLite copy (online backup API)', () => {
  it('is consistent while another connection is mid-transaction, and opens with the same counts', async () => {
    const t = await openSqliteTestDb(FIXED_NOW);
    try {
      await smallLibrary(t);
      const writer = new SQLite(t.db.location);
      writer.exec("begin immediate; insert into organisations (name) values ('uncommitted')");
      const out = path.join(dir, 'online.sqlite');
      const r = await backupDatabase({ url: t.db.location, out });
      writer.exec('rollback');
      writer.close();
      expect(r.format).toBe('sqlite');
      const copy = await openDatabase({ url: out });
      try {
        for (const table of ['documents', 'clauses', 'actions', 'action_tags', 'suggestions', 'organisations', 'audit_log']) {
          expect(await count(copy.kysely as unknown as Kysely<unknown>, table), table).toBe(await count(t.db.kysely as unknown as Kysely<unknown>, table));
        }
      } finally {
        await copy.close();
      }
    } finally {
      await t.cleanup();
    }
  });

  it('refuses PostgreSQL sources and unwritable paths with a clear message', async () => {
    await expect(backupDatabase({ url: TEST_PG_URL, out: path.join(dir, 'x.sqlite'), format: 'sqlite' })).rejects.toThrow(/--format ndjson/);
    await expect(backupDatabase({ url: path.join(dir, 'none.sqlite'), out: path.join(dir, 'x.sqlite') })).rejects.toThrow(/no database at/);
    const t = await openSqliteTestDb();
    try {
      await expect(backupDatabase({ url: t.db.location, out: path.join(dir, 'missing-folder', 'b.sqlite') })).rejects.toThrow(BackupError);
      await expect(backupDatabase({ url: t.db.location, out: dir })).rejects.toThrow(/is a folder/);
    } finally {
      await t.cleanup();
    }
  });
});

describe('value normalisation', () => {
  it('keeps what both dialects agree on and refuses the rest', () => {
    expect([normaliseValue(true, 't', 'c'), normaliseValue(false, 't', 'c'), normaliseValue(12n, 't', 'c'), normaliseValue(null, 't', 'c')]).toEqual([1, 0, 12, null]);
    expect(() => normaliseValue(new Date(), 'documents', 'created_at')).toThrow(/documents\.created_at: it holds a date/);
    expect(() => normaliseValue(Buffer.from('x'), 't', 'c')).toThrow(/binary/);
  });
});
