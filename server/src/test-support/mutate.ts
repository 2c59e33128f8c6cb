import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { nastyString } from './fuzz.ts';
import { SHARED_DATA } from './test-db.ts';

/**
 * Damaged versions of real files for the importer property tests: cut
 * short, bytes flipped, hostile text spliced in, pieces repeated or removed.
 * Real files go deeper into a parser than random bytes ever do.
 */

/** Fragments that break XML and text parsers in interesting ways. */
const MARKUP = [
  '<',
  '>',
  '&',
  '</p>',
  '<p>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '&#0;',
  '&#x110000;',
  '&#xD800;',
  '&unknown;',
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
  '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
  '<p>'.repeat(3000),
  'xmlns="http://evil.example"',
  '\r',
  '\n'.repeat(5000),
  'resolves\n\n1 ',
  'RESOLUTION 1 (Rev. X, 2026)\n',
  '\ufeff',
];

const insertion = fc.oneof(nastyString, fc.constantFrom(...MARKUP)).map((s) => new TextEncoder().encode(s));

type Op = (b: Uint8Array) => Uint8Array;
const at = (b: Uint8Array, f: number) => Math.floor(f * b.byteLength);
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((f): Op => (b) => b.subarray(0, at(b, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })).map(([f, v]): Op => (b) => {
    const c = Uint8Array.from(b);
    if (c.byteLength) c[Math.min(at(c, f), c.byteLength - 1)] = v;
    return c;
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), insertion).map(([f, s]): Op => (b) => cat(b.subarray(0, at(b, f)), s, b.subarray(at(b, f)))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([f, g]): Op => (b) => {
    const [i, j] = [at(b, Math.min(f, g)), at(b, Math.max(f, g))];
    return cat(b.subarray(0, i), b.subarray(j));
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 4096 })).map(([f, n]): Op => (b) => {
    const i = at(b, f);
    const piece = b.subarray(i, i + n);
    return cat(b.subarray(0, i), piece, piece, b.subarray(i));
  }),
);

/** One to four damages applied to `base`. */
export function mutated(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.array(op, { minLength: 1, maxLength: 4 }).map((ops) => ops.reduce((b, f) => f(b), base));
}

/** `base` cut at a random point (an interrupted upload or copy). */
export function truncated(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.integer({ min: 0, max: Math.max(base.byteLength - 1, 0) }).map((n) => base.subarray(0, n));
}

export interface RealFile {
  name: string;
  content: Uint8Array;
}

/**
 * Copies some shared data files into a temp folder and reads them from there:
 * the shared folder is read-only material, and tests never touch it.
 */
export function copySharedFiles(relative: string[]): { files: RealFile[]; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-fuzz-'));
  const files = relative.map((r) => {
    const to = path.join(dir, path.basename(r));
    fs.copyFileSync(path.join(SHARED_DATA, r), to);
    return { name: path.basename(r), content: new Uint8Array(fs.readFileSync(to)) };
  });
  return { files, dir };
}

/** File names a client might send: ordinary, misleading, traversing, hostile. */
export const fileName = fc.oneof(
  fc.constantFrom('res.xml', 'res.txt', 'res.akn', 'res', 'res.docx', 'res.pdf', 'RES.XML', '.xml', '../../../../etc/passwd.xml', 'C:\\evil\\res.txt', 'a/b/c.txt', '<script>.xml', `${'a'.repeat(300)}.txt`),
  nastyString.map((s) => `${s}.txt`),
);
