import { describe, expect, it } from 'vitest';
import { alignWords } from './align.ts';
import { resolveParams } from './options.ts';
import { tokeniseString } from './tokens.ts';

const p = resolveParams({}, 10);
function align(a: string, b: string) {
  const ta = tokeniseString(a);
  const tb = tokeniseString(b);
  const out: { a: string; b: string; matched: number }[] = [];
  alignWords(ta.hash, ta.n, tb.hash, tb.n, p, p.minWords, (a0, a1, b0, b1, matched) => {
    out.push({ a: a.slice(ta.start[a0], ta.end[a1 - 1]), b: b.slice(tb.start[b0], tb.end[b1 - 1]), matched });
  });
  return out;
}

describe('alignWords', () => {
  it('finds an exact passage inside different text, with exact boundaries', () => {
    const r = align('Alpha beta gamma. Requests the Secretary-General to report to the Council on the situation. Delta epsilon.', 'Zeta eta. Requests the Secretary-General to report to the Council on the situation, theta iota kappa.');
    expect(r).toHaveLength(1);
    expect(r[0]!.a).toBe('Requests the Secretary-General to report to the Council on the situation');
    expect(r[0]!.b).toBe(r[0]!.a);
  });

  it('bridges substitutions, insertions and deletions in one passage', () => {
    const a = 'Extends the stationing in Cyprus of the United Nations Peace-keeping Force established under resolution 186 for a further period of six months ending 26 December 1965';
    const b = 'Extends once more the stationing in Cyprus of the United Nations Force established under Security Council resolution 186 for a further period of three months ending 26 June 1966';
    const r = align(a, b);
    expect(r).toHaveLength(1);
    expect(r[0]!.a.startsWith('Extends')).toBe(true);
    expect(r[0]!.b.startsWith('Extends')).toBe(true);
    expect(r[0]!.a.endsWith('ending 26')).toBe(true);
  });

  it('reports nothing for unrelated text sharing only common words', () => {
    expect(align('The Council of the United Nations and the States of the region in the area', 'In the light of the report and of the views of the parties to the dispute')).toEqual([]);
  });
});
