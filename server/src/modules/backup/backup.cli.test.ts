import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA, TEST_PG_URL, openPostgresTestDb, postgresAvailable } from '../../test-support/test-db.ts';
import { mandate } from '../../test-support/cli.ts';

const RES2 = path.join(SHARED_DATA, 'itu-pp18/res_2.xml');


describe('mandate backup / restore', () => {
  let dir: string;
  let db: string;
  let stats: string;
  const f = (name: string) => path.join(dir, name);
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-backup-cli-'));
    db = f('live.sqlite');
    expect((await mandate(['import', RES2, '--db', db, '--json'])).code).toBe(0);
    stats = (await mandate(['stats', '--db', db, '--json'])).stdout;
    expect(JSON.parse(stats).documents).toBe(1);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('backs up in both formats and restores each into an empty database', async () => {
    // Independent commands run side by side: each spawn pays for starting Node and tsx.
    const [copy, dump] = await Promise.all([
      mandate(['backup', '--db', db, '--out', f('b.sqlite'), '--json']),
      mandate(['backup', '--db', db, '--out', f('b.ndjson'), '--json']),
    ]);
    expect(copy.code).toBe(0);
    expect(JSON.parse(copy.stdout)).toMatchObject({ format: 'sqlite', file: f('b.sqlite') });
    expect(dump.code).toBe(0);
    expect(JSON.parse(dump.stdout)).toMatchObject({ format: 'ndjson', rows: { documents: 1 } });

    const pairs = [['b.sqlite', 'from-copy.sqlite'], ['b.ndjson', 'from-dump.sqlite']] as const;
    await Promise.all(
      pairs.map(async ([file, target]) => {
        const r = await mandate(['restore', f(file), '--db', f(target), '--json']);
        expect(r.code, r.stderr).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ replaced: null, rows: { documents: 1 } });
        expect((await mandate(['stats', '--db', f(target), '--json'])).stdout).toBe(stats);
      }),
    );
    expect(fs.readdirSync(dir).filter((n) => n.includes('.partial-') || n.includes('.restoring-'))).toEqual([]);
  });

  it('refuses a database that holds data unless --force, which keeps the old one', async () => {
    const refused = await mandate(['restore', f('b.ndjson'), '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^mandate: .*is not empty .*--force/);
    const forced = await mandate(['restore', f('b.ndjson'), '--db', db, '--force', '--json']);
    expect(forced.code, forced.stderr).toBe(0);
    const replaced = JSON.parse(forced.stdout).replaced as string;
    expect(fs.existsSync(replaced)).toBe(true);
    expect((await mandate(['stats', '--db', db, '--json'])).stdout).toBe(stats);
  });

  it('says what is wrong, exits non-zero, and leaves nothing half-written', async () => {
    const [noFolder, notBackup, badFormat] = await Promise.all([
      mandate(['backup', '--db', db, '--out', f('missing/x.sqlite')]),
      mandate(['restore', RES2, '--db', f('never.sqlite')]),
      mandate(['backup', '--db', db, '--out', f('x'), '--format', 'zip']),
    ]);
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toMatch(/^mandate: cannot write .*missing.* does not exist/);
    expect(notBackup.code).toBe(1);
    expect(notBackup.stderr).toMatch(/is not a Mandate backup/);
    expect(fs.existsSync(f('never.sqlite'))).toBe(false);
    expect(badFormat.code).not.toBe(0);
    expect(badFormat.stderr).toMatch(/zip/);
    for (const r of [noFolder, notBackup]) expect(r.stderr).not.toMatch(/\.ts:\d+/);
  });

  it.skipIf(!postgresAvailable)('restores into PostgreSQL and dumps it back identically', async () => {
    const pg = await openPostgresTestDb();
    try {
      const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(pg.db.kysely);
      const url = `${TEST_PG_URL}?options=${encodeURIComponent(`-c search_path=${rows[0]!.s}`)}`;
      const r = await mandate(['restore', f('b.ndjson'), '--db', url, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const back = await mandate(['backup', '--db', url, '--out', f('back.ndjson'), '--json']);
      expect(back.code, back.stderr).toBe(0);
      const body = (file: string) => fs.readFileSync(f(file), 'utf8').split('\n').slice(1).join('\n'); // line 1 holds the time of the dump
      expect(body('back.ndjson')).toBe(body('b.ndjson'));
      const copy = await mandate(['backup', '--db', url, '--out', f('pg.sqlite'), '--format', 'sqlite']);
      expect(copy.code).toBe(1);
      expect(copy.stderr).toMatch(/--format ndjson/);
    } finally {
      await pg.cleanup();
    }
  });
});
