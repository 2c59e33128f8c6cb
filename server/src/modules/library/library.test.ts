import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, FIXED_NOW, SHARED_DATA, type TestDb } from '../../test-support/test-db.ts';
import { multipart, testApp } from '../../test-support/api.ts';
import { signIn, type Caller } from '../../test-support/auth.ts';
import { ITU_FIXTURE, ITU_FIXTURE_OLD } from '../../test-support/fixtures.ts';
import { importDocuments } from './import.service.ts';
import { getStats } from '../dashboard/dashboard.service.ts';

const PP18 = path.join(SHARED_DATA, 'itu-pp18/pp18_final_acts_akn.xml');
const UNSC = path.join(SHARED_DATA, 'unsc-resolutions/texts');

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`library on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    // Internal reads and every write need a signed-in user: these tests act as an admin with a real session.
    let admin: Caller;
    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      admin = await signIn(app, t.ctx, 'admin');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('imports the whole PP-18 collection: 61 documents with preambular and operative clauses', async () => {
      const s = await importDocuments(t.ctx, [{ name: 'pp18_final_acts_akn.xml', content: fs.readFileSync(PP18) }]);
      expect(s.failed).toEqual([]);
      expect(s.documents).toBe(64); // 61 resolutions, 2 decisions, 1 recommendation
      expect(s.created).toBe(64);
      expect(s.clauses).toBeGreaterThan(1500);
      expect(s.suggestedActions).toBeGreaterThan(100);
      const res = await admin.inject({ url: '/api/documents?body=PP&kind=resolution&limit=500' });
      const body = res.json();
      expect(res.statusCode).toBe(200);
      expect(body.total).toBeGreaterThan(50);
      const res2 = body.items.find((d: { number: string }) => d.number === '2');
      expect(res2.label).toBe('PP Resolution 2 (Rev. Dubai, 2018)');
      const detail = (await admin.inject({ url: `/api/documents/${res2.id}` })).json();
      const kinds = new Set(detail.clauses.map((c: { kind: string }) => c.kind));
      expect(kinds).toEqual(new Set(['preambular', 'operative']));
      expect(detail.clauses.some((c: { heading: string }) => c.heading === 'instructs the Secretary-General')).toBe(true);
      expect(detail.clauses.some((c: { suggestions: unknown[] }) => c.suggestions.length > 0)).toBe(true);
    });

    it('re-importing the same file updates instead of duplicating', async () => {
      const before = await getStats(t.ctx);
      const s = await importDocuments(t.ctx, [{ name: 'pp18_final_acts_akn.xml', content: fs.readFileSync(PP18) }]);
      expect(s.updated).toBe(64);
      expect(s.created).toBe(0);
      expect(await getStats(t.ctx)).toEqual(before);
    });

    it('imports UN Security Council texts with operative paragraphs', async () => {
      const files = ['S_RES_0300_1971_EN_GOLD.txt', 'S_RES_0001_1946_EN_GOLD.txt'].map((f) => ({ name: f, content: fs.readFileSync(path.join(UNSC, f)) }));
      const s = await importDocuments(t.ctx, files);
      expect(s.failed).toEqual([]);
      const list = (await admin.inject({ url: '/api/documents?body=UNSC&year=1971' })).json();
      expect(list.total).toBe(1);
      const doc = (await admin.inject({ url: `/api/documents/${list.items[0].id}` })).json();
      expect(doc.label).toBe('UNSC Resolution 300 (1971)');
      expect(doc.clauses.filter((c: { kind: string }) => c.kind === 'operative')).toHaveLength(3);
    });

    it('keeps lineage: the newer revision is in force, the older superseded', async () => {
      await importDocuments(t.ctx, [
        { name: 'new.txt', content: Buffer.from(ITU_FIXTURE) },
        { name: 'old.txt', content: Buffer.from(ITU_FIXTURE_OLD) },
      ]);
      const list = (await admin.inject({ url: '/api/documents?q=fixtures' })).json();
      const byRevision = Object.fromEntries(list.items.map((d: { revision: string; status: string }) => [d.revision, d.status]));
      expect(byRevision).toEqual({ 'Rev. Testville, 2026': 'in_force', 'Testville, 2022': 'superseded' });
      const superseded = (await admin.inject({ url: '/api/documents?status=superseded' })).json();
      expect(superseded.items.map((d: { revision: string }) => d.revision)).toContain('Testville, 2022');
    });

    it('uploads through the API and reports bad files without touching the database', async () => {
      const before = await getStats(t.ctx);
      const upload = multipart('files', [
        { name: 'broken.xml', content: '<akomaNtoso><statement><meta>' },
        { name: 'other.xml', content: '<?xml version="1.0"?><html><body/></html>' },
        { name: 'empty.txt', content: '' },
        { name: 'binary.txt', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x00]) },
      ]);
      const res = await admin.inject({ method: 'POST', url: '/api/imports', ...upload });
      expect(res.statusCode).toBe(200);
      const s = res.json();
      expect(s.documents).toBe(0);
      expect(s.failed.map((f: { file: string }) => f.file)).toEqual(['broken.xml', 'other.xml', 'empty.txt', 'binary.txt']);
      for (const f of s.failed) {
        expect(f.location).not.toBe('');
        expect(f.message).not.toMatch(/at .*\.ts:\d+/);
      }
      expect(s.failed[1].message).toMatch(/not an Akoma Ntoso/i);
      expect(await getStats(t.ctx)).toEqual(before);
    });

    it('answers 404 as a problem document and validates query parameters', async () => {
      const res = await admin.inject({ url: '/api/documents/999999' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 404, title: 'Not found' });
      const bad = await admin.inject({ url: '/api/documents?limit=-4&status=burnt' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.length).toBeGreaterThan(0);
    });
  });
}
