import { ClauseAssembler } from '../common/assemble.ts';
import { isKnownHeading, looksLikeRunningText, readHeading } from '../common/headings.ts';
import { placeLabel, NO_LABEL, type Label } from '../common/labels.ts';
import { unwrapText, vocabularyOf } from '../common/text.ts';
import type { ParsedDocument, ParseProblem } from '../types.ts';
import { readItuFront } from './itu-header.ts';
import { endsClause, isPageArtefact, lineLocation, splitLines, type Line } from './lines.ts';

/**
 * ITU layout: lower-case heading lines ("considering", "instructs the
 * Director …") each followed by lettered, numbered or unnumbered items.
 * Lines wrap anywhere, so a line only starts an item when its label is the
 * one the sequence expects and the previous line could end a clause.
 */

const ITEM_START = /^(\(?\d{1,3}(?:\.\d{1,3})*\)?\.?|\(?[a-z]{1,4}\))\s+(?=\S)/;
const FOOTNOTE_RULE = /^_{5,}$/;
const FOOTNOTE_LINE = /^(?:\d{1,2}|\*{1,3})\s+[A-Z"“(]/;
const BACK_MATTER = /^(?:ANNEX|APPENDIX|ATTACHMENT)\b|^(?:Annex|Appendix|Attachment)(?:\s+[A-Z0-9]{1,3})?(?:\s+to\s+.*)?$/;

interface OpenItem {
  label: string;
  depth: number;
  lines: Line[];
  textStart: number;
}

class ItuBodyReader {
  readonly asm: ClauseAssembler;
  private chain: Label[] = [];
  private open: OpenItem | null = null;
  private headingSet = false;
  private current: { text: string; location: string; items: number } | null = null;

  constructor(
    private readonly source: string,
    vocab: ReadonlySet<string>,
  ) {
    this.asm = new ClauseAssembler({ repairGlued: false, normalise: (raw) => ({ text: unwrapText(raw, vocab), joins: 0 }) });
  }

  heading(text: string, location: string): void {
    this.flush();
    this.reportEmptyHeading();
    this.asm.setHeading(text);
    this.chain = [];
    this.headingSet = true;
    this.current = { text, location, items: 0 };
  }

  /** A heading with nothing under it would vanish from the output: never let that pass silently. */
  reportEmptyHeading(): void {
    if (this.current?.items === 0) this.asm.problem(this.current.location, `heading "${this.current.text}" has no clauses under it`);
  }

  startItem(label: string, depth: number, labelValue: Label, line: Line, textStart: number): void {
    this.flush();
    if (this.current) this.current.items++;
    this.chain = [...this.chain.slice(0, depth), labelValue];
    this.open = { label, depth, lines: [line], textStart };
  }

  continueItem(line: Line): void {
    this.open?.lines.push(line);
  }

  get hasOpenItem(): boolean {
    return this.open !== null;
  }

  get chainNow(): readonly Label[] {
    return this.chain;
  }

  /** A heading was read and nothing has come under it yet. */
  get awaitingItems(): boolean {
    return this.current?.items === 0;
  }

  get hasHeading(): boolean {
    return this.headingSet;
  }

  flush(): void {
    const o = this.open;
    if (!o) return;
    this.open = null;
    const last = o.lines[o.lines.length - 1]!;
    // Lines left out (footnotes) break the slice; join what was kept instead.
    const contiguous = o.lines.every((l, k) => k === 0 || l.index === o.lines[k - 1]!.index + 1 || this.onlyBlankBetween(o.lines[k - 1]!, l));
    const raw = contiguous
      ? this.source.slice(o.textStart, last.end)
      : [this.source.slice(o.textStart, o.lines[0]!.end), ...o.lines.slice(1).map((l) => l.text)].join('\n');
    this.asm.addItem({ label: o.label, depth: o.depth, raw, start: o.textStart, spanStart: o.lines[0]!.start, end: last.end, location: lineLocation(o.lines[0]!) });
  }

  private onlyBlankBetween(a: Line, b: Line): boolean {
    return this.source.slice(a.end, b.start).trim() === '';
  }
}

interface HeadingContext {
  /** A blank line (or the start of the body) just before. */
  blankBefore: boolean;
  /** A clause is being read, so the line may be its continuation. */
  itemOpen: boolean;
  /** A heading was just read and has nothing under it yet. */
  afterHeading: boolean;
  /** The previous non-blank line. */
  prevText: string;
}

/** Words a sentence cannot end on: a line ending with one is always continued. */
const DANGLING_END = /(?:^|\s)(?:and|or|nor|of|the|a|an|to|in|for|with|by|on|at|from|into|as|than|that|which|its|their|this|these|those|between|among|under|including)$/i;
/** A line opening with a connective continues the line before ("… financial organizations / and agencies …"). */
const CONNECTIVE_START = /^(?:and|or|nor|of|with|in\s+(?:consultation|cooperation|collaboration|coordination|particular))\b/;

/**
 * Reads a heading starting at `lines[i]` (the caller has checked that the
 * line before could end a clause), with the lines it wraps onto. Returns
 * null when the line is better read as clause text.
 *
 * A wrapped line often opens with a plural noun or an adjective ("workshops
 * on …", "measures", "ambitious agenda, …"), so the generic "-s" verb
 * grammar is trusted only where a new block is expected: after a blank line
 * that follows a finished clause. While the clause before may go on (it
 * ended with a comma, or with no punctuation at all) or right after another
 * heading, only the usual heading verbs count; and a line that reads as the
 * rest of the sentence ("requests from …") or that nothing follows is text.
 */
function headingAt(lines: readonly Line[], i: number, ctx: HeadingContext, vocab: ReadonlySet<string>): { text: string; last: number } | null {
  const t = lines[i]!.text;
  if (ctx.itemOpen && DANGLING_END.test(ctx.prevText)) return null;
  const sentenceOpen = ctx.itemOpen && !/[;:.]["”’)]?$/.test(ctx.prevText);
  const blockExpected = ctx.blankBefore && !sentenceOpen && !ctx.afterHeading;
  // Only the usual heading words (strict) where the line may continue the text before: no blank
  // line ("objectives and outputs …" can wrap onto a line of its own), or an unfinished sentence.
  const head = readHeading(t, { strict: !ctx.blankBefore || sentenceOpen });
  if (!head) return null;
  const known = isKnownHeading(t);
  // Right after a heading, a generic "-s" line is the rest of it or the first clause, not another heading.
  if (head.kind === 'operative' && !known && !blockExpected) return null;
  if (looksLikeRunningText(head, { knownVerb: known, sentenceOpen })) return null;

  const headingLines = [t];
  let last = i;
  // A long heading may wrap over several lines, even across a blank line when it is plainly cut off.
  for (;;) {
    const sofar = headingLines.join(' ');
    if (/[;:.]$/.test(sofar)) break;
    let k = last + 1;
    while (lines[k]?.text === '') k++;
    const next = lines[k];
    // Never swallow the next heading ("encourages the deployment of IPv6, / resolves").
    if (!next || ITEM_START.test(next.text) || (isKnownHeading(next.text) && !CONNECTIVE_START.test(next.text))) break;
    // Only a line that looks cut off continues: a long one, or one ending on "of", "the", "in", a comma, a hyphen …
    // Across a blank line, only one plainly cut off (not a comma: "instructs X, / taking into account …").
    const dangling = /(?:\b(?:of|the|and|or|in|with|for|to|on|by|at|from|a|an|all|its|their|other)|-)$/.test(sofar) || CONNECTIVE_START.test(next.text);
    const cutOff = k > last + 1 ? dangling : dangling || sofar.length >= 55 || sofar.endsWith(',');
    if (!cutOff) break;
    if (!readHeading(unwrapText([...headingLines, next.text].join('\n'), vocab))) break;
    headingLines.push(next.text);
    last = k;
  }

  // A heading opens a block. Inside an unfinished sentence, one with nothing under it (the text ends,
  // or another heading follows) is a wrapped line of that sentence that merely looks like a heading.
  if (sentenceOpen) {
    let j = last + 1;
    while (j < lines.length && (lines[j]!.text === '' || isPageArtefact(lines[j]!.text))) j++;
    const after = lines[j]?.text;
    if (after === undefined || (!ITEM_START.test(after) && isKnownHeading(after))) return null;
  }
  return { text: unwrapText(headingLines.join('\n'), vocab), last };
}

export function parseItuLayout(source: string, fileName?: string): ParsedDocument {
  const problems: ParseProblem[] = [];
  const lines = splitLines(source);
  const front = readItuFront(lines, fileName, problems);
  // The document's own words decide whether a line-end hyphen is part of the word.
  const vocab = vocabularyOf(source);
  const reader = new ItuBodyReader(source, vocab);
  let afterBreak = true; // blank line, heading, or clause-ending punctuation just before
  let blankBefore = true;
  let prevText = '';
  let inFootnote = false;
  for (let i = front.bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text;
    if (t === '') {
      afterBreak = blankBefore = true;
      inFootnote = false;
      continue;
    }
    const m = ITEM_START.exec(t);
    // Blank-line-separated items may repeat or skip a label.
    // Wrapped lines get no such benefit of the doubt, except for a "f)"-style label that is exactly the next one.
    const placed = !m
      ? null
      : afterBreak
        ? placeLabel(reader.chainNow, m[1]!, { maxGap: 3, allowRepeat: blankBefore, lostFirstChild: blankBefore })
        : m[1]!.endsWith(')') && reader.chainNow.length > 0
          ? placeLabel(reader.chainNow, m[1]!)
          : null;
    // Footnotes: after a rule, or a "1 Capitalised …" line that cannot be the next item.
    const footnoteLine = afterBreak && FOOTNOTE_LINE.test(t) && (prevText.endsWith('.') || !placed);
    if (FOOTNOTE_RULE.test(t) || (footnoteLine && reader.chainNow.length > 0)) {
      if (!inFootnote) problems.push({ location: lineLocation(line), message: 'footnote left out of the clauses' });
      inFootnote = true;
      continue;
    }
    if (inFootnote || isPageArtefact(t)) continue;
    if (afterBreak && BACK_MATTER.test(t)) {
      problems.push({ location: lineLocation(line), message: 'annex or appendix: not split into clauses' });
      break;
    }
    const heading = afterBreak && !m ? headingAt(lines, i, { blankBefore, itemOpen: reader.hasOpenItem, afterHeading: reader.awaitingItems, prevText }, vocab) : null;
    if (heading) {
      reader.heading(heading.text, lineLocation(line));
      i = heading.last;
      afterBreak = blankBefore = true;
      prevText = heading.text;
      continue;
    }
    if (m && placed) {
      reader.startItem(m[1]!, placed.depth, placed.label, line, line.start + m[0].length);
    } else {
      // A new unnumbered paragraph only in an unnumbered block, after a blank line and a finished clause.
      const another = blankBefore && reader.chainNow.at(-1) === NO_LABEL && /[;.,]$/.test(prevText);
      if (!reader.hasOpenItem || another) reader.startItem('', 0, NO_LABEL, line, line.start);
      else reader.continueItem(line);
    }
    afterBreak = endsClause(t);
    blankBefore = false;
    prevText = t;
  }
  reader.flush();
  reader.reportEmptyHeading();
  if (!reader.hasHeading) problems.push({ location: 'line 1', message: 'no clause headings (considering, resolves, …) found' });
  const clauses = reader.asm.finish();
  return { ...front, clauses, problems: [...problems, ...reader.asm.problems] };
}
