/**
 * First drafts of the UNSC labels, by simple rules that share no code with the
 * parser (so the parser cannot grade itself). The drafts were then compared
 * with the parser and every disagreement read by eye; the corrected labels are
 * the JSON files beside this script. Re-running this script does NOT
 * overwrite them: it prints the drafts, for a person to compare.
 *
 *   node server/bin/run-ts.mjs eval/labels/draft-unsc.ts > /tmp/drafts.json
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(import.meta.dirname, '../../../shared/data/unsc-resolutions/texts');

/** Top-level operative paragraphs: numbered runs 1, 2, 3 … in the body; else verb-led paragraphs. */
export function draftOperativeCount(text: string): number {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => /^\s*The Security Council\s*,?\s*$/i.test(l));
  let body = lines.slice(from + 1);
  const adopted = body.findIndex((l) => /^\s*Adopted\b/.test(l) || /^\s*ANNEX\b/.test(l));
  if (adopted >= 0) body = body.slice(0, adopted);
  let total = 0;
  let expected = 1;
  for (const l of body) {
    const m = /^\s*(\d{1,2})[.,]\s+\S/.exec(l);
    if (!m) continue;
    const n = Number(m[1]);
    if (n === expected) expected++;
    else if (n === 1) {
      total += expected - 1;
      expected = 2;
    }
  }
  total += expected - 1;
  if (total > 0) return total;
  const paras = body.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  let operative = false;
  let count = 0;
  for (const p of paras) {
    const first = /^(?:The Security Council\s+)?([A-Za-z]+)/.exec(p)?.[1] ?? '';
    if (/^[A-Z][a-z]+s$/.test(first) && !/ss$/.test(first) && !/^(?:Members|States|Nations|Governments)$/.test(first)) operative = true;
    else if (/^The Security Council\s+(?:also\s+|further\s+)?[a-z]+s\b/.test(p)) operative = true;
    if (operative && !/^[a-z(]/.test(p)) count++;
  }
  return count;
}

/** Cited resolutions "N (YYYY)", GA "N (XV)" or "31/6", lists included; the resolution's own header left out. Key: "UNSC 242 (1967)", "UNGA 1514 (XV)", "UNGA 31/6 (31)". */
export function draftReferences(text: string, self: string): string[] {
  const flat = text.replace(/-\n\s*/g, '').replace(/\s+/g, ' ');
  const keys = new Set<string>();
  const item = /(\d{1,4}) \((\d{4}|[IVXL]+|S-\d|1)\)/g;
  for (const m of flat.matchAll(/\b(General Assembly |Assembly )?resolutions? (\d{1,4} \((?:\d{4}|[IVXL]+|S-\d|1)\)(?:[^;.()]{0,40}?\d{1,4} \((?:\d{4}|[IVXL]+|S-\d|1)\))*)/gi)) {
    const ga = !!m[1];
    for (const it of m[2]!.matchAll(item)) {
      const session = /^\d{4}$/.test(it[2]!) ? null : it[2] === '1' ? 'I' : it[2]!;
      keys.add(session || ga ? `UNGA ${it[1]} (${session ?? it[2]})` : `UNSC ${it[1]} (${it[2]})`);
    }
  }
  for (const m of flat.matchAll(/\bresolutions? (\d{2})\/(\d{1,3})\b/gi)) keys.add(`UNGA ${m[1]}/${m[2]} (${m[1]})`);
  keys.delete(self);
  return [...keys].sort();
}

if (process.argv[1]?.endsWith('draft-unsc.ts')) {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
  const out: Record<string, { operative: number; references: string[] }> = {};
  for (const f of files) {
    const text = readFileSync(path.join(DIR, f), 'utf8');
    out[f] = { operative: draftOperativeCount(text), references: draftReferences(text, `UNSC ${Number(f.slice(6, 10))} (${f.slice(11, 15)})`) };
  }
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
}
