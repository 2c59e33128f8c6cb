import type { ClauseKind, ConsolidatedDraft, RedlineParagraph } from '@mandate/shared';

type ParagraphRole = RedlineParagraph['role'];
import { printLabel } from '../common/labels.ts';
import { collapseWhitespace } from '../common/text.ts';
import { headingKey } from './heading-order.ts';
import type { ConsolidationSource } from './types.ts';

/**
 * A text as the paragraphs a reader sees, in the ITU layout of
 * `renderAknDocumentAsText`: the header, title and enacting formula,
 * then each heading on its own and each clause as "label text". The redline
 * compares these; the DOCX export writes them; a test keeps them equal to the
 * text renderer's output.
 */
export interface Paragraph {
  role: ParagraphRole;
  text: string;
  /** Heading paragraphs: the heading's key; clause paragraphs: the clause's path; the front: its role. */
  ref: string;
}

interface ClauseLike {
  kind: ClauseKind;
  heading: string;
  num: string;
  path: string;
  text: string;
}

/** Depth below the heading, read from the path as the renderer does ("resolves/2/a" → 1). */
const depthOf = (c: ClauseLike) => Math.max(c.path.replace(/#\d+$/, '').split('/').length - 2, 0);

export function bodyParagraphs(clauses: readonly ClauseLike[]): Paragraph[] {
  const out: Paragraph[] = [];
  let previous: ClauseLike | null = null;
  for (const c of clauses) {
    const sameBlock = previous && previous.heading === c.heading && previous.kind === c.kind;
    // The renderer's rule: a heading is repeated where numbering restarts or an unnumbered paragraph follows.
    const restarts = depthOf(c) === 0 && (c.num === '' || c.num === '1' || c.num === 'a');
    const heading = collapseWhitespace(c.heading);
    if (heading && (!sameBlock || restarts)) out.push({ role: 'heading', text: heading, ref: headingKey(heading) });
    const label = printLabel(c.num);
    const text = collapseWhitespace(c.text);
    out.push({ role: 'clause', text: label ? `${label} ${text}` : text, ref: c.path });
    previous = c;
  }
  return out;
}

type Front = { header?: string; title?: string; preamble?: string };

/** Named, so a redline pairs title with title even when one side has no header. */
function frontParagraphs(front: Front): Paragraph[] {
  const parts = [['header', front.header], ['title', front.title], ['formula', front.preamble]] as const;
  return parts.map(([role, text]) => ({ role, text: collapseWhitespace(text ?? ''), ref: role })).filter((p) => p.text !== '');
}

export function draftParagraphs(draft: ConsolidatedDraft): Paragraph[] {
  return [...frontParagraphs(draft), ...bodyParagraphs(draft.clauses)];
}

export function sourceParagraphs(source: ConsolidationSource): Paragraph[] {
  return [...frontParagraphs(source), ...bodyParagraphs(source.clauses)];
}
