import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ImportSummary } from '@mandate/shared';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { multipart, testApp } from '../../test-support/api.ts';
import { withToken, type Caller } from '../../test-support/auth.ts';
import { ITU_FIXTURE } from '../../test-support/fixtures.ts';
import { expectWellFormed, FUZZ_RUNS, FUZZ_TIMEOUT, within } from '../../test-support/fuzz.ts';
import { copySharedFiles, fileName, mutated, truncated, type RealFile } from '../../test-support/mutate.ts';
import { importDocuments } from './import.service.ts';

/**
 * Property tests for document import, through the service (what the CLI
 * calls) and through POST /api/imports: random bytes, truncated and damaged
 * real files (PP-18 Akoma Ntoso, UN Security Council texts, our ITU fixture).
 * A file is imported or listed in `failed` with a reason; nothing throws,
 * nothing hangs, and no failure is an "internal error" (that would be our
 * bug surfacing as a shrug).
 */

/** What every import summary must satisfy, whatever went in. */
function expectSound(s: ImportSummary, files: number) {
  expect(s.files).toBe(files);
  expect(s.failed.length).toBeLessThanOrEqual(files);
  expect(s.created + s.updated).toBe(s.documents);
  expect(s.failed.filter((f) => /internal error/.test(f.message)), 'a failure that is our bug, not the file').toEqual([]);
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`document import of hostile files on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Caller;
    let real: RealFile[] = [];
    let tmp: string;

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      editor = await withToken(app, t.ctx, 'editor');
      const copied = copySharedFiles(['itu-pp18/res_2.xml', 'itu-pp18/dec_5.xml', 'unsc-resolutions/texts/S_RES_0242_1967_EN_GOLD.txt', 'unsc-resolutions/texts/S_RES_0300_1971_EN_GOLD.txt']);
      tmp = copied.dir;
      real = [...copied.files, { name: 'itu.txt', content: new TextEncoder().encode(ITU_FIXTURE) }];
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    const hostileFile = () =>
      fc.record({
        name: fileName,
        content: fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc.constantFrom(...real).chain((r) => truncated(r.content)),
          fc.constantFrom(...real).chain((r) => mutated(r.content)),
        ),
      });
    // Damaged real files keep their own name (and so their format) most of the time.
    const damagedReal = () => fc.constantFrom(...real).chain((r) => fc.record({ name: fc.constant(r.name), content: fc.oneof(truncated(r.content), mutated(r.content)) }));

    it('the import service imports or refuses each file with a reason, never throws', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileFile(), damagedReal()), async (file) => {
          const s = await within(20_000, `import ${file.name}`, importDocuments(t.ctx, [file]));
          expectSound(s, 1);
        }),
        { numRuns: FUZZ_RUNS * 2, endOnFailure: true },
      );
    }, FUZZ_TIMEOUT);

    it('refuses a document whose number or revision is too long to index, naming it (it was an "internal error" on PostgreSQL)', async () => {
      const long = randomBytes(4000).toString('base64').replace(/[^a-zA-Z0-9]/g, 'x');
      const xml = new TextDecoder().decode(real.find((f) => f.name === 'res_2.xml')!.content);
      const files = [
        { name: 'number.xml', content: xml.replace('<docNumber>2 (REV. DUBAI, 2018)</docNumber>', `<docNumber>${long} (REV. DUBAI, 2018)</docNumber>`).replace(/res-2" showAs="[^"]*"/, `res-${long}" showAs="x"`) },
        { name: 'revision.txt', content: ITU_FIXTURE.replace('(Rev. Testville, 2026)', `(Rev. ${long}, 2026)`) },
      ];
      const s = await importDocuments(t.ctx, files.map((f) => ({ name: f.name, content: new TextEncoder().encode(f.content) })));
      expectSound(s, 2);
      expect(s.failed.map((f) => [f.file, f.message.replace(/\d+ characters long/, 'N characters long')])).toEqual([
        ['number.xml', "the document's number is N characters long; at most 200 are accepted"],
        ['revision.txt', "the document's revision is N characters long; at most 200 are accepted"],
      ]);
    });

    it('POST /api/imports answers 200 with a summary (or a 4xx problem) for any files', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(hostileFile(), damagedReal()), { minLength: 1, maxLength: 3 }), async (files) => {
          const res = await within(20_000, `upload ${files.map((f) => f.name).join(', ')}`, editor.inject({ method: 'POST', url: '/api/imports', ...multipart('files', files.map((f) => ({ name: f.name, content: Buffer.from(f.content) }))) }));
          expectWellFormed(res, `POST /api/imports ${files.map((f) => f.name).join(', ')}`);
          if (res.statusCode === 200) expectSound(res.json() as ImportSummary, files.length);
        }),
        { numRuns: FUZZ_RUNS, endOnFailure: true },
      );
    }, FUZZ_TIMEOUT);
  });
}
