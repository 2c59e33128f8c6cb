import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAkn } from '../akn/parse-akn.ts';
import { extractReferences } from '../references/extract-references.ts';
import { ParseError, type ParsedDocument } from '../types.ts';
import { parseResolutionText } from './parse-text.ts';
import { renderAknDocumentAsText } from './render-text.ts';

/**
 * Bad input (issue 5): whatever text arrives, the parser either refuses it
 * with a ParseError or returns clauses and references whose offsets lie in
 * the text, in order, without overlapping — never another exception, never
 * a hang.
 */

const DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
const unscDir = `${DATA}unsc-resolutions/texts/`;
const unsc = readdirSync(unscDir).filter((f) => f.endsWith('.txt')).sort().filter((_f, i) => i % 23 === 0).map((f) => readFileSync(unscDir + f, 'utf8'));
const itu = parseAkn(readFileSync(`${DATA}itu-pp18/pp18_final_acts_akn.xml`, 'utf8')).documents.filter((_d, i) => i % 8 === 0).map(renderAknDocumentAsText);
const real = [...unsc, ...itu];

function checkInvariants(text: string): void {
  let doc: ParsedDocument;
  try {
    doc = parseResolutionText(text);
  } catch (err) {
    if (err instanceof ParseError) return;
    throw err;
  }
  let previousEnd = 0;
  for (const c of doc.clauses) {
    expect(c.start! >= previousEnd && c.start! <= c.end! && c.end! <= text.length, `clause ${c.path} ${c.start}-${c.end} after ${previousEnd}`).toBe(true);
    previousEnd = c.end!;
  }
  previousEnd = 0;
  for (const r of extractReferences(text, { issuer: doc.body })) {
    expect(r.start >= previousEnd && r.start < r.end && r.end <= text.length).toBe(true);
    expect(text.slice(r.start, r.end)).toBe(r.text);
    previousEnd = r.end;
  }
}

/** A real text with random damage: cuts, insertions, duplicated or dropped lines, stray characters. */
const mutated = fc
  .tuple(
    fc.constantFrom(...real),
    fc.array(
      fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('\n', '\n\n', '1. ', '(a) ', 'resolves', '-\n', 'resolution 12 (', ':', '\u0000'))),
      { maxLength: 8 },
    ),
  )
  .map(([text, edits]) => edits.reduce((t, [at, cut, insert]) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + insert + t.slice(i + cut);
  }, text));

describe('property: no exception but ParseError, offsets in order and inside the text', () => {
  it('random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), checkInvariants), { numRuns: 300 });
  });

  it('random lines that look like resolution text', () => {
    const line = fc.oneof(fc.constantFrom('', 'considering', 'resolves', 'The Security Council,', '1. Decides to', 'a) that', '(b) To', 'RESOLUTION 64 (Rev. Dubai, 2018)', 'Adopted at the 1000th meeting', '12 Ibid.'), fc.string({ maxLength: 60 }));
    fc.assert(fc.property(fc.array(line, { maxLength: 60 }).map((ls) => ls.join('\n')), checkInvariants), { numRuns: 300 });
  });

  it('mutated real texts (UNSC and PP-18)', () => {
    fc.assert(fc.property(mutated, checkInvariants), { numRuns: 300 });
  });
});

describe('bad input', () => {
  it('refuses a 100 MB text at once instead of parsing it', () => {
    const big = 'x'.repeat(100_000_000);
    const t0 = Date.now();
    expect(() => parseResolutionText(big)).toThrow(/at most 50 million/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('parses texts of a few megabytes in bounded time', () => {
    const un = unsc.join('\n\n').repeat(8); // ~2.5 MB of real UN layout (structure stops at the first adoption line)
    let t0 = Date.now();
    expect(parseResolutionText(un).references!.length).toBeGreaterThan(100);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const filler = 'to study the matter of Resolution 64 (Rev. Dubai, 2018) and report on it '.repeat(25);
    const items = Array.from({ length: 900 }, (_x, i) => `${i + 1} ${filler}further;`); // ~1.7 MB
    const ituText = `RESOLUTION 1 (Dubai, 2018)\n\nTitle\n\nThe Plenipotentiary Conference (Dubai, 2018),\n\nresolves\n\n${items.join('\n\n')}\n`;
    t0 = Date.now();
    expect(parseResolutionText(ituText).clauses).toHaveLength(900);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('says plainly when a text is in Arabic or Chinese', () => {
    const arabic = parseResolutionText('إن مؤتمر المندوبين المفوضين للاتحاد الدولي للاتصالات،\n\nإذ يضع في اعتباره\n\nأ) أن القرار 64\n');
    expect(arabic.problems[0]!.message).toMatch(/mostly in Arabic script/);
    const chinese = parseResolutionText('国际电信联盟全权代表大会（2018年，迪拜），\n\n考虑到\n\na) 第64号决议\n');
    expect(chinese.problems[0]!.message).toMatch(/mostly in Chinese script/);
  });

  it('refuses binary junk and empty text with a ParseError', () => {
    expect(() => parseResolutionText('')).toThrow(ParseError);
    expect(() => parseResolutionText('%PDF-1.7\u0000\u0001\u0002')).toThrow(ParseError);
    const junk = String.fromCharCode(...Array.from({ length: 5000 }, (_x, i) => 1 + ((i * 7919) % 254)));
    checkInvariants(junk);
  });
});
