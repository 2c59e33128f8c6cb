import type { ClauseKind } from '@mandate/shared';
import { headingKey } from './heading-order.ts';
import { comparable, type Comparable } from './similarity.ts';
import type { SourceClause } from './types.ts';

/**
 * A clause with its sub-items ("resolves 2" and its "a)", "b)"): the unit that
 * is compared, kept or merged, so a list never loses its lead-in or gains a
 * stranger's items.
 */
export interface Block {
  source: number;
  /** Indexes into the source's clauses: the lead clause first, then its sub-items. */
  clauses: number[];
  kind: ClauseKind;
  headingKey: string;
  /** The block's text as a whole, and each clause's. */
  whole: Comparable;
  parts: Comparable[];
}

const basePath = (path: string) => path.replace(/#\d+$/, '');

/** Splits a source into blocks, leaving out clauses without text (returned as `empty`). */
export function blocksOf(source: number, clauses: readonly SourceClause[]): { blocks: Block[]; empty: number[] } {
  const blocks: Block[] = [];
  const empty: number[] = [];
  let open: { block: Block; prefix: string } | null = null;
  clauses.forEach((c, i) => {
    if (c.text.trim() === '') {
      empty.push(i);
      return;
    }
    const key = headingKey(c.heading);
    const lead = open ? clauses[open.block.clauses[0]!]! : null;
    if (open && lead && lead.kind === c.kind && open.block.headingKey === key && basePath(c.path).startsWith(open.prefix)) {
      open.block.clauses.push(i);
      return;
    }
    const block: Block = { source, clauses: [i], kind: c.kind, headingKey: key, whole: comparable(''), parts: [] };
    blocks.push(block);
    open = { block, prefix: `${basePath(c.path)}/` };
  });
  for (const b of blocks) {
    b.parts = b.clauses.map((i) => comparable(clauses[i]!.text));
    b.whole = comparable(b.clauses.map((i) => clauses[i]!.text).join(' '));
  }
  return { blocks, empty };
}
