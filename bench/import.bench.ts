/**
 * npm run bench:import [-- --runs N --file PATH]
 * Imports a document file (default: the PP-18 Final Acts, 61 documents) into a
 * fresh SQLite database N times and prints the median wall time as JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/src/db/database.ts';
import { createContext } from '../server/src/http/context.ts';
import { importDocuments } from '../server/src/modules/library/import.service.ts';
import { parseAkn } from '../server/src/analysis/akn/parse-akn.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    file: { type: 'string', default: path.resolve(here, '../../shared/data/itu-pp18/pp18_final_acts_akn.xml') },
  },
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const content = fs.readFileSync(args.file);
const importMs: number[] = [];
const parseMs: number[] = [];
let summary = { documents: 0, clauses: 0, suggestedActions: 0, problems: 0 };
for (let i = 0; i < Number(args.runs); i++) {
  const t0 = performance.now();
  parseAkn(content.toString('utf8'));
  parseMs.push(performance.now() - t0);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-bench-import-'));
  const db = await openDatabase({ url: path.join(dir, 'b.sqlite') });
  const t1 = performance.now();
  const s = await importDocuments(createContext(db), [{ name: path.basename(args.file), content }]);
  importMs.push(performance.now() - t1);
  summary = { documents: s.documents, clauses: s.clauses, suggestedActions: s.suggestedActions, problems: s.problems.length };
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ benchmark: 'import', file: path.basename(args.file), runs: importMs.length, medianImportSeconds: Number((median(importMs) / 1000).toFixed(3)), medianParseSeconds: Number((median(parseMs) / 1000).toFixed(3)), ...summary }, null, 2));
