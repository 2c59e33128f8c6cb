import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClauseDiff } from '@mandate/shared';
import { diffRevisions } from '../lineage/diff-revisions.ts';
import type { ClauseLike } from '../lineage/types.ts';
import { parseResolutionText } from '../text/parse-text.ts';
import { HIGH_CONFIDENCE, judgeLink, levelOf } from './link-confidence.ts';
import { planCarryOver } from './plan-carry-over.ts';

/** Clauses written as "heading/num: text"; kind follows the heading. */
function doc(...lines: string[]): ClauseLike[] {
  return lines.map((line) => {
    const [, heading, num, text] = /^([^/:]+)(?:\/([^:]+))?: (.*)$/.exec(line)!;
    return {
      kind: ['considering', 'noting'].includes(heading!) ? 'preambular' : 'operative',
      heading: heading!,
      num: num ?? '',
      path: num ? `${heading}/${num}` : heading!,
      text: text!,
    };
  });
}

const OLDER = doc(
  'considering/a: that developing countries take part in standardization less than others',
  'resolves/1: to keep the bridging the standardization gap programme under review',
  'resolves/2: to hold regional meetings of study groups in developing countries',
  'resolves/3: to offer fellowships to experts from least developed countries',
  'instructs the Director/1: to report every year to the Council on the programme',
  'instructs the Director/2: to set up a fund for the participation of delegates',
);
const NEWER = doc(
  'considering/a: that developing countries take part in standardization less than others',
  'resolves/1: to keep the bridging the standardization gap programme under review',
  'resolves/2: to translate the guides into the six official languages',
  'resolves/3: to hold regional meetings of study groups in developing countries',
  'resolves/4: to offer fellowships to experts from least developed and landlocked developing countries',
  'instructs the Director/1: to report every year to the Council and to TSAG on the programme',
);
const diff = diffRevisions(OLDER, NEWER);

describe('planCarryOver', () => {
  it('maps each item to its clause’s counterpart, with a confidence and a reason', () => {
    const plan = planCarryOver(diff, [
      { id: 1, clausePaths: ['resolves/1'] },
      { id: 2, clausePaths: ['resolves/2'] },
      { id: 3, clausePaths: ['resolves/3'] },
      { id: 4, clausePaths: ['instructs the Director/2'] },
    ]);
    const summary = plan.items.map((i) => [i.actionId, i.to, i.reason, i.confidence]);
    expect(summary[0]).toEqual([1, ['resolves/1'], 'unchanged', 1]);
    expect(summary[1]).toEqual([2, ['resolves/3'], 'renumbered', 0.95]);
    expect(summary[2]!.slice(0, 3)).toEqual([3, ['resolves/4'], 'reworded']);
    expect(summary[2]![3]).toBeGreaterThan(0.5);
    expect(summary[2]![3]).toBeLessThan(0.95);
    expect(summary[3]).toEqual([4, [], 'removed', 0]);
    expect(plan.itemsWithoutTarget).toEqual([4]);
    expect(plan.unmappedClauses).toEqual([{ path: 'instructs the Director/2', actionIds: [4] }]);
  });

  it('gives an item citing several clauses the union of their targets and the weakest link’s confidence', () => {
    const plan = planCarryOver(diff, [{ id: 7, clausePaths: ['resolves/3', 'resolves/1'] }]);
    const [item] = plan.items;
    expect(item!.from).toEqual(['resolves/1', 'resolves/3']);
    expect(item!.to).toEqual(['resolves/1', 'resolves/4']);
    expect(item!.confidence).toBe(item!.links[1]!.confidence);
    expect(item!.reason).toBe('reworded');
  });

  it('scales a partly removed item by the share of its clauses that survived', () => {
    const plan = planCarryOver(diff, [{ id: 8, clausePaths: ['resolves/1', 'instructs the Director/2'] }]);
    expect(plan.items[0]).toMatchObject({ to: ['resolves/1'], confidence: 0.5, reason: 'partly removed' });
    expect(plan.itemsWithoutTarget).toEqual([]);
    expect(plan.unmappedClauses).toEqual([{ path: 'instructs the Director/2', actionIds: [8] }]);
  });

  it('lists added operative clauses nobody cites as candidates for new items', () => {
    expect(planCarryOver(diff, []).newClausesWithoutItems.map((c) => c.path)).toEqual(['resolves/2']);
    expect(planCarryOver(diff, [], { citedNewPaths: new Set(['resolves/2']) }).newClausesWithoutItems).toEqual([]);
    // Added preambular clauses are not mandates.
    const withRecital = diffRevisions(OLDER, [...NEWER.slice(0, 1), ...doc('noting: that the fund has been used twice'), ...NEWER.slice(1)]);
    expect(planCarryOver(withRecital, []).newClausesWithoutItems.map((c) => c.path)).toEqual(['resolves/2']);
  });

  it('orders items by the first clause they cite, ignores unknown paths and repeated ones', () => {
    const plan = planCarryOver(diff, [
      { id: 9, clausePaths: ['instructs the Director/1', 'instructs the Director/1'] },
      { id: 3, clausePaths: ['resolves/3'] },
      { id: 5, clausePaths: ['no/such/clause'] },
      { id: 2, clausePaths: ['resolves/3'] },
    ]);
    expect(plan.items.map((i) => i.actionId)).toEqual([2, 3, 9, 5]);
    expect(plan.items[2]!.links).toHaveLength(1);
    expect(plan.items[3]).toMatchObject({ links: [], to: [], reason: 'removed' });
  });

  it('judges moved clauses below reworded ones, and less still under another heading', () => {
    const entry = (over: Partial<ClauseDiff>): ClauseDiff => ({
      op: 'moved',
      old: { kind: 'operative', heading: 'resolves', path: 'resolves/1', num: '1', text: 'x' },
      new: { kind: 'operative', heading: 'resolves', path: 'resolves/4', num: '4', text: 'x' },
      similarity: 1,
      ...over,
    });
    expect(judgeLink(entry({}))).toEqual({ confidence: 0.9, reason: 'moved' });
    expect(judgeLink(entry({ new: { kind: 'operative', heading: 'instructs Study Group 5', path: 'sg5/1', num: '1', text: 'x' } }))).toEqual({ confidence: 0.8, reason: 'moved' });
    expect(judgeLink(entry({ op: 'changed', similarity: 0.6, new: entry({}).old }))).toEqual({ confidence: 0.6, reason: 'reworded' });
    expect([levelOf(1), levelOf(HIGH_CONFIDENCE), levelOf(0.6), levelOf(0.33)]).toEqual(['high', 'high', 'medium', 'low']);
  });

  it('carries items over the demo’s two revisions of WTSA Resolution 64 as a secretariat would', () => {
    const read = (name: string) => parseResolutionText(readFileSync(new URL(`../../demo/corpus/${name}`, import.meta.url), 'utf8'), { fileName: name }).clauses;
    const older = read('wtsa20-res-064.txt');
    const d = diffRevisions(older, read('wtsa24-res-064.txt'));
    const path = (phrase: string) => older.find((c) => c.kind === 'operative' && c.text.includes(phrase))!.path;
    const plan = planCarryOver(d, [
      { id: 1, clausePaths: [path('IPv6 training and hands-on workshops')] },
      { id: 2, clausePaths: [path('report periodically to the Council')] },
      { id: 3, clausePaths: [path('IPv6 test laboratories')] },
      { id: 4, clausePaths: [path('next-generation networks')] },
    ]);
    const byId = new Map(plan.items.map((i) => [i.actionId, i]));
    expect(byId.get(1)).toMatchObject({ reason: 'unchanged', confidence: 1 });
    // Reporting to the Council became an annual report to TSAG: paired in place, but not the same mandate.
    expect(byId.get(2)!.reason).toBe('reworded');
    expect(levelOf(byId.get(2)!.confidence)).toBe('low');
    expect(levelOf(byId.get(4)!.confidence)).toBe('medium');
    expect(plan.itemsWithoutTarget).toEqual([3]);
    // What the 2024 text asks for that nobody does yet.
    expect(plan.newClausesWithoutItems.map((c) => c.text)).toContainEqual(expect.stringMatching(/monitoring the progress of IPv6/));
  });
});
