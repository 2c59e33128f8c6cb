import { int } from '../../search.ts';

export interface CarryOverSearch {
  /** The revision the plan moves to. */
  to?: number;
}

export function validateCarryOverSearch(raw: Record<string, unknown>): CarryOverSearch {
  return { to: int(raw.to, 1) };
}
