import { bool } from '../../search.ts';

export interface StreamlineSearch {
  /** Pairs sharing at least this share of the shorter text (0.1 when absent). */
  min?: number;
  /** Also list revisions of one text. */
  lineage?: true;
}

export const MIN_CONTAINMENT_CHOICES = [0.1, 0.2, 0.3, 0.5, 0.7, 0.9] as const;
// One clause in ten repeated is already worth a reader's look; the engine itself reports from 0.05.
export const DEFAULT_MIN_CONTAINMENT = 0.1;

export function validateStreamlineSearch(raw: Record<string, unknown>): StreamlineSearch {
  const min = Number(raw.min);
  return {
    min: (MIN_CONTAINMENT_CHOICES as readonly number[]).includes(min) && min !== DEFAULT_MIN_CONTAINMENT ? min : undefined,
    lineage: bool(raw.lineage),
  };
}
