import type { ParsedClause } from '../server/src/analysis/types.ts';

/**
 * Top-level operative paragraphs of a parsed document, counted by the same
 * rule as the labels (eval/labels/README.md): a clause whose path extends an
 * earlier operative clause's path is a sub-item; a bare lead-in ("Decides:",
 * "Calls upon the Governments concerned:") counts as the items under it.
 */
const LEAD_IN_WORDS = 8;

function base(path: string): string {
  return path.replace(/#\d+$/, '');
}

export function topLevelOperativeCount(clauses: readonly ParsedClause[]): number {
  const ops = clauses.filter((c) => c.kind === 'operative');
  let count = 0;
  const seen: string[] = [];
  for (const [i, c] of ops.entries()) {
    const p = base(c.path);
    const parent = seen.find((s) => p.startsWith(`${s}/`));
    seen.push(p);
    if (parent !== undefined) {
      // A child of a bare lead-in stands for a paragraph of its own.
      const lead = ops.find((o) => base(o.path) === parent);
      if (lead && isLeadIn(lead)) count++;
      continue;
    }
    const hasChildren = ops.slice(i + 1).some((o) => base(o.path).startsWith(`${p}/`));
    if (!(hasChildren && isLeadIn(c))) count++;
  }
  return count;
}

/** Only a verb phrase and a colon: "Decides:", "Calls upon the parties:". */
export function isLeadIn(c: ParsedClause): boolean {
  const t = c.text.trim();
  return c.num === '' && /:$/.test(t) && t.split(/\s+/).length <= LEAD_IN_WORDS;
}
