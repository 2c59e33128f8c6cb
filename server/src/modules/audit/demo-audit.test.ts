import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { loadDemo } from '../../demo/seed.ts';

/** The demo loader writes as the system, through the same services: every row it makes is in the trail. */
for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`demo loading is audited, ${dialect.name}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      await loadDemo(t.ctx);
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('records a creation for every document, clause, action item and organisation, as the system', async () => {
      const db = t.db.kysely;
      const count = async (table: 'documents' | 'clauses' | 'actions' | 'organisations') =>
        Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const created = async (entity: string) =>
        Number(
          (await db.selectFrom('audit_log').select(sql<number>`count(distinct entity_id)`.as('n')).where('entity', '=', entity).where('action', '=', 'create').executeTakeFirstOrThrow()).n,
        );
      for (const [table, entity] of [['documents', 'document'], ['clauses', 'clause'], ['actions', 'action'], ['organisations', 'organisation']] as const) {
        expect(await created(entity), entity).toBe(await count(table));
      }
      const actors = await db.selectFrom('audit_log').select('actor_label').distinct().execute();
      expect(actors).toEqual([{ actor_label: 'system' }]);
    });

    it('records every progress update and every final status, and each item ends at the version its rows say', async () => {
      const db = t.db.kysely;
      const updates = Number((await db.selectFrom('progress_updates').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const progressRows = await db.selectFrom('audit_log').select('id').where('entity', '=', 'action').where('action', '=', 'progress').execute();
      expect(progressRows).toHaveLength(updates);
      const items = await db.selectFrom('actions').select(['id', 'version']).execute();
      const rows = await db.selectFrom('audit_log').select(['entity_id', 'after']).where('entity', '=', 'action').orderBy('id').execute();
      const last = new Map(rows.map((r) => [Number(r.entity_id), JSON.parse(r.after!).version as number]));
      for (const item of items) expect(last.get(item.id), `action ${item.id}`).toBe(item.version);
    });
  });
}
