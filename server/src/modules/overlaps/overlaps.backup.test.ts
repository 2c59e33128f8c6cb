import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, TEST_PG_URL, openPostgresTestDb, openSqliteTestDb, postgresAvailable } from '../../test-support/test-db.ts';
import { importDocuments } from '../library/import.service.ts';
import { backupDatabase } from '../backup/backup.service.ts';
import { restoreBackup } from '../backup/restore.service.ts';
import { runOverlapsNow } from './overlaps.service.ts';
import { OVERLAP_FIXTURES } from './test-fixtures.ts';

const clock = () => new Date('2026-06-15T12:00:00Z');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-overlap-backup-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs, pairs (fractions, JSON passages) and boilerplate travel in backups, digit for digit across dialects. */
describe.skipIf(!postgresAvailable)('overlap results in a backup', () => {
  it('SQLite → dump → PostgreSQL → dump gives byte-identical dumps', async () => {
    const src = await openSqliteTestDb(FIXED_NOW);
    const dst = await openPostgresTestDb(FIXED_NOW);
    try {
      await importDocuments(src.ctx, OVERLAP_FIXTURES.map((f) => ({ name: f.name, content: Buffer.from(f.content) })));
      expect(await runOverlapsNow(src.ctx, 'full')).toMatchObject({ status: 'done', pairs: 2 });
      const a = path.join(dir, 'a.ndjson');
      const b = path.join(dir, 'b.ndjson');
      const dumped = await backupDatabase({ url: src.db.location, out: a, format: 'ndjson', clock });
      expect(dumped.rows).toMatchObject({ overlap_runs: 1, overlap_run_documents: 5, overlap_pairs: 2 });
      const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(dst.db.kysely);
      await restoreBackup(a, { url: TEST_PG_URL, schema: rows[0]!.s });
      await backupDatabase({ url: TEST_PG_URL, schema: rows[0]!.s, out: b, format: 'ndjson', clock });
      expect(fs.readFileSync(b, 'utf8')).toBe(fs.readFileSync(a, 'utf8'));
      // The restored run is the report's, and a new run can start (the active-run index came across empty).
      expect(await runOverlapsNow(dst.ctx, 'auto')).toMatchObject({ status: 'done', mode: 'incremental', recomputed: 0, pairs: 2 });
    } finally {
      await src.cleanup();
      await dst.cleanup();
    }
  });
});
