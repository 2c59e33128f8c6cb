import type { DraftClause } from '@mandate/shared';
import type { SourceClause } from './types.ts';

/**
 * The closing mark of a clause says where it stands in its list: items end
 * with ";", the last under a heading with ",", the document's last with ".".
 * A clause that stands elsewhere in the draft than in its source gets the
 * mark of its new place; one that keeps its place keeps its text as written.
 */

type Place = 'item' | 'last-of-heading' | 'last';

const MARK: Record<Place, string> = { item: ';', 'last-of-heading': ',', last: '.' };
/** A closing mark, with the "and" / "or" that may follow an item's semicolon. */
const CLOSING = /\s*[;,.](?:\s+(?:and|or))?\s*$/;

function placesOf(clauses: readonly { kind: string; heading: string }[]): Place[] {
  return clauses.map((c, i) => {
    if (i === clauses.length - 1) return 'last';
    const next = clauses[i + 1]!;
    return next.kind !== c.kind || next.heading !== c.heading ? 'last-of-heading' : 'item';
  });
}

/** Rewrites the closing marks of draft clauses whose place changed; `sourceOf` gives each draft clause's kept source clause. */
export function fitClosingMarks(draft: DraftClause[], sourceOf: (i: number) => { clauses: readonly SourceClause[]; index: number }): void {
  const placeCache = new Map<readonly SourceClause[], Place[]>();
  const draftPlaces = placesOf(draft);
  draft.forEach((c, i) => {
    const { clauses, index } = sourceOf(i);
    let places = placeCache.get(clauses);
    if (!places) placeCache.set(clauses, (places = placesOf(clauses)));
    const was = places[index]!;
    const now = draftPlaces[i]!;
    // A lead-in ending with ":" or a text without a closing mark is left as written.
    if (was === now || !CLOSING.test(c.text)) return;
    c.text = c.text.replace(CLOSING, MARK[now]);
  });
}
