import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { multipart, testApp } from '../../test-support/api.ts';
import { signIn, type Caller } from '../../test-support/auth.ts';
import { buildZip, fileEntry, zerosEntry } from '../../test-support/zip-bomb.ts';
import { encryptedPdf, imageOnlyPdf, ituDocx, ituPlainText, textPdf } from '../../analysis/extract/test-fixtures.ts';
import { getStats } from '../dashboard/dashboard.service.ts';

/** What a reader sees of a document's clauses: the parts every format must agree on. */
type ClauseView = { kind: string; heading: string; addressee: string | null; path: string; text: string };

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`Word and PDF import on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
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

    async function upload(name: string, content: Uint8Array | string) {
      const res = await admin.inject({ method: 'POST', url: '/api/imports', ...multipart('files', [{ name, content: typeof content === 'string' ? content : Buffer.from(content) }]) });
      expect(res.statusCode).toBe(200);
      return res.json();
    }

    async function clausesOf(id: number): Promise<{ sourceFormat: string; clauses: ClauseView[] }> {
      const doc = (await admin.inject({ url: `/api/documents/${id}` })).json();
      const audit = (await admin.inject({ url: `/api/audit?entity=document&entityId=${id}&limit=1` })).json();
      return {
        sourceFormat: audit.items[0]?.after?.sourceFormat,
        clauses: doc.clauses.map((c: ClauseView) => ({ kind: c.kind, heading: c.heading, addressee: c.addressee, path: c.path, text: c.text })),
      };
    }

    it('reads a resolution from .txt, .docx and .pdf into the same clauses, as one document', async () => {
      const txt = await upload('res64.txt', ituPlainText());
      expect(txt.failed).toEqual([]);
      expect(txt.created).toBe(1);
      const list = (await admin.inject({ url: '/api/documents?q=64&limit=5' })).json();
      const id = list.items.find((d: { number: string }) => d.number === '64').id;
      const fromText = await clausesOf(id);
      expect(fromText.clauses.length).toBeGreaterThanOrEqual(5);
      expect(fromText.clauses.find((c) => c.path === 'resolves/2')?.text).toMatch(/Recommendation ITU-T A\.1/);

      const docx = await upload('Res 64.docx', await ituDocx());
      expect(docx.failed).toEqual([]);
      expect({ created: docx.created, updated: docx.updated }).toEqual({ created: 0, updated: 1 });
      const fromDocx = await clausesOf(id);
      expect(fromDocx.clauses).toEqual(fromText.clauses);

      const pdf = await upload('res64.pdf', await textPdf(ituPlainText()));
      expect(pdf.failed).toEqual([]);
      expect(pdf.updated).toBe(1);
      expect((await clausesOf(id)).clauses).toEqual(fromText.clauses);
    });

    it('refuses a ZIP bomb named .docx, an image-only, an encrypted and a mislabelled PDF, leaving the database unchanged', async () => {
      const before = await getStats(t.ctx);
      const bomb = buildZip([fileEntry('[Content_Types].xml', new TextEncoder().encode('<Types/>')), zerosEntry('word/document.xml', 300)]);
      const res = await admin.inject({
        method: 'POST',
        url: '/api/imports',
        ...multipart('files', [
          { name: 'bomb.docx', content: bomb },
          { name: 'scan.pdf', content: Buffer.from(await imageOnlyPdf()) },
          { name: 'locked.pdf', content: Buffer.from(await encryptedPdf()) },
          { name: 'notes.pdf', content: 'just some text, not a PDF' },
          { name: 'old.doc', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
        ]),
      });
      expect(res.statusCode).toBe(200);
      const s = res.json();
      expect(s.documents).toBe(0);
      const byFile = Object.fromEntries(s.failed.map((f: { file: string; message: string }) => [f.file, f.message]));
      expect(Object.keys(byFile)).toEqual(['bomb.docx', 'scan.pdf', 'locked.pdf', 'notes.pdf', 'old.doc']);
      expect(byFile['bomb.docx']).toMatch(/inflate|expand|large|bomb|limit/i);
      expect(byFile['scan.pdf']).toMatch(/text layer|no text|scanned|OCR/i);
      expect(byFile['locked.pdf']).toMatch(/password|encrypt/i);
      expect(byFile['notes.pdf']).toMatch(/named .pdf but is a text file/i);
      expect(byFile['old.doc']).toMatch(/\.docx/);
      for (const message of Object.values(byFile)) expect(message).not.toMatch(/at .*\.ts:\d+|internal error/);
      expect(await getStats(t.ctx)).toEqual(before);
    });
  });
}
