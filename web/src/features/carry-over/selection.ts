import type { CarryOverInput, CarryOverItem, CarryOverProposal } from '@mandate/shared';

/**
 * What the editor made of the proposal: per item, whether it is ticked and,
 * per older clause it cites, the newer clause chosen for it (null: none).
 * Pure, so the page's rules can be tested without a browser.
 */
export interface RowChoice {
  checked: boolean;
  targets: Record<number, number | null>;
}
export type Choices = Record<number, RowChoice>;

export function initialChoices(p: CarryOverProposal): Choices {
  return Object.fromEntries(
    p.items.map((item) => [item.actionId, { checked: item.preselected, targets: Object.fromEntries(item.links.map((l) => [l.from.id, l.to?.id ?? null])) }]),
  );
}

/** The newer clauses chosen for an item that it does not cite yet: what carrying it over adds. */
export function pendingTargets(item: CarryOverItem, choice: RowChoice | undefined): number[] {
  const chosen = Object.values(choice?.targets ?? {}).filter((id): id is number => id !== null);
  return [...new Set(chosen)].filter((id) => !item.alreadyCited.includes(id));
}

/** A row can be carried over when it has something to add. */
export const canCarry = (item: CarryOverItem, choice: RowChoice | undefined) => pendingTargets(item, choice).length > 0;

/** Choosing a target for an item that had none ticks it: the editor has just decided where it goes. */
export function retarget(choices: Choices, item: CarryOverItem, fromClause: number, to: number | null): Choices {
  const before = choices[item.actionId] ?? { checked: false, targets: {} };
  const next: RowChoice = { checked: before.checked, targets: { ...before.targets, [fromClause]: to } };
  if (!canCarry(item, before) && canCarry(item, next)) next.checked = true;
  if (!canCarry(item, next)) next.checked = false;
  return { ...choices, [item.actionId]: next };
}

export function setChecked(choices: Choices, item: CarryOverItem, checked: boolean): Choices {
  const before = choices[item.actionId] ?? { checked: false, targets: {} };
  return { ...choices, [item.actionId]: { ...before, checked: checked && canCarry(item, before) } };
}

export function setAll(choices: Choices, p: CarryOverProposal, checked: boolean): Choices {
  return p.items.reduce((acc, item) => setChecked(acc, item, checked), choices);
}

/** The request for the ticked rows (null when nothing is ticked), with the versions the proposal showed. */
export function carryOverBody(p: CarryOverProposal, choices: Choices): CarryOverInput | null {
  const items = p.items
    .filter((item) => choices[item.actionId]?.checked && canCarry(item, choices[item.actionId]))
    .map((item) => ({ actionId: item.actionId, clauseIds: pendingTargets(item, choices[item.actionId]), version: item.version }));
  return items.length > 0 ? { to: p.to.id, items } : null;
}
