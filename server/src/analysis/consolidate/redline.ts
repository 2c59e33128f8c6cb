import type { ConsolidatedDraft, RedlineParagraph, RedlineSummary, SourceRedline, WordSegment } from '@mandate/shared';
import { wordChanges } from '../lineage/word-diff.ts';
import { draftParagraphs, sourceParagraphs, type Paragraph } from './paragraphs.ts';
import type { ConsolidationSource } from './types.ts';

/**
 * The changes that turn one source's text into the draft's, paragraph by
 * paragraph, with word-level changes inside paired paragraphs.
 *
 * Pairs: a source clause with the draft clause whose origins name it (the
 * most similar one, when a source's duplicates collapsed into one), each
 * heading with the same heading (first with first), header with header,
 * title with title, formula with formula. The pairs that keep their order in both texts are kept; any other
 * paragraph is deleted where it stood and inserted where it now stands (a
 * clause moved under its heading's new place is such a pair). So accepting
 * every change gives the draft, and rejecting every change gives the source.
 */
export function redline(draft: ConsolidatedDraft, source: ConsolidationSource): SourceRedline {
  const from = sourceParagraphs(source);
  const to = draftParagraphs(draft);
  const anchors = inOrder(candidatePairs(draft, source, from, to));
  const paragraphs: RedlineParagraph[] = [];
  let s = 0;
  let d = 0;
  for (const [as, ad] of [...anchors, [from.length, to.length] as const]) {
    for (; s < as; s++) paragraphs.push(alone('delete', from[s]!));
    for (; d < ad; d++) paragraphs.push(alone('insert', to[d]!));
    if (as < from.length) paragraphs.push(paired(from[s++]!, to[d++]!));
  }
  return { sourceId: source.id, paragraphs, summary: summarise(paragraphs) };
}

function alone(op: 'insert' | 'delete', p: Paragraph): RedlineParagraph {
  return { role: p.role, op, segments: [{ op, text: p.text }], ...paths(p, op === 'delete' ? 'sourcePath' : 'draftPath') };
}

function paired(a: Paragraph, b: Paragraph): RedlineParagraph {
  const same = a.text === b.text;
  const segments: WordSegment[] = same ? [{ op: 'equal', text: a.text }] : wordChanges(a.text, b.text);
  return { role: b.role, op: same ? 'equal' : 'changed', segments, ...paths(a, 'sourcePath'), ...paths(b, 'draftPath') };
}

const paths = (p: Paragraph, key: 'sourcePath' | 'draftPath') => (p.role === 'clause' ? { [key]: p.ref } : {});

/** Candidate pairs [source paragraph, draft paragraph], at most one per paragraph on either side. */
function candidatePairs(draft: ConsolidatedDraft, source: ConsolidationSource, from: Paragraph[], to: Paragraph[]): [number, number][] {
  // The draft clause standing for each source clause: its best origin from this source.
  const draftPathOf = new Map<string, string>();
  for (const c of draft.clauses) {
    const mine = c.origin.filter((o) => o.sourceId === source.id);
    const best = mine.reduce<(typeof mine)[number] | undefined>((b, o) => (!b || o.similarity > b.similarity ? o : b), undefined);
    if (best && !draftPathOf.has(best.path)) draftPathOf.set(best.path, c.path);
  }
  const indexOf = (list: Paragraph[]) => {
    const seen = new Map<string, number>();
    const out = new Map<string, number>();
    list.forEach((p, i) => {
      // The k-th heading with a key pairs with the k-th heading with that key on the other side.
      const n = (seen.get(p.role + p.ref) ?? 0) + 1;
      seen.set(p.role + p.ref, n);
      out.set(`${p.role}\u0000${p.ref}\u0000${p.role === 'heading' ? n : 1}`, i);
    });
    return out;
  };
  const target = indexOf(to);
  const pairs: [number, number][] = [];
  const counts = new Map<string, number>();
  from.forEach((p, i) => {
    const n = (counts.get(p.role + p.ref) ?? 0) + 1;
    counts.set(p.role + p.ref, n);
    const ref = p.role === 'clause' ? draftPathOf.get(p.ref) : p.ref;
    const j = ref === undefined ? undefined : target.get(`${p.role}\u0000${ref}\u0000${p.role === 'heading' ? n : 1}`);
    if (j !== undefined) pairs.push([i, j]);
  });
  return pairs;
}

/** The longest run of pairs whose draft positions rise with their source positions (patience sorting, n log n). */
function inOrder(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous: number[] = [];
  pairs.forEach(([, d], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < d) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  });
  const out: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) out.push(pairs[k]!);
  return out.reverse();
}

function summarise(paragraphs: RedlineParagraph[]): RedlineSummary {
  const clauses = paragraphs.filter((p) => p.role === 'clause');
  const count = (op: RedlineParagraph['op']) => clauses.filter((p) => p.op === op).length;
  return { equal: count('equal'), changed: count('changed'), inserted: count('insert'), deleted: count('delete') };
}
