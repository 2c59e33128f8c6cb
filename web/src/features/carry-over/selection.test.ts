import { describe, expect, it } from 'vitest';
import type { CarryOverClause, CarryOverItem, CarryOverProposal } from '@mandate/shared';
import { carryOverBody, initialChoices, retarget, setAll, setChecked } from './selection.ts';

const clause = (id: number): CarryOverClause => ({ id, kind: 'operative', path: `resolves/${id}`, heading: 'resolves', number: String(id), label: `resolves ${id}`, text: '' });
const link = (from: number, to: number | null) => ({ from: clause(from), to: to === null ? null : clause(to), op: to === null ? ('removed' as const) : ('unchanged' as const), similarity: 1, confidence: to === null ? 0 : 1, reason: to === null ? ('removed' as const) : ('unchanged' as const) });
const item = (actionId: number, links: ReturnType<typeof link>[], over: Partial<CarryOverItem> = {}): CarryOverItem => ({
  actionId,
  ref: `A-${actionId}`,
  title: '',
  status: 'in_progress',
  version: 3,
  links,
  to: links.flatMap((l) => (l.to ? [l.to.id] : [])),
  confidence: 1,
  level: 'high',
  reason: 'unchanged',
  alreadyCited: [],
  preselected: true,
  ...over,
});

const proposal = {
  to: { id: 9 },
  items: [
    item(1, [link(11, 101)]),
    item(2, [link(12, null)], { preselected: false, to: [] }),
    item(3, [link(13, 103)], { alreadyCited: [103], preselected: false }),
    item(4, [link(14, 104), link(15, 105)], { preselected: false }),
  ],
} as unknown as CarryOverProposal;
const [one, removed, done, two] = proposal.items as [CarryOverItem, CarryOverItem, CarryOverItem, CarryOverItem];

describe('carry-over selection', () => {
  it('starts from the proposal and sends the ticked rows with their versions', () => {
    const c = initialChoices(proposal);
    expect(carryOverBody(proposal, c)).toEqual({ to: 9, items: [{ actionId: 1, clauseIds: [101], version: 3 }] });
    expect(carryOverBody(proposal, setChecked(c, one, false))).toBeNull();
  });

  it('ticks an item when a target is chosen for it, and unticks it when none is left', () => {
    let c = retarget(initialChoices(proposal), removed, 12, 105);
    expect(c[2]!.checked).toBe(true);
    c = retarget(c, removed, 12, null);
    expect(c[2]!.checked).toBe(false);
  });

  it('never ticks a row with nothing to add, and sends only clauses the item does not cite yet', () => {
    let c = setAll(initialChoices(proposal), proposal, true);
    expect([c[1]!.checked, c[2]!.checked, c[3]!.checked, c[4]!.checked]).toEqual([true, false, false, true]);
    c = retarget(c, two, 15, 104);
    expect(carryOverBody(proposal, c)!.items.find((i) => i.actionId === 4)!.clauseIds).toEqual([104]);
    c = retarget(c, done, 13, 104);
    expect(carryOverBody(proposal, c)!.items.find((i) => i.actionId === 3)!.clauseIds).toEqual([104]);
    expect(carryOverBody(proposal, setAll(c, proposal, false))).toBeNull();
  });
});
