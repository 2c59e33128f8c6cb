import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { createTestUser, signIn, type Caller } from '../../test-support/auth.ts';
import { createToken } from '../auth/tokens.service.ts';

/**
 * The list keeps each item's relations, and the server keeps what an API token
 * stands for, until the database changes (SQLite). Whatever writes — this
 * server, or another process on the same file such as a CLI import — the next
 * read must show it.
 */
for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`reads kept between requests are never stale on ${dialect.name}`, () => {
    let t: TestDb;
    let other: Db;
    let app: FastifyInstance;
    let editor: Caller;
    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      other = await t.openAnother();
      app = await testApp(t);
      editor = await signIn(app, t.ctx, 'editor');
    });
    afterAll(async () => {
      await app?.close();
      await other?.close();
      await t?.cleanup();
    });

    const listed = async (id: number) => {
      const res = await editor.inject({ url: '/api/actions?limit=100' });
      expect(res.statusCode).toBe(200);
      return res.json().items.find((i: { id: number }) => i.id === id);
    };

    it('shows a change to an item’s units and tags at once, from this server or another process', async () => {
      const created = await editor.inject({ method: 'POST', url: '/api/actions', payload: { title: 'Kept relations', responsible: ['TSB'], collaborators: ['UNESCO'], tags: ['one'], clauseIds: [] } });
      expect(created.statusCode).toBe(201);
      const { id, version } = created.json();
      expect(await listed(id)).toMatchObject({ responsible: ['TSB'], collaborators: ['UNESCO'], tags: ['one'] });
      expect(await listed(id)).toMatchObject({ tags: ['one'] });

      const patched = await editor.inject({ method: 'PATCH', url: `/api/actions/${id}`, headers: { 'if-match': `"${version}"` }, payload: { responsible: ['BDT', 'TSB'], tags: ['two'] } });
      expect(patched.statusCode).toBe(200);
      expect(await listed(id)).toMatchObject({ responsible: ['BDT', 'TSB'], tags: ['two'] });

      await sql`update action_tags set tag = 'three' where action_id = ${id}`.execute(other.kysely);
      await sql`update organisations set acronym = 'UNESCO-IOC' where name = 'UNESCO'`.execute(other.kysely);
      expect(await listed(id)).toMatchObject({ collaborators: ['UNESCO-IOC'], tags: ['three'] });
    });

    it('refuses an API token on the next request after another process revokes it', async () => {
      const owner = await createTestUser(t.ctx, 'viewer', { email: 'script@example.org' });
      const { token } = await createToken(t.ctx, owner.id, { name: 'script', scopes: ['read'], expiresAt: null });
      const call = () => app.inject({ url: '/api/actions?limit=1', headers: { authorization: `Bearer ${token}` } });
      expect((await call()).statusCode).toBe(200);
      expect((await call()).statusCode).toBe(200);
      await sql`update api_tokens set revoked_at = ${FIXED_NOW().toISOString()} where name = 'script'`.execute(other.kysely);
      expect((await call()).statusCode).toBe(401);
    });
  });
}
