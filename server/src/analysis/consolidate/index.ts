/** Consolidated drafts: one text out of several documents, and the redline from each of them to it. */
export { consolidate } from './consolidate.ts';
export { redline } from './redline.ts';
export { renderRedlineText } from './redline-text.ts';
export { renderDraftText, headerLine } from './render-draft-text.ts';
export { draftParagraphs, sourceParagraphs, type Paragraph } from './paragraphs.ts';
export { DEFAULT_THRESHOLD, DRAFT_HEADER, type ConsolidateOptions, type ConsolidationSource, type SourceClause } from './types.ts';
