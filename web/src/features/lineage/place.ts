import type { DiffSide } from '@mandate/shared';

/**
 * Where a clause stands, as people cite it: "resolves 2 a", "considering b",
 * "invites Member States" (the path's first part is the heading's slug; the
 * rest are the item numbers).
 */
export function placeOf(side: Pick<DiffSide, 'heading' | 'path'>): string {
  return [side.heading || side.path.split('/')[0], numbersOf(side)].filter(Boolean).join(' ');
}

/** The item numbers of a path: "resolves/2/a" → "2 a"; "" for an unnumbered clause. */
export const numbersOf = (side: Pick<DiffSide, 'path'>) => side.path.split('/').slice(1).join(' ');

/** "resolves/2/a" is a sub-item of "resolves/2": indent it one step, as the reader does. */
export const depthOf = (side: Pick<DiffSide, 'path'>) => Math.max(0, side.path.split('/').length - 2);
