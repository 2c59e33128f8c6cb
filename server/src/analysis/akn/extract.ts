import { ClauseAssembler } from '../common/assemble.ts';
import { readHeading } from '../common/headings.ts';
import { collapseWhitespace } from '../common/text.ts';
import type { ParsedClause, ParseProblem } from '../types.ts';
import { child, elements, segmentOf, textOf, type XNode } from './xml.ts';

/**
 * Walks one AKN document's preamble and body and feeds headings and items
 * to the clause assembler. Structure comes from the markup where it exists;
 * the assembler repairs what the converter got wrong.
 */

/** Elements that are numbered units of text. */
const HIERARCHY = new Set([
  'paragraph', 'subparagraph', 'point', 'item', 'article', 'section', 'subsection', 'clause', 'subclause',
  'alinea', 'indent', 'rule', 'subrule', 'division', 'level',
]);
/** Never clause text: annexes, attachments, signatures, notes. */
const SKIPPED = new Set(['attachments', 'attachment', 'annex', 'annexes', 'components', 'conclusions', 'meta', 'authorialNote']);
/** Parts of an item that are not its own text. */
const NOT_OWN_TEXT = new Set([...HIERARCHY, 'num', 'heading', 'subheading', 'list', 'blockList', ...SKIPPED]);

function ownText(el: XNode): string {
  let s = '';
  for (const c of el.children) {
    if (c.text !== undefined) s += c.text;
    else if (c.name === 'list' || c.name === 'blockList') {
      for (const part of elements(c)) if (part.name === 'intro' || part.name === 'listIntroduction') s += ` ${textOf(part)} `;
    } else if (!NOT_OWN_TEXT.has(c.name)) s += ` ${textOf(c)} `;
  }
  return s;
}

/** Nested numbered units, looking through list wrappers. */
function nestedItems(el: XNode): Array<{ node: XNode; location: string }> {
  const out: Array<{ node: XNode; location: string }> = [];
  for (const c of elements(el)) {
    if (HIERARCHY.has(c.name)) out.push({ node: c, location: segmentOf(el, c) });
    else if (c.name === 'list' || c.name === 'blockList') {
      for (const p of elements(c)) if (HIERARCHY.has(p.name)) out.push({ node: p, location: `${segmentOf(el, c)}/${segmentOf(c, p)}` });
    }
  }
  return out;
}

class Walker {
  readonly asm = new ClauseAssembler({ repairGlued: true });

  item(el: XNode, location: string, depth: number, siblingsNumbered: boolean): void {
    const num = child(el, 'num');
    const label = num ? collapseWhitespace(textOf(num)) : '';
    const heading = child(el, 'heading');
    if (heading && depth === 0) this.asm.setHeading(textOf(heading), 'operative');
    const raw = ownText(el);
    const before = this.asm.problems.length;
    if (raw.trim() !== '' || label !== '') this.asm.addItem({ label, depth, raw, location });
    const gluedFound = this.asm.problems.slice(before).some((p) => p.message.startsWith('number'));
    if (!num && siblingsNumbered && !gluedFound && raw.trim() !== '') this.asm.problem(location, 'missing num');
    const kids = nestedItems(el);
    const numbered = kids.some((k) => child(k.node, 'num'));
    for (const k of kids) this.item(k.node, `${location}/${k.location}`, depth + 1, numbered);
  }

  /** A container of items: recitals, hcontainer, mainBody, a heading-bearing part. */
  container(el: XNode, location: string, kind: 'preambular' | 'operative'): void {
    const heading = child(el, 'heading') ?? child(el, 'intro');
    if (heading && (el.name !== 'intro')) this.asm.setHeading(textOf(heading), kind);
    const kids = elements(el);
    const numbered = kids.some((k) => HIERARCHY.has(k.name) && child(k, 'num'));
    for (const c of kids) {
      const loc = `${location}/${segmentOf(el, c)}`;
      if (SKIPPED.has(c.name) || c === heading || c.name === 'num' || c.name === 'formula') continue;
      if (c.name === 'recital' || c.name === 'citation' || HIERARCHY.has(c.name)) {
        this.item(c, loc, 0, numbered || kids.filter((k) => k.name === c.name).some((k) => child(k, 'num')));
      } else if (c.name === 'recitals' || c.name === 'citations') {
        this.container(c, loc, 'preambular');
      } else if (child(c, 'heading') || c.name === 'hcontainer' || c.name === 'container' || c.name === 'wrap') {
        this.container(c, loc, kind);
      } else {
        this.loose(c, loc, kind);
      }
    }
  }

  /** A bare <p> (or similar) directly in a container: a heading if it reads like one, else an unnumbered item. */
  private loose(el: XNode, location: string, kind: 'preambular' | 'operative'): void {
    const text = collapseWhitespace(textOf(el));
    if (text === '') return;
    if (readHeading(text)) this.asm.setHeading(text, kind);
    else this.asm.addItem({ label: '', depth: 0, raw: text, location });
  }
}

function duplicateEids(doc: XNode): string[] {
  const counts = new Map<string, number>();
  const visit = (n: XNode) => {
    for (const c of n.children) {
      if (c.text !== undefined || c.name === 'meta') continue;
      const id = c.attrs.eId;
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      visit(c);
    }
  };
  visit(doc);
  return [...counts].filter(([, n]) => n > 1).map(([id]) => id);
}

export function extractClauses(doc: XNode, location: string): { clauses: ParsedClause[]; problems: ParseProblem[] } {
  const w = new Walker();
  const preamble = child(doc, 'preamble');
  // Items before any heading still need the right kind: reset at each part.
  w.asm.setHeading('', 'preambular');
  if (preamble) w.container(preamble, `${location}/preamble`, 'preambular');
  const body = child(doc, 'mainBody') ?? child(doc, 'body') ?? child(doc, 'judgmentBody') ?? child(doc, 'debateBody');
  w.asm.setHeading('', 'operative');
  if (body) w.container(body, `${location}/${body.name}`, 'operative');
  const clauses = w.asm.finish();
  const problems = [...w.asm.problems];
  const dups = duplicateEids(doc);
  if (dups.length > 0) {
    const shown = dups.slice(0, 8).join(', ');
    problems.push({ location, message: `${dups.length} duplicate eId value(s): ${shown}${dups.length > 8 ? ', …' : ''}` });
  }
  if (!body) problems.push({ location, message: 'no mainBody/body element: no operative clauses' });
  return { clauses, problems };
}
