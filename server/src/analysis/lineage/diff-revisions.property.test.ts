import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClauseDiff } from '@mandate/shared';
import { collapseWhitespace } from '../common/text.ts';
import { diffRevisions } from './diff-revisions.ts';
import type { ClauseLike } from './types.ts';

/**
 * Properties of any diff, on random documents and random revisions of them
 * (clauses dropped, added, reworded, moved; duplicates and empty texts included).
 */

const WORDS = ['to', 'the', 'of', 'study', 'report', 'networks', 'Council', 'IPv6', 'members', 'annual', 'regional', 'e-waste', 'ITU-T', ';', ','];
const HEADINGS = ['considering', 'noting', 'resolves', 'instructs the Director'];

const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((w) => w.join(' '));
const clause = fc.record({ heading: fc.constantFrom(...HEADINGS), text }).map(({ heading, text }) => ({ heading, text }));

/** Numbers each clause within its heading, as a parser would. */
function numbered(raw: { heading: string; text: string }[]): ClauseLike[] {
  const count = new Map<string, number>();
  return raw.map(({ heading, text }) => {
    const num = String((count.get(heading) ?? 0) + 1);
    count.set(heading, Number(num));
    return { kind: heading === 'considering' || heading === 'noting' ? 'preambular' : 'operative', heading, num, path: `${heading}/${num}`, text };
  });
}

const document = fc.array(clause, { maxLength: 30 });

type Edit = { at: number; kind: 'drop' | 'reword' | 'move' } | { at: number; kind: 'insert'; clause: { heading: string; text: string } };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ at: fc.nat(), kind: fc.constantFrom('drop' as const, 'reword' as const, 'move' as const) }),
  fc.record({ at: fc.nat(), kind: fc.constant('insert' as const), clause }),
);

function revise(raw: { heading: string; text: string }[], edits: Edit[]) {
  const out = [...raw];
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % out.length;
    if (e.kind === 'insert') out.splice(at, 0, e.clause);
    else if (out.length === 0) continue;
    else if (e.kind === 'drop') out.splice(at, 1);
    else if (e.kind === 'reword') out[at] = { ...out[at]!, text: `${out[at]!.text} annual report` };
    else out.push(...out.splice(at, 1));
  }
  return out;
}

const key = (c: ClauseLike) => JSON.stringify([c.kind, c.heading, c.path, c.num, c.text]);

function checkInvariants(older: ClauseLike[], newer: ClauseLike[], clauses: ClauseDiff[]) {
  // Every newer clause once, in its order; every older clause once.
  expect(clauses.filter((c) => c.new).map((c) => key(c.new!))).toEqual(newer.map(key));
  expect(clauses.filter((c) => c.old).map((c) => key(c.old!)).sort()).toEqual(older.map(key).sort());
  for (const c of clauses) {
    expect(Boolean(c.old)).toBe(c.op !== 'added');
    expect(Boolean(c.new)).toBe(c.op !== 'removed');
    expect(c.similarity).toBeGreaterThanOrEqual(0);
    expect(c.similarity).toBeLessThanOrEqual(1);
    if (c.op === 'changed') expect(c.words).toBeDefined();
    if (c.words) {
      // The segments rebuild both texts.
      expect(c.words.filter((w) => w.op !== 'insert').map((w) => w.text).join('')).toBe(collapseWhitespace(c.old!.text));
      expect(c.words.filter((w) => w.op !== 'delete').map((w) => w.text).join('')).toBe(collapseWhitespace(c.new!.text));
    }
  }
}

describe('diffRevisions properties', () => {
  it('a document against itself is all unchanged, paths and all', () => {
    fc.assert(
      fc.property(document, (raw) => {
        const d = numbered(raw);
        const { summary, clauses } = diffRevisions(d, d);
        expect(summary).toEqual({ unchanged: d.length, changed: 0, added: 0, removed: 0, moved: 0 });
        expect(clauses.map((c) => [c.old!.path, c.new!.path])).toEqual(d.map((c) => [c.path, c.path]));
      }),
      { numRuns: 300 },
    );
  });

  it('every clause of both sides appears exactly once, and the summary counts the entries', () => {
    fc.assert(
      fc.property(document, fc.array(edit, { maxLength: 8 }), (raw, edits) => {
        const older = numbered(raw);
        const newer = numbered(revise(raw, edits));
        const { summary, clauses } = diffRevisions(older, newer);
        checkInvariants(older, newer, clauses);
        expect(Object.values(summary).reduce((a, b) => a + b, 0)).toBe(clauses.length);
        expect(summary.unchanged + summary.changed + summary.moved + summary.removed).toBe(older.length);
        expect(summary.unchanged + summary.changed + summary.moved + summary.added).toBe(newer.length);
      }),
      { numRuns: 500 },
    );
  });

  it('holds for two unrelated documents too', () => {
    fc.assert(
      fc.property(document, document, (a, b) => {
        const older = numbered(a);
        const newer = numbered(b);
        checkInvariants(older, newer, diffRevisions(older, newer).clauses);
      }),
      { numRuns: 300 },
    );
  });
});
