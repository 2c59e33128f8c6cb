import type { ActionStatus, DocumentKind, DocumentStatus, SuggestionStatus } from '@mandate/shared';

/**
 * The enum lists the UI iterates over. Importing them as values from @mandate/shared would pull
 * all of zod (~300 kB) into the browser bundle just for four arrays, so they are restated here
 * and the compiler checks that each list is exactly the contract's union, in both directions.
 */
type Exactly<List extends readonly string[], Union extends string> = [Union] extends [List[number]]
  ? [List[number]] extends [Union]
    ? List
    : never
  : never;

const exactly =
  <Union extends string>() =>
  <const List extends readonly Union[]>(list: Exactly<List, Union>): List =>
    list;

export const ACTION_STATUSES = exactly<ActionStatus>()([
  'not_started',
  'in_progress',
  'ongoing',
  'on_hold',
  'completed',
  'superseded',
]);
export const DOCUMENT_KINDS = exactly<DocumentKind>()(['resolution', 'decision', 'recommendation', 'opinion']);
export const DOCUMENT_STATUSES = exactly<DocumentStatus>()(['in_force', 'superseded', 'suppressed']);
export const SUGGESTION_STATUSES = exactly<SuggestionStatus>()(['pending', 'accepted', 'merged', 'dismissed']);
