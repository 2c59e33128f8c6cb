import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { FIXED_NOW, openSqliteTestDb, type TestDb } from './test-support/test-db.ts';
import { testApp } from './test-support/api.ts';
import { signIn, type Caller } from './test-support/auth.ts';

describe('HTTP surface', () => {
  let t: TestDb;
  let app: FastifyInstance;
  // Internal reads and every write need a signed-in user: these tests act as an admin with a real session.
  let admin: Caller;
  beforeAll(async () => {
    t = await openSqliteTestDb(FIXED_NOW);
    app = await testApp(t);
    admin = await signIn(app, t.ctx, 'admin');
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('serves OpenAPI 3.1 generated from the zod schemas', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/health', '/api/documents', '/api/documents/{id}', '/api/actions', '/api/actions/{id}', '/api/dashboard']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const list = doc.paths['/api/actions'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'status', 'limit', 'offset']));
    expect(list.responses['200'].content['application/json'].schema.properties).toHaveProperty('total');
  });

  it('answers health with the database kind', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('turns malformed JSON and unknown routes into problem documents without internals', async () => {
    const bad = await admin.inject({ method: 'POST', url: '/api/actions', payload: '{"title": ', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body).not.toMatch(/node_modules|\.ts:\d+|at /);
    const missing = await admin.inject({ url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().title).toBe('Not found');
  });

  it('paginates every list as {items, total}', async () => {
    for (const url of ['/api/documents', '/api/actions', '/api/suggestions', '/api/organisations']) {
      const body = (await admin.inject({ url: `${url}?limit=5` })).json();
      expect(Object.keys(body).sort()).toEqual(['items', 'total']);
    }
  });
});
