import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidate } from './consolidate.ts';
import { draftParagraphs, sourceParagraphs } from './paragraphs.ts';
import { redline } from './redline.ts';
import { renderDraftText } from './render-draft-text.ts';
import { resolveRedline } from './test-fixtures.ts';
import type { ConsolidationSource, SourceClause } from './types.ts';

/**
 * Properties of any consolidation, on random documents that share, reword,
 * repeat and reorder clauses (empty clauses and sub-items included).
 */

const HEADINGS = [
  ['preambular', 'considering'],
  ['preambular', 'recognizing'],
  ['preambular', 'noting'],
  ['operative', 'resolves'],
  ['operative', 'instructs the Secretary-General'],
  ['operative', 'invites Member States'],
] as const;
const WORDS = ['the', 'study', 'groups', 'shall', 'report', 'to', 'Council', 'on', 'IPv6', 'e-waste', 'this', 'Conference', 'Resolution', '64', '2018', 'annual', 'regional', ';', ','];
const SHARED = [
  'that international standards lower the cost of networks for every country',
  'Resolution 64 (Rev. Dubai, 2018) of this Conference',
  'to report annually to the Council on the implementation of this resolution',
  'that developing countries take part in standardization less than others',
];

const text = fc.oneof(
  fc.constantFrom(...SHARED),
  fc.constantFrom(...SHARED).map((t) => `${t} and its regions`),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join(' ')),
);
const rawClause = fc.record({ heading: fc.nat(HEADINGS.length - 1), text, sub: fc.boolean() });

/** Numbers clauses as a parser would: letters for recitals, numbers otherwise, "" when alone; a sub-item follows its lead. */
function numbered(raw: { heading: number; text: string; sub: boolean }[], sorted: boolean): SourceClause[] {
  const list = sorted ? [...raw].sort((a, b) => a.heading - b.heading) : raw;
  const out: SourceClause[] = [];
  const counts = new Map<number, number>();
  list.forEach((r, i) => {
    const [kind, heading] = HEADINGS[r.heading]!;
    const slug = heading.replace(/\W+/g, '-');
    const prev = out[out.length - 1];
    if (r.sub && prev && prev.heading === heading && i > 0) {
      out.push({ kind, heading, addressee: null, num: 'i', path: `${prev.path.split('/').slice(0, 2).join('/')}/i${i}`, text: r.text });
      return;
    }
    const n = (counts.get(r.heading) ?? 0) + 1;
    counts.set(r.heading, n);
    const num = kind === 'preambular' ? String.fromCharCode(96 + Math.min(n, 26)) : String(n);
    out.push({ kind, heading, addressee: null, num, path: `${slug}/${num}#${i}`, text: r.text });
  });
  return out;
}

const sourceArb = (id: number) =>
  fc.array(rawClause, { maxLength: 14 }).map((raw): ConsolidationSource => ({ id, label: `Res ${id}`, header: `RESOLUTION ${id}`, title: `Title ${id}`, year: 2000 + (id % 3), clauses: numbered(raw, false) }));
const sources = fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => sourceArb(i + 1))));

const at = (sourceId: number, path: string) => `${sourceId}:${path}`;

describe('consolidate (properties)', () => {
  it('accounts for every source clause: in exactly one draft clause\'s origins, or removed as empty', () => {
    fc.assert(
      fc.property(sources, (list) => {
        const draft = consolidate(list);
        const origins = draft.clauses.flatMap((c) => c.origin.map((o) => at(o.sourceId, o.path)));
        const empty = draft.removed.filter((r) => r.reason === 'empty').map((r) => at(r.sourceId, r.path));
        const all = list.flatMap((s) => s.clauses.map((c) => at(s.id, c.path)));
        expect([...origins, ...empty].sort()).toEqual([...all].sort());
        // A removed wording is among the origins of the clause that stands for it.
        for (const r of draft.removed.filter((x) => x.reason !== 'empty')) {
          expect(draft.clauses.find((c) => c.path === r.duplicateOf)!.origin.map((o) => at(o.sourceId, o.path))).toContain(at(r.sourceId, r.path));
        }
        expect(new Set(draft.clauses.map((c) => c.path)).size).toBe(draft.clauses.length);
      }),
      { numRuns: 300 },
    );
  });

  it('redlines every source into the draft: accept all gives the draft, reject all the source', () => {
    fc.assert(
      fc.property(sources, (list) => {
        const draft = consolidate(list);
        for (const s of list) {
          const r = redline(draft, s);
          expect(resolveRedline(r, 'accept')).toEqual(draftParagraphs(draft).map((p) => p.text));
          expect(resolveRedline(r, 'reject')).toEqual(sourceParagraphs(s).map((p) => p.text));
        }
        const rendered = renderDraftText(draft).split('\n\n').map((p) => p.replace(/\n/g, ' ').trim()).filter(Boolean);
        expect(rendered).toEqual(draftParagraphs(draft).map((p) => p.text));
      }),
      { numRuns: 300 },
    );
  });

  it('gives a document back when it is consolidated with itself', () => {
    const doc = fc
      .uniqueArray(rawClause.filter((r) => r.text.trim() !== ''), { maxLength: 14, selector: (r) => r.text.toLowerCase().replace(/[^a-z0-9]+/g, '') })
      .map((raw) => numbered(raw.map((r) => ({ ...r, sub: false })), true));
    fc.assert(
      fc.property(doc, (clauses) => {
        // Numbering as the draft numbers: a heading with one clause has no number.
        const single = new Set<string>(HEADINGS.map(([, h]): string => h).filter((h) => clauses.filter((c) => c.heading === h).length === 1));
        const expected = clauses.map((c) => ({ kind: c.kind, heading: c.heading, num: single.has(c.heading) ? '' : c.num, text: c.text }));
        const a: ConsolidationSource = { id: 1, label: 'A', clauses };
        const draft = consolidate([a, { ...a, id: 2 }]);
        expect(draft.clauses.map(({ kind, heading, num, text }) => ({ kind, heading, num, text }))).toEqual(expected);
        expect(draft.clauses.every((c) => c.origin.length === 2 && c.origin.every((o) => o.similarity === 1))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
