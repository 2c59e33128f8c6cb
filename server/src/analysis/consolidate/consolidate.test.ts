import { describe, expect, it } from 'vitest';
import { consolidate } from './consolidate.ts';
import { clauses, source } from './test-fixtures.ts';

const RES_A = source(
  1,
  clauses(
    'considering/a: that international standards lower the cost of networks;',
    'considering/b: that developing countries take part in standardization less than others,',
    'noting: Resolution 64 (Rev. Dubai, 2018) of this Conference,',
    'resolves/1: to keep the bridging the standardization gap programme under review;',
    'resolves/2: to hold regional meetings of study groups in developing countries,',
    'invites Member States: to contribute to the programme.',
  ),
  { title: 'Bridging the standardization gap', preamble: 'The World Telecommunication Standardization Assembly (Geneva, 2022),' },
);

const RES_B = source(
  2,
  clauses(
    'recalling: Resolution 71 (Rev. Dubai, 2018) on the strategic plan,',
    'considering/a: that international standards lower the cost of networks for all;',
    'considering/b: that Developing Countries take part in standard-ization less than others;',
    'considering/c: that study groups meet mostly in Geneva,',
    'noting: Resolution 101 (Rev. Dubai, 2018) of this Conference,',
    'instructs the Director/1: to report to the Council every year;',
    'instructs the Director/2: to hold workshops in the regions,',
    'resolves: to hold regional meetings of study groups in developing countries,',
    'invites Member States: to contribute to the programme.',
  ),
);

const texts = (d: ReturnType<typeof consolidate>) => d.clauses.map((c) => `${c.heading}/${c.num}: ${c.text}`);

describe('consolidate', () => {
  it('keeps each recital once, in the longer wording, with every origin', () => {
    const d = consolidate([RES_A, RES_B]);
    const cost = d.clauses.filter((c) => c.text.includes('lower the cost'));
    expect(cost).toHaveLength(1);
    expect(cost[0]).toMatchObject({ text: 'that international standards lower the cost of networks for all;', status: 'merged' });
    expect(cost[0]!.origin).toEqual([
      { sourceId: 2, path: 'considering/a', similarity: 1 },
      { sourceId: 1, path: 'considering/a', similarity: 0.875 },
    ]);
    expect(d.removed).toContainEqual({ sourceId: 1, path: 'considering/a', reason: 'near-duplicate', duplicateOf: 'considering/a', similarity: cost[0]!.origin[1]!.similarity });
  });

  it('ignores case, punctuation, hyphenation and the closing mark', () => {
    const d = consolidate([RES_A, RES_B]);
    const part = d.clauses.filter((c) => /take part in standard/i.test(c.text));
    expect(part).toHaveLength(1);
    expect(d.removed).toContainEqual(expect.objectContaining({ sourceId: 2, path: 'considering/b', reason: 'duplicate', similarity: 1 }));
  });

  it('never merges citations of different numbers, however alike the words', () => {
    const d = consolidate([RES_A, RES_B]);
    expect(d.clauses.filter((c) => c.heading === 'noting').map((c) => c.text)).toEqual([
      'Resolution 64 (Rev. Dubai, 2018) of this Conference;',
      'Resolution 101 (Rev. Dubai, 2018) of this Conference,',
    ]);
  });

  it('merges a clause into one that says all it says and more, but not a short phrase found inside a longer clause', () => {
    const a = source(1, clauses('invites Member States/1: to adopt IPv6 in their networks and services;', 'invites Member States/2: to report,'));
    const b = source(2, clauses('invites Member States/1: to adopt IPv6 in their networks and services and to require it in public procurement;', 'invites Member States/2: to report annually to the Council on the transition of their networks,'));
    expect(texts(consolidate([a, b]))).toEqual([
      'invites Member States/1: to adopt IPv6 in their networks and services and to require it in public procurement;',
      'invites Member States/2: to report;',
      'invites Member States/3: to report annually to the Council on the transition of their networks,',
    ]);
  });

  it('treats "this Conference" and "this Assembly" as the same words', () => {
    const a = source(1, clauses('noting: the decision of this Conference on the budget of the Union for the next period,'));
    const b = source(2, clauses('noting: the decision of the present Assembly on the budget of the Union for the next period,'));
    expect(consolidate([a, b]).clauses).toHaveLength(1);
  });

  it('orders preambular headings as the sources first use them, operative ones the ITU way, and renumbers', () => {
    expect(texts(consolidate([RES_A, RES_B]))).toEqual([
      'recalling/: Resolution 71 (Rev. Dubai, 2018) on the strategic plan,',
      'considering/a: that international standards lower the cost of networks for all;',
      'considering/b: that developing countries take part in standardization less than others;',
      'considering/c: that study groups meet mostly in Geneva,',
      'noting/a: Resolution 64 (Rev. Dubai, 2018) of this Conference;',
      'noting/b: Resolution 101 (Rev. Dubai, 2018) of this Conference,',
      'resolves/1: to keep the bridging the standardization gap programme under review;',
      'resolves/2: to hold regional meetings of study groups in developing countries,',
      'instructs the Director/1: to report to the Council every year;',
      'instructs the Director/2: to hold workshops in the regions,',
      'invites Member States/: to contribute to the programme.',
    ]);
  });

  it('puts resolves, instructs, requests and invites in that order, whatever order the sources use', () => {
    const a = source(1, clauses('invites Sector Members: to take part.', 'invites Member States: to contribute,', 'invites the Council: to consider the matter,', 'requests the Secretary-General: to report,'));
    const b = source(2, clauses('instructs the Director of the Telecommunication Standardization Bureau: to act,', 'instructs the Secretary-General: to coordinate,', 'decides: to continue the work,'));
    expect(consolidate([a, b]).clauses.map((c) => c.heading)).toEqual([
      'decides',
      'instructs the Secretary-General',
      'instructs the Director of the Telecommunication Standardization Bureau',
      'requests the Secretary-General',
      'invites the Council',
      'invites Member States',
      'invites Sector Members',
    ]);
  });

  it('records where each clause came from and gives a moved clause the closing mark of its new place', () => {
    const d = consolidate([RES_A, RES_B]);
    const resolves = d.clauses.filter((c) => c.heading === 'resolves');
    expect(resolves.map((c) => [c.path, c.status, c.origin.map((o) => `${o.sourceId}:${o.path}`)])).toEqual([
      ['resolves/1', 'kept', ['1:resolves/1']],
      ['resolves/2', 'merged', ['1:resolves/2', '2:resolves']],
    ]);
    // The first recital of B was its group's only one ("recalling"), and stays so; A's "noting" was last and is not now.
    expect(d.clauses.find((c) => c.path === 'noting/a')!.text.endsWith(';')).toBe(true);
  });

  it('prefers the most recent wording when the sources say when they were adopted', () => {
    const older = source(1, clauses('resolves: to continue the study of the bridging of the standardization gap in all regions of the world,'), { year: 2016 });
    const newer = source(2, clauses('resolves: to continue the study of the bridging of the standardization gap in all regions,'), { year: 2022 });
    expect(consolidate([older, newer]).clauses[0]!.text).toBe('to continue the study of the bridging of the standardization gap in all regions,');
    expect(consolidate([newer, older]).clauses[0]!.origin[0]!.sourceId).toBe(2);
  });

  it('merges a document\'s identical clauses, never its near-duplicates', () => {
    const a = source(
      1,
      clauses(
        'noting/a: that the programme has helped many developing countries take part in study groups;',
        'noting/b: that the programme has helped many developing countries take part in study groups;',
        'noting/c: that the programme has helped many developing countries take part in workshops,',
      ),
    );
    const d = consolidate([a]);
    expect(d.clauses.map((c) => c.path)).toEqual(['noting/a', 'noting/b']);
    expect(d.removed).toEqual([{ sourceId: 1, path: 'noting/b', reason: 'duplicate', duplicateOf: 'noting/a', similarity: 1 }]);
  });

  it('keeps sub-items with their lead, relabelled when the lead gains a number', () => {
    const a = source(1, clauses('resolves/1: to hold workshops;', 'resolves/2: that the following shall apply:', 'resolves/2/a: workshops are free;', 'resolves/2/b: reports are public,'));
    const b = source(2, clauses('resolves: that the following shall apply to every event:', 'resolves/1: the host pays the venue;', 'resolves/2: the union pays the interpreters,'));
    expect(texts(consolidate([a, b]))).toEqual([
      'resolves/1: to hold workshops;',
      'resolves/2: that the following shall apply:',
      'resolves/a: workshops are free;',
      'resolves/b: reports are public;',
      'resolves/3: that the following shall apply to every event:',
      'resolves/a: the host pays the venue;',
      'resolves/b: the union pays the interpreters,',
    ]);
    expect(consolidate([a, b]).clauses.map((c) => c.path).slice(4)).toEqual(['resolves/3', 'resolves/3/a', 'resolves/3/b']);
  });

  it('lists clauses without text as removed', () => {
    const a = source(1, clauses('noting/a: that the work continues;', 'noting/b: '));
    expect(consolidate([a]).removed).toEqual([{ sourceId: 1, path: 'noting/b', reason: 'empty', duplicateOf: null, similarity: 0 }]);
  });

  it('takes the title and formula from the first source unless told otherwise', () => {
    expect(consolidate([RES_A, RES_B])).toMatchObject({ header: 'DRAFT CONSOLIDATED RESOLUTION', title: RES_A.title, preamble: RES_A.preamble });
    expect(consolidate([RES_B, RES_A], { title: 'One programme' })).toMatchObject({ title: 'One programme' });
    expect(consolidate([])).toEqual({ header: 'DRAFT CONSOLIDATED RESOLUTION', clauses: [], removed: [] });
  });
});
