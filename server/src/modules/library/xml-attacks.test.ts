import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ImportSummary } from '@mandate/shared';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { multipart, testApp } from '../../test-support/api.ts';
import { withToken, type Caller } from '../../test-support/auth.ts';
import { buildZip, zerosEntry } from '../../test-support/zip-bomb.ts';

/**
 * XML entity attacks through the real ways in: POST /api/imports and the
 * `mandate import` command. Each file is refused whole with a reason naming
 * the DOCTYPE; nothing is expanded, nothing is read from disk or network,
 * nothing is stored.
 */

const AKN = 'xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"';
const body = (entity: string) => `<akomaNtoso ${AKN}><statement name="resolution"><preface><p>RESOLUTION 1 (Dubai, 2018)</p></preface><mainBody><paragraph><content><p>${entity}</p></content></paragraph></mainBody></statement></akomaNtoso>`;
const lols = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');

const XML_ATTACKS: Record<string, string> = {
  'billion-laughs.xml': `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol0 "lol">${lols}]>\n${body('&lol9;')}`,
  'xxe-file.xml': `<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${body('&xxe;')}`,
  'xxe-parameter.xml': `<!DOCTYPE akomaNtoso [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>\n${body('x')}`,
  'external-dtd.xml': `<!DOCTYPE akomaNtoso SYSTEM "file:///etc/passwd">\n${body('x')}`,
  // A harmless DOCTYPE in a comment used to hide the real one from the check.
  'decoy.xml': `<!-- <!DOCTYPE x> -->\n<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${body('&xxe;')}`,
};

function expectAllRefused(s: ImportSummary) {
  expect(s.documents).toBe(0);
  expect(s.failed.map((f) => f.file).sort()).toEqual(Object.keys(XML_ATTACKS).sort());
  for (const f of s.failed) expect(f.message, f.file).toMatch(/^DOCTYPE with (entity declarations|an external DTD) refused/);
  expect(JSON.stringify(s)).not.toMatch(/root:|lollollol/);
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`XML entity attacks through POST /api/imports on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Caller;
    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      editor = await withToken(app, t.ctx, 'editor');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('refuses billion laughs, external entities and external DTDs, each with a reason, storing nothing', async () => {
      const files = Object.entries(XML_ATTACKS).map(([name, content]) => ({ name, content }));
      const res = await editor.inject({ method: 'POST', url: '/api/imports', ...multipart('files', files) });
      expect(res.statusCode).toBe(200);
      expectAllRefused(res.json());
      const docs = await t.db.kysely.selectFrom('documents').select('id').execute();
      expect(docs).toEqual([]);
    });
  });
}

describe('XML and ZIP attacks through `mandate import`', () => {
  const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../bin/mandate.mjs');
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-xml-attacks-'));
    for (const [name, content] of Object.entries(XML_ATTACKS)) fs.writeFileSync(path.join(dir, name), content);
    fs.writeFileSync(path.join(dir, 'bomb.xlsx'), buildZip([zerosEntry('xl/worksheets/sheet1.xml', 300)]));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists every attack as failed with its reason, exits 1 and imports nothing', async () => {
    const files = [...Object.keys(XML_ATTACKS), 'bomb.xlsx'].map((f) => path.join(dir, f));
    const run = promisify(execFile);
    const r = await run(process.execPath, [BIN, 'import', ...files, '--db', path.join(dir, 'cli.sqlite'), '--json'], { env: { ...process.env, DATABASE_URL: '' } }).then(
      (ok) => ({ code: 0, stdout: ok.stdout }),
      (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
    );
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout) as ImportSummary;
    const bomb = s.failed.find((f) => f.file === 'bomb.xlsx');
    expect(bomb?.message).toMatch(/refused as a possible ZIP bomb/);
    expectAllRefused({ ...s, failed: s.failed.filter((f) => f !== bomb) });
  });
});
