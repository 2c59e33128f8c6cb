export type {
  OverlapDocument,
  OverlapOptions,
  OverlapProgress,
  OverlapPassage,
  OverlapPair,
  BoilerplatePassage,
  OverlapResult,
} from './types.ts';
export { findOverlaps, OverlapInputError } from './find-overlaps.ts';
export { findOverlapsParallel } from './parallel.ts';
