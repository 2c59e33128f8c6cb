import type { ClauseKind } from '@mandate/shared';
import type { ParsedClause, ParseProblem } from '../types.ts';
import { addresseeOfHeading } from './addressee.ts';
import { cutInlineFootnotes, findBackMatterStart, findGluedLabels, leadingLabel } from './glued.ts';
import { findMidHeading, findTrailingHeading, readHeading } from './headings.ts';
import { NO_LABEL, placeLabel, readLabel, type Label } from './labels.ts';
import { PathRegistry } from './paths.ts';
import { collapseWhitespace, joinSpacedHyphens, slugify } from './text.ts';

/**
 * Turns a stream of headings and labelled items (from AKN elements or from
 * ITU-layout text lines) into clauses with unique paths. With `repairGlued`
 * it also undoes PDF-conversion faults and reports each as a problem.
 */

export interface SourceItem {
  /** Printed label ("2", "b)", "1.1"), "" when the source gives none. */
  label: string;
  /** Nesting level under the heading (0 = top). */
  depth: number;
  raw: string;
  /** Offset of raw[0] in the parsed text, for text sources. */
  start?: number;
  /** Where the clause's span starts when it is before raw (the printed label). */
  spanStart?: number;
  /** End offset of the item's span when raw is not a verbatim slice (lines left out). */
  end?: number;
  location: string;
}

interface Draft {
  kind: ClauseKind;
  heading: string;
  addressee: string | null;
  slug: string;
  segments: string[];
  text: string;
  location: string;
  start?: number;
  end?: number;
}

export interface AssembleOptions {
  repairGlued: boolean;
  /** Raw span → clause text. Defaults to whitespace collapse + spaced-hyphen repair. */
  normalise?: (raw: string) => { text: string; joins: number };
}

const defaultNormalise = (raw: string) => joinSpacedHyphens(collapseWhitespace(raw));

export class ClauseAssembler {
  readonly problems: ParseProblem[] = [];
  private readonly drafts: Draft[] = [];
  private heading = { text: '', kind: 'preambular' as ClauseKind, addressee: null as string | null, slug: 'preamble' };
  private chain: Label[] = [];
  private stopped = false;
  private hyphenJoins = 0;
  private hyphenLocation = '';

  constructor(private readonly opts: AssembleOptions) {}

  setHeading(text: string, kindHint?: ClauseKind): void {
    if (this.stopped) return;
    const heading = collapseWhitespace(text).replace(/[,:]$/, '');
    const kind = readHeading(heading)?.kind ?? kindHint ?? 'operative';
    const fallbackSlug = kind === 'preambular' ? 'preamble' : 'operative';
    this.heading = {
      text: heading,
      kind,
      addressee: kind === 'operative' ? addresseeOfHeading(heading) : null,
      slug: slugify(heading) || fallbackSlug,
    };
    this.chain = [];
  }

  addItem(item: SourceItem): void {
    if (this.stopped) return;
    const label = item.label.trim();
    if (this.opts.repairGlued && /^0\W*$/.test(label)) {
      // Converters number table cells and annex fragments "0"; no clause is ever numbered 0.
      this.problem(item.location, 'item numbered "0" (converted table or annex fragment) left out');
      return;
    }
    let depth = item.depth;
    if (this.opts.repairGlued && label !== '') {
      // Converters flatten nesting ("i)" as a sibling of "f)"); the label sequence knows better.
      const placed = placeLabel(this.chain, label, { maxGap: 3, lostFirstChild: true });
      if (placed && placed.depth >= depth) depth = placed.depth;
      const previous = this.drafts[this.drafts.length - 1];
      // A label that fits nowhere, after a clause cut off mid-sentence, is a cross-reference the
      // converter took for a label ("… indicated in recalling | c) iv) above …").
      if (!placed && previous && this.chain.length > 0 && !/[;:.,]$/.test(previous.text) && item.depth > 0) {
        previous.text = `${previous.text} ${label} ${defaultNormalise(item.raw).text}`;
        this.problem(item.location, `item "${label}" out of sequence after an unfinished clause; merged into it`);
        return;
      }
    }
    this.segment(item, label, depth, item.raw, 0);
  }

  /** Processes one run of raw text that starts a clause; recurses on text after a glued mid-text heading. */
  private segment(item: SourceItem, token: string, depth: number, text: string, offset: number): void {
    let raw = text;
    let label = token;
    const parentChain = this.chain.slice(0, depth);
    if (this.opts.repairGlued && label === '') {
      const lead = leadingLabel(raw, parentChain);
      if (lead) {
        label = lead.token;
        offset += lead.rest;
        raw = raw.slice(lead.rest);
        this.problem(item.location, `number "${lead.token}" glued to the clause text; split off`);
      }
    }
    if (!this.opts.repairGlued) {
      this.emitWithSplits(item, depth, label, raw, offset);
      return;
    }
    const annexAt = findBackMatterStart(raw);
    if (annexAt >= 0) {
      raw = raw.slice(0, annexAt);
      this.stopped = true;
      this.problem(item.location, 'an annex or the next part of the volume runs into this clause; it and everything after it were left out');
    }
    const infinitive = this.heading.kind === 'operative' && /^\s*to\s/.test(raw);
    const mid = this.stopped ? null : findMidHeading(raw, infinitive);
    const tail = mid ? raw.slice(mid.tail) : '';
    if (mid) raw = raw.slice(0, mid.at);
    const cut = cutInlineFootnotes(raw, [...parentChain, this.ownLabel(depth, label)]);
    for (const note of cut.notes) this.problem(item.location, `footnote moved out of clause text: "${shorten(note)}"`);
    raw = cut.text;
    const trailing = this.stopped || mid ? null : findTrailingHeading(raw);
    if (trailing) raw = trailing.before;
    this.emitWithSplits(item, depth, label, raw, offset);
    const next = mid?.heading ?? trailing?.heading;
    if (!next) return;
    this.problem(item.location, `heading "${shorten(next)}" was glued to ${mid ? 'the middle' : 'the end'} of this clause; split off`);
    this.setHeading(next);
    if (mid) this.segment(item, '', 0, tail, offset + mid.tail);
  }

  /** The reading of a printed label at `depth`: same style as the previous sibling, else what fits the parent. */
  private ownLabel(depth: number, token: string): Label {
    if (token === '') return NO_LABEL;
    const readings = readLabel(token);
    const prev = this.chain[depth];
    const same = prev && readings.find((r) => r.style === prev.style);
    if (same) return same;
    const placed = placeLabel(this.chain.slice(0, depth), token, { anyFirst: true });
    if (placed && placed.depth === depth) return placed.label;
    return readings[0] ?? NO_LABEL;
  }

  private emitWithSplits(item: SourceItem, itemDepth: number, token: string, raw: string, offset: number): void {
    const parentChain = this.chain.slice(0, itemDepth);
    const own = this.ownLabel(itemDepth, token);
    const splits = this.opts.repairGlued ? findGluedLabels(raw, [...parentChain, own]) : [];
    let depth = itemDepth;
    let label = own;
    let from = 0;
    for (const s of [...splits, null]) {
      const to = s ? s.at : raw.length;
      const start = item.start === undefined ? undefined : item.start + offset + from;
      const spanStart = from === 0 && offset === 0 ? item.spanStart : undefined;
      this.emit(item, depth, label, raw.slice(from, to), start, s ? undefined : item.end, spanStart);
      if (!s) break;
      this.problem(item.location, `clause "${s.token}" was glued inside the previous clause; split off`);
      depth = s.depth;
      label = s.label;
      from = s.at + s.token.length;
    }
  }

  private emit(
    item: SourceItem,
    depth: number,
    label: Label,
    raw: string,
    start: number | undefined,
    end: number | undefined,
    spanStart?: number,
  ): void {
    const { text, joins } = (this.opts.normalise ?? defaultNormalise)(raw);
    if (text === '') return;
    if (joins > 0) {
      if (this.hyphenJoins === 0) this.hyphenLocation = item.location;
      this.hyphenJoins += joins;
    }
    this.chain = [...this.chain.slice(0, depth), label];
    this.inferLostFirstNumber(depth, label, item.location);
    const segments = this.chain.map((l) => l.value);
    const h = this.heading;
    const draft: Draft = { kind: h.kind, heading: h.text, addressee: h.addressee, slug: h.slug, segments, text, location: item.location };
    if (start !== undefined) {
      const lead = raw.length - raw.trimStart().length;
      draft.start = spanStart ?? start + lead;
      draft.end = end ?? start + raw.trimEnd().length;
    }
    this.drafts.push(draft);
  }

  /** "2" following an unnumbered sibling means the source lost "1": give it back. */
  private inferLostFirstNumber(depth: number, label: Label, location: string): void {
    if (label.style !== 'number' || label.ordinal !== 2) return;
    const prev = this.lastDraftAtDepth(depth);
    if (!prev || prev.segments[depth] !== '' || prev.heading !== this.heading.text) return;
    prev.segments[depth] = '1';
    this.problem(location, 'the clause before "2" had no number; numbered it "1"');
  }

  private lastDraftAtDepth(depth: number): Draft | undefined {
    for (let i = this.drafts.length - 1; i >= 0; i--) {
      const d = this.drafts[i]!;
      if (d.heading !== this.heading.text) return undefined;
      if (d.segments.length === depth + 1) return d;
      if (d.segments.length < depth + 1) return undefined;
    }
    return undefined;
  }

  problem(location: string, message: string): void {
    this.problems.push({ location, message });
  }

  finish(): ParsedClause[] {
    if (this.hyphenJoins > 0) {
      this.problem(this.hyphenLocation, `${this.hyphenJoins} hyphenation break(s) re-joined ("Secretary- General" → "Secretary-General")`);
    }
    const registry = new PathRegistry();
    return this.drafts.map((d) => {
      const { path, duplicate } = registry.claim(d.slug, d.segments);
      if (duplicate) this.problem(d.location, `clause number repeated in the source; path renamed ${path}`);
      const clause: ParsedClause = {
        kind: d.kind,
        heading: d.heading,
        addressee: d.addressee,
        num: d.segments[d.segments.length - 1] ?? '',
        path,
        text: d.text,
      };
      if (d.start !== undefined) Object.assign(clause, { start: d.start, end: d.end });
      return clause;
    });
  }
}

function shorten(s: string): string {
  const t = collapseWhitespace(s);
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}
