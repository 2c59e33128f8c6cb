export { documentText, type DocumentText, type TextClause, type TextSegment } from './document-text.ts';
export { countWords, coverage, coveredWords, wordStarts } from './words.ts';
export { findCandidates } from './find-candidates.ts';
export { clauseWords, filterPassages, type StoredPair, type StoredPassage } from './passages.ts';
export * from './types.ts';
