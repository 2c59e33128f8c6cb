import { ClauseAssembler } from '../common/assemble.ts';
import { readHeading } from '../common/headings.ts';
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

  constructor(
    private readonly source: string,
    vocab: ReadonlySet<string>,
  ) {
    this.asm = new ClauseAssembler({ repairGlued: false, normalise: (raw) => ({ text: unwrapText(raw, vocab), joins: 0 }) });
  }

  heading(text: string): void {
    this.flush();
    this.asm.setHeading(text);
    this.chain = [];
    this.headingSet = true;
  }

  startItem(label: string, depth: number, labelValue: Label, line: Line, textStart: number): void {
    this.flush();
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
    // Any verb may head a block after a blank line; after mere punctuation only the usual ones,
    // since a wrapped line can start with a plural noun ("objectives and outputs …").
    if (afterBreak && !m && readHeading(t, { strict: !blankBefore })) {
      const headingLines = [t];
      // A long heading may wrap over several lines.
      for (let next = lines[i + 1]; next?.text && !ITEM_START.test(next.text); next = lines[i + 1]) {
        const sofar = headingLines.join(' ');
        // Only a line that looks cut off continues: a long one, or one ending on "of", "the", "in", a comma, a hyphen …
        const cutOff = sofar.length >= 55 || /(?:\b(?:of|the|and|in|with|for|to|on|by|at|from|a|an)|[,-])$/.test(sofar);
        if (/[;:.]$/.test(sofar) || !cutOff || !readHeading(unwrapText([...headingLines, next.text].join('\n'), vocab))) break;
        headingLines.push(next.text);
        i++;
      }
      const heading = unwrapText(headingLines.join('\n'), vocab);
      reader.heading(heading);
      afterBreak = blankBefore = true;
      prevText = heading;
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
  if (!reader.hasHeading) problems.push({ location: 'line 1', message: 'no clause headings (considering, resolves, …) found' });
  const clauses = reader.asm.finish();
  return { ...front, clauses, problems: [...problems, ...reader.asm.problems] };
}
