import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../types.ts';
import { parseResolutionText } from './parse-text.ts';

const DIR = fileURLToPath(new URL('../../../../../shared/data/unsc-resolutions/texts/', import.meta.url));
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const texts = new Map(files.map((f) => [f, readFileSync(`${DIR}${f}`, 'utf8')]));
const parsed = new Map<string, ParsedDocument>(files.map((f) => [f, parseResolutionText(texts.get(f)!, { fileName: f })]));

/** The resolution by number ("0300"). */
function res(n: string): { doc: ParsedDocument; text: string } {
  const f = files.find((x) => x.startsWith(`S_RES_${n}_`));
  if (!f) throw new Error(`no file for ${n}`);
  return { doc: parsed.get(f)!, text: texts.get(f)! };
}
const count = (d: ParsedDocument, kind: 'preambular' | 'operative') => d.clauses.filter((c) => c.kind === kind).length;
const at = (d: ParsedDocument, path: string) => d.clauses.find((c) => c.path === path);

describe('UN Security Council corpus', () => {
  it('parses all 461 files as UNSC resolutions', () => {
    expect(files).toHaveLength(461);
    for (const [f, d] of parsed) {
      expect(d.body, f).toBe('UNSC');
      expect(d.kind, f).toBe('resolution');
      expect(d.preamble === '' || /Security Council/.test(d.preamble), f).toBe(true);
    }
  });

  it('reads number and year as the file name gives them (at least 99 %)', () => {
    const misses: string[] = [];
    for (const [f, d] of parsed) {
      const [, number, year] = /S_RES_0*(\d+)_(\d{4})/.exec(f)!;
      if (d.number !== number || d.year !== Number(year) || d.revision !== year) misses.push(`${f}: ${d.number} (${d.year})`);
    }
    expect(misses.length / files.length, `misses:\n${misses.join('\n')}`).toBeLessThanOrEqual(0.01);
  });

  it('finds operative paragraphs in every resolution, with unique paths and spans that hold them', () => {
    for (const [f, d] of parsed) {
      expect(count(d, 'operative'), f).toBeGreaterThan(0);
      const paths = d.clauses.map((c) => c.path);
      expect(new Set(paths).size, f).toBe(paths.length);
      const text = texts.get(f)!;
      for (const c of d.clauses) {
        const firstWord = /[\p{L}\p{N}]+/u.exec(c.text)?.[0] ?? '';
        expect(text.slice(c.start, c.end), `${f} ${c.path}`).toContain(firstWord);
      }
    }
  });

  it('leaves adoption lines, votes and notes out of the clauses', () => {
    for (const [f, d] of parsed) {
      for (const c of d.clauses) expect(c.text, `${f} ${c.path}`).not.toMatch(/^Adopted\b|\bvotes to\b.*abstention/);
    }
  });
});

describe('UN layout, checked by eye', () => {
  it.each([
    // number, preambular, operative (sub-items included)
    ['0001', 1, 3],
    ['0009', 1, 5],
    ['0012', 0, 3],
    ['0050', 1, 12],
    ['0082', 3, 8],
    ['0100', 2, 3],
    ['0161', 9, 8],
    ['0242', 3, 9],
    ['0289', 2, 5],
    ['0300', 6, 3],
    ['0338', 0, 3],
    ['0400', 1, 1],
    ['0457', 7, 5],
  ])('resolution %s has %i preambular and %i operative clauses', (n, pre, op) => {
    const { doc } = res(n);
    expect(count(doc, 'preambular')).toBe(pre);
    expect(count(doc, 'operative')).toBe(op);
  });

  it('reads headings and addressees from the leading verb phrase', () => {
    const r300 = res('0300').doc;
    expect(r300).toMatchObject({ number: '300', revision: '1971', year: 1971, preamble: 'The Security Council,' });
    expect(r300.clauses.map((c) => c.heading)).toEqual([
      'Having received', 'Taking note', 'Taking note', 'Bearing in mind', 'Conscious', 'Concerned',
      'Reiterates', 'Calls upon', 'Further declares',
    ]);
    expect(at(r300, 'calls-upon/2')).toMatchObject({ num: '2', addressee: 'South Africa' });
    expect(at(r300, 'reiterates/1')?.addressee).toBeNull();
    expect(at(res('0161').doc, 'calls-upon/3')?.addressee).toBe('All States');
    expect(at(res('0242').doc, 'requests/3')?.addressee).toBe('Secretary-General');
    expect(at(res('0242').doc, 'affirms-further/2/b')?.text).toBe('For achieving a just settlement of the refugee problem;');
    expect(at(res('0400').doc, 'recommends')?.addressee).toBe('General Assembly');
    expect(at(res('0457').doc, 'decides/5')?.addressee).toBeNull();
  });

  it('treats "1. The Security Council requests …" as operative', () => {
    const r1 = res('0001').doc;
    expect(r1.title).toBe('MILITARY STAFF COMMITTEE');
    expect(r1.clauses.filter((c) => c.kind === 'operative').map((c) => c.heading)).toEqual(['Requests', 'Directs', 'Directs']);
    expect(at(r1, 'requests/1')?.addressee).toBe('Permanent members of the Security Council');
  });

  it('removes footnote markers and joins page-break hyphenation', () => {
    const r300 = res('0300').doc;
    expect(at(r300, 'having-received')?.text).toBe(
      'Having received the letter of the Permanent Representative of Zambia contained in document S/10352 and also the letter from forty-seven Member States contained in document S/10364,',
    );
    expect(r300.problems.map((p) => p.message)).toContain('footnote markers removed from clause text: 46, 47');
    expect(at(res('0100').doc, 'relies/3')?.text).toMatch(/^Relies on the Chief of Staff/);
    expect(at(res('0289').doc, 'having-taken-note')?.text).toBe('Having taken note of the request made by the President of the Republic of Guinea,');
  });

  it('keeps spans exact: the clause text comes from text.slice(start, end)', () => {
    const { doc, text } = res('0242');
    const c = at(doc, 'requests/4')!;
    expect(text.slice(c.start, c.end)).toMatch(/^4\. Requests the Secretary-General to report to the\nSecurity Council/);
    expect(text.slice(c.start, c.end)).toMatch(/as soon as possible\.$/);
  });
});

describe('General Assembly texts in the same layout', () => {
  const GA = `Resolution adopted by the General Assembly on 16 December 2030

[without reference to a Main Committee]

85/301. Follow-up to a review of digital cooperation

The General Assembly,

Recalling its earlier resolutions on digital cooperation,

Noting with appreciation the work of the Secretary-General in this field,

1. Decides to hold a high-level meeting on digital cooperation in 2032;

2. Requests the Secretary-General to submit a report on progress
to the General Assembly at its eighty-seventh session;

3. Invites Member States and other stakeholders to contribute to the
preparations.
`;

  it('reads session numbering, body, title and clauses', () => {
    const d = parseResolutionText(GA);
    expect(d).toMatchObject({ body: 'UNGA', number: '85/301', year: 2030, title: 'Follow-up to a review of digital cooperation', preamble: 'The General Assembly,' });
    expect(d.clauses.map((c) => [c.kind, c.heading, c.addressee])).toEqual([
      ['preambular', 'Recalling', null],
      ['preambular', 'Noting with appreciation', null],
      ['operative', 'Decides', null],
      ['operative', 'Requests', 'Secretary-General'],
      ['operative', 'Invites', 'Member States and other stakeholders'],
    ]);
  });
});
