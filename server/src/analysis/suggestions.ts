import { printLabel } from './common/labels.ts';
import { capitaliseFirst, collapseWhitespace, slugify, truncateAtWord } from './common/text.ts';
import type { ParsedClause, ParsedDocument } from './types.ts';

/**
 * Proposed action items: one per block of consecutive operative clauses
 * that ask the same addressee to act under the same heading. Blocks that
 * name nobody (resolves, decides) bind the membership at large and are not
 * proposed. Keys are built from clause paths, so re-importing the same
 * document finds the same proposals.
 */

export interface SuggestedAction {
  blockKey: string;
  heading: string;
  addressee: string;
  title: string;
  description: string;
  clausePaths: string[];
}

const TITLE_MAX = 120;

/** Drops the UN-style verb phrase and addressee ("Requests the Secretary-General to report …" → "report …"). */
function stripLead(text: string, heading: string): string {
  let t = text;
  if (heading && t.toLowerCase().startsWith(heading.toLowerCase())) {
    t = t.slice(heading.length).trimStart();
    const infinitive = /^[^;:]{0,160}?\bto\s+(?=[a-z])/.exec(t);
    if (infinitive) t = t.slice(infinitive[0].length);
  }
  return t;
}

/** A short imperative from the first clause: "to develop guidelines on …" → "Develop guidelines on …". */
export function actionTitle(clause: ParsedClause): string {
  let t = stripLead(collapseWhitespace(clause.text), clause.heading);
  t = t.replace(/^to\s+/i, '');
  // Up to the first semicolon or list lead-in is enough for a title ("Rev. Dubai" rules out cutting at full stops).
  t = (t.split(/;|:(?=\s|$)/)[0] ?? t).replace(/[\s,;:.]+$/, '');
  return truncateAtWord(capitaliseFirst(t), TITLE_MAX);
}

function describe(clauses: readonly ParsedClause[]): string {
  return clauses.map((c) => (c.num ? `${printLabel(c.num)} ${c.text}` : c.text)).join('\n');
}

export function suggestActions(doc: ParsedDocument): SuggestedAction[] {
  const blocks: ParsedClause[][] = [];
  let current: ParsedClause[] = [];
  for (const c of doc.clauses) {
    const first = current[0];
    const same = first && c.kind === 'operative' && c.heading === first.heading && c.addressee === first.addressee;
    if (!same) {
      if (current.length) blocks.push(current);
      current = c.kind === 'operative' ? [c] : [];
    } else current.push(c);
  }
  if (current.length) blocks.push(current);

  return blocks
    .filter((b) => b[0]!.addressee !== null)
    .map((b) => {
      const first = b[0]!;
      return {
        blockKey: `${slugify(first.heading) || 'operative'}@${first.path}`,
        heading: first.heading,
        addressee: first.addressee!,
        title: actionTitle(first),
        description: describe(b),
        clausePaths: b.map((c) => c.path),
      };
    });
}
