import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OverlapInputError, findOverlaps, findOverlapsParallel, type OverlapDocument, type OverlapResult } from './index.ts';
import { syntheticCorpus } from './synthetic.ts';

const UNSC = path.resolve(import.meta.dirname, '../../../../../shared/data/unsc-resolutions/texts');
const unsc = (n: string) => readFileSync(path.join(UNSC, `S_RES_${n}_EN_GOLD.txt`), 'utf8');

function checkShape(docs: OverlapDocument[], r: OverlapResult, minWords = 10) {
  const text = new Map(docs.map((d) => [d.id, d.text]));
  expect(r.documents).toBe(docs.length);
  for (const [i, p] of r.pairs.entries()) {
    expect(p.a < p.b).toBe(true);
    expect(p.containment).toBeGreaterThan(0);
    expect(p.containment).toBeLessThanOrEqual(1);
    expect(p.passages.length).toBeGreaterThan(0);
    if (i > 0) {
      const q = r.pairs[i - 1]!;
      expect(q.containment > p.containment || (q.containment === p.containment && (q.a < p.a || (q.a === p.a && q.b < p.b)))).toBe(true);
    }
    for (const s of p.passages) {
      for (const [id, [start, end]] of [[p.a, s.a], [p.b, s.b]] as const) {
        expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(start).toBeLessThan(end);
        expect(end).toBeLessThanOrEqual(text.get(id)!.length);
      }
      expect(s.words).toBeGreaterThanOrEqual(minWords);
    }
  }
  for (const b of r.boilerplate) {
    expect(b.documents).toBeGreaterThanOrEqual(2);
    for (const o of b.occurrences) {
      expect(o.start).toBeLessThan(o.end);
      expect(o.end).toBeLessThanOrEqual(text.get(o.id)!.length);
    }
  }
}

describe('findOverlaps', () => {
  it('gives identical documents containment 1, one passage over the whole text', () => {
    const text = 'The Security Council,\n\nRequests the Secretary-General to report on the implementation of this resolution within three months;\n\nDecides to remain seized of the matter.';
    const r = findOverlaps([{ id: 'b', text }, { id: 'a', text }]);
    expect(r.pairs).toEqual([{ a: 'a', b: 'b', containment: 1, passages: [{ a: [0, text.length - 1], b: [0, text.length - 1], words: 24 }] }]);
  });

  it('finds an edited copy of a passage inside unrelated text, with offsets on both sides', () => {
    const { documents } = syntheticCorpus({ paragraphs: 6, seed: 7, duplicates: 0 });
    const source = documents[0]!.text.split('\n\n')[0]!;
    const edited = source.replace(/\b(\w+) (\w+) (\w+)\b/, '$1 inserted $3').replace(/ (\w+);?$/, ' changed;');
    const host = `Opening words of another text entirely.\n\n${edited}\n\nClosing words here.`;
    const r = findOverlaps([{ id: 'src', text: documents[0]!.text }, { id: 'host', text: host }]);
    expect(r.pairs).toHaveLength(1);
    const [p] = r.pairs;
    expect(p!.a).toBe('host');
    const found = p!.passages[0]!;
    const at = host.indexOf(edited);
    // The whole edited paragraph, but for the last word (changed): edits inside are bridged.
    expect(found.a).toEqual([at, at + edited.lastIndexOf(' ')]);
    expect(found.b[0]).toBe(0);
    expect(documents[0]!.text.slice(...found.b)).toBe(source.slice(0, source.lastIndexOf(' ')));
    expect(p!.containment).toBeGreaterThan(0.6); // host is the shorter document: its own opening and closing words count against
  });

  it('recognises a formula shared by many unrelated documents as boilerplate, not evidence', () => {
    const { documents } = syntheticCorpus({ paragraphs: 60, seed: 3, duplicates: 0 });
    // First paragraphs only: random words, none of the generator's own formulas.
    const docs = documents.slice(0, 12).map((d) => ({ id: d.id, text: `${d.text.split('\n\n')[0]}\n\nDecides to remain seized of the matter.` }));
    const r = findOverlaps(docs);
    expect(r.pairs).toEqual([]);
    const seized = r.boilerplate.find((b) => /remain seized of the matter/.test(b.text));
    expect(seized?.documents).toBe(12);
    expect(seized?.occurrences.map((o) => docs.find((d) => d.id === o.id)!.text.slice(o.start, o.end))).toContain('Decides to remain seized of the matter');
    checkShape(docs, r);
  });

  it('finds the planted near-duplicates of a synthetic corpus and little else', () => {
    const c = syntheticCorpus({ paragraphs: 1500, seed: 11 });
    const r = findOverlaps(c.documents);
    checkShape(c.documents, r);
    const found = new Set(r.pairs.map((p) => `${p.a}|${p.b}`));
    const planted = c.planted.map(([x, y]) => [c.documents[x]!.id, c.documents[y]!.id].sort().join('|'));
    const recall = planted.filter((k) => found.has(k)).length / planted.length;
    expect(recall).toBeGreaterThan(0.95);
    // Copies of copies are related too; anything else would be a false pair.
    const related = new Set(planted);
    const extra = r.pairs.filter((p) => !related.has(`${p.a}|${p.b}`));
    expect(extra.length).toBeLessThan(planted.length * 0.6);
  });

  it.runIf(existsSync(UNSC))('pairs consecutive UNFICYP renewals and not unrelated resolutions (UNSC texts)', () => {
    const ids = ['0201_1965', '0206_1965', '0219_1965', '0220_1966', '0242_1967', '0338_1973', '0082_1950'];
    const docs = ids.map((id) => ({ id, text: unsc(id) }));
    // A few more resolutions ending in "remain seized", so that it is seen in enough unrelated documents.
    const files = readdirSync(UNSC).filter((f) => /remain\s+seized/.test(readFileSync(path.join(UNSC, f), 'utf8')));
    for (const f of files.slice(0, 12)) docs.push({ id: f.slice(6, 15), text: readFileSync(path.join(UNSC, f), 'utf8') });
    const r = findOverlaps(docs);
    checkShape(docs, r);
    const c = (a: string, b: string) => r.pairs.find((p) => p.a === a && p.b === b)?.containment ?? 0;
    expect(c('0201_1965', '0206_1965')).toBeGreaterThan(0.7);
    expect(c('0219_1965', '0220_1966')).toBeGreaterThan(0.5);
    for (const other of ['0242_1967', '0338_1973', '0082_1950']) expect(r.pairs.some((p) => (p.a === other || p.b === other) && ids.includes(p.a) && ids.includes(p.b))).toBe(false);
    const text = new Map(docs.map((d) => [d.id, d.text]));
    for (const p of r.pairs) for (const s of p.passages) expect(text.get(p.a)!.slice(s.a[0], s.a[1])).not.toMatch(/^\W*(?:\d+\.\s*)?Decides to remain seized of the (?:matter|question)\W*$/);
    expect(r.boilerplate.some((b) => /remain seized/.test(b.text) && b.documents >= 5)).toBe(true);
  });

  it('holds its invariants on arbitrary texts (property)', () => {
    const vocab = 'council decides requests the of and to report secretary general peace force cyprus period months resolution states members urges parties restraint'.split(' ');
    const docArb = fc.array(fc.integer({ min: 0, max: vocab.length - 1 }), { minLength: 0, maxLength: 120 }).map((ws) => ws.map((w, i) => (i % 17 === 16 ? `${vocab[w]}.\n\n` : i % 7 === 6 ? `${vocab[w]},\n` : vocab[w])).join(' '));
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 5 }), (texts, copyFrom) => {
        const docs = texts.map((text, i) => ({ id: `d${i}`, text }));
        if (docs.length > 1) docs.push({ id: 'copy', text: `Intro words. ${docs[copyFrom % docs.length]!.text} closing words` });
        checkShape(docs, findOverlaps(docs));
      }),
      { numRuns: 60 },
    );
  });

  it('gives containment 1 to any two identical documents of at least minWords words (property)', () => {
    const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'Épsilon', 'zeta-\neta', 'théta', '1964', 'ИОТА', 'kappa');
    const textArb = fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', ', ', '.\n\n', '\n', '; ')), { minLength: 10, maxLength: 300 }).map((ws) => ws.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(textArb, (text) => {
        const r = findOverlaps([{ id: 'x', text }, { id: 'y', text }]);
        expect(r.pairs).toHaveLength(1);
        expect(r.pairs[0]!.containment).toBe(1);
      }),
      { numRuns: 80 },
    );
  });
});

describe('bad input', () => {
  it('refuses what is not a list of { id, text } with unique ids, and bad options, with clear errors', () => {
    expect(() => findOverlaps('x' as never)).toThrow(OverlapInputError);
    expect(() => findOverlaps([{ id: 'a' }] as never)).toThrow(/document 0: expected \{ id: string, text: string \}/);
    expect(() => findOverlaps([{ id: 'a', text: '' }, { id: 'a', text: '' }])).toThrow(/the id "a" is used twice/);
    expect(() => findOverlaps([], { permutations: 64 })).toThrow(/permutations must be a whole number from 128/);
    expect(() => findOverlaps([], { bands: 7 })).toThrow(/bands \(7\) must divide permutations \(128\)/);
    expect(() => findOverlaps([], { threshold: 2 })).toThrow(/threshold must be between 0 and 1/);
    expect(() => findOverlaps([], { minWords: 0 })).toThrow(/minWords/);
  });

  it('handles no documents, empty texts, punctuation only and lone surrogates', () => {
    expect(findOverlaps([])).toEqual({ documents: 0, pairs: [], boilerplate: [] });
    const r = findOverlaps([
      { id: 'a', text: '' },
      { id: 'b', text: '.,;\n\n\n —' },
      { id: 'c', text: '\uD800 broken \uDC00 surrogates \uD800' },
    ]);
    expect(r).toEqual({ documents: 3, pairs: [], boilerplate: [] });
  });

  it('does bounded work on one huge document without blank lines, and on very many one-word documents', () => {
    const { documents } = syntheticCorpus({ paragraphs: 3000, seed: 5 });
    const huge = documents.map((d) => d.text.replace(/\n\n/g, ' ')).join(' ');
    expect(huge.length).toBeGreaterThan(500_000);
    let t = performance.now();
    const r = findOverlaps([{ id: 'huge', text: huge }, { id: 'part', text: documents[10]!.text }]);
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(r.pairs[0]?.containment).toBeGreaterThan(0.9);
    const many = Array.from({ length: 100_000 }, (_, i) => ({ id: `w${i}`, text: `word${i % 50}` }));
    t = performance.now();
    expect(findOverlaps(many)).toEqual({ documents: 100_000, pairs: [], boilerplate: [] });
    expect(performance.now() - t).toBeLessThan(20_000);
  });
});

describe('findOverlapsParallel', () => {
  it('gives exactly the result of findOverlaps, on worker threads', async () => {
    const c = syntheticCorpus({ paragraphs: 800, seed: 9 });
    const phases = new Set<string>();
    const parallel = await findOverlapsParallel(c.documents, { workers: 2, onProgress: (p) => phases.add(p.phase) });
    expect(parallel).toEqual(findOverlaps(c.documents));
    expect([...phases]).toEqual(['signatures', 'candidates', 'align', 'boilerplate']);
  });

  it('rejects bad input the same way', async () => {
    await expect(findOverlapsParallel([{ id: 'a', text: '' }, { id: 'a', text: '' }], { workers: 2 })).rejects.toThrow(/used twice/);
    await expect(findOverlapsParallel([], { workers: 0 })).rejects.toThrow(/workers must be a whole number/);
  });
});
