import type { ClauseDiff, DiffSide, DiffSummary, RevisionDiff } from '@mandate/shared';
import { alignClauses } from './align.ts';
import { comparableText } from './similarity.ts';
import type { ClauseLike, Match } from './types.ts';
import { wordChanges } from './word-diff.ts';

/**
 * The clause-by-clause difference between two revisions of a document, both
 * given in document order.
 *
 * Pairs come from `alignClauses`; a pair off the order backbone, or whose
 * clause now stands under another heading, has moved. The result reads in the
 * newer revision's order, with each removed clause where it stood (see
 * `placeRemoved`). Every clause of either side appears exactly once.
 */
export function diffRevisions(older: readonly ClauseLike[], newer: readonly ClauseLike[]): RevisionDiff {
  const { matches, inOrder } = alignClauses(older, newer);
  const byNew = new Map(matches.map((m) => [m.new, m]));
  const oldMatched = new Set(matches.map((m) => m.old));
  const anchorAt = (j: number) => {
    const m = byNew.get(j);
    return m && inOrder.has(m) ? m : undefined;
  };

  const clauses: ClauseDiff[] = [];
  let nextOld = 0;
  const removedUpTo = (limit: number) => {
    for (; nextOld < limit; nextOld++) {
      if (!oldMatched.has(nextOld)) clauses.push({ op: 'removed', old: side(older[nextOld]!), similarity: 0 });
    }
  };
  let gap: Gap | undefined;
  newer.forEach((clause, j) => {
    const anchor = anchorAt(j);
    if (anchor) {
      removedUpTo(anchor.old);
      nextOld = anchor.old + 1;
      gap = undefined;
    } else {
      gap ??= openGap(newer, j, anchorAt);
      removedUpTo(placeRemoved(older, oldMatched, nextOld, gap, j, clause, clauses[clauses.length - 1]));
    }
    const m = byNew.get(j);
    clauses.push(m ? pairEntry(older[m.old]!, clause, m, anchor !== undefined) : { op: 'added', new: side(clause), similarity: 0 });
  });
  removedUpTo(older.length);
  return { summary: summarise(clauses), clauses };
}

/** The newer clauses between two backbone pairs: where the gap ends on the older side, and the headings still to come. */
interface Gap {
  oldEnd: number;
  /** Heading key → the last newer position in the gap (the closing anchor included) under that heading. */
  lastUnder: Map<string, number>;
}

const headingKey = (c: ClauseLike) => `${c.kind}\u0000${c.heading}`;

function openGap(newer: readonly ClauseLike[], start: number, anchorAt: (j: number) => Match | undefined): Gap {
  const lastUnder = new Map<string, number>();
  let j = start;
  for (; j < newer.length; j++) {
    lastUnder.set(headingKey(newer[j]!), j);
    if (anchorAt(j)) break;
  }
  return { oldEnd: j < newer.length ? anchorAt(j)!.old : Number.MAX_SAFE_INTEGER, lastUnder };
}

/**
 * How far (exclusive, on the older side) removed clauses are shown before the
 * newer clause `next` inside a gap, so a removed clause stays in its section:
 * before `next` when it is under the same heading as `next` (removed before
 * added, as a replaced hunk reads), when it closes the section just shown, or
 * when `next` opens a section and the removed clause's own section does not
 * come later in the gap.
 */
function placeRemoved(
  older: readonly ClauseLike[],
  oldMatched: ReadonlySet<number>,
  from: number,
  gap: Gap,
  at: number,
  next: ClauseLike,
  shown: ClauseDiff | undefined,
): number {
  const nextKey = headingKey(next);
  const shownKey = shown ? headingKey((shown.new ?? shown.old)!) : undefined;
  const opensSection = nextKey !== shownKey;
  let limit = from;
  for (let i = from; i < Math.min(gap.oldEnd, older.length); i++) {
    if (oldMatched.has(i)) continue;
    const key = headingKey(older[i]!);
    const comesLater = (gap.lastUnder.get(key) ?? -1) > at;
    if (key === nextKey || key === shownKey || (opensSection && !comesLater)) limit = i + 1;
  }
  return limit;
}

function pairEntry(o: ClauseLike, n: ClauseLike, m: Match, inOrder: boolean): ClauseDiff {
  const sameText = comparableText(o.text) === comparableText(n.text);
  const sameHeading = o.kind === n.kind && o.heading === n.heading;
  const op = !inOrder || !sameHeading ? 'moved' : sameText ? 'unchanged' : 'changed';
  const entry: ClauseDiff = { op, old: side(o), new: side(n), similarity: sameText ? 1 : round(m.similarity) };
  if (!sameText) entry.words = wordChanges(o.text, n.text);
  return entry;
}

const side = (c: ClauseLike): DiffSide => ({ kind: c.kind, heading: c.heading, path: c.path, num: c.num, text: c.text });

/** Three decimals: enough to rank, and stable in JSON. A reworded clause never shows as 1. */
const round = (x: number) => Math.min(0.999, Math.round(x * 1000) / 1000);

function summarise(clauses: readonly ClauseDiff[]): DiffSummary {
  const summary: DiffSummary = { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0 };
  for (const c of clauses) summary[c.op] += 1;
  return summary;
}
