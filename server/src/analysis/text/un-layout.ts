import type { ClauseKind } from '@mandate/shared';
import { placeLabel, readLabel, type Label } from '../common/labels.ts';
import { PathRegistry } from '../common/paths.ts';
import { slugify, unwrapText, vocabularyOf } from '../common/text.ts';
import type { ParsedClause, ParsedDocument, ParseProblem } from '../types.ts';
import { lineLocation, splitLines } from './lines.ts';
import { footnoteNumbers, looksLikeNote, removeFootnoteMarkers } from './un-footnotes.ts';
import { FORMULA, isPartMarker, readUnHeader, tailStart, unParagraphs, type Paragraph } from './un-paragraphs.ts';
import { readUnLead, type UnLead } from './un-phrases.ts';

/**
 * UN layout (Security Council, General Assembly): "The Security Council,"
 * then preambular paragraphs led by participles and operative paragraphs
 * led by verbs, numbered "1." or not, with sub-items "(a)". Each paragraph
 * carries its own heading: its leading verb phrase.
 */

interface Draft {
  kind: ClauseKind;
  heading: string;
  addressee: string | null;
  segments: string[];
  /** Sub-item labels under the top-level paragraph. */
  subLabels: Label[];
  raw: string[];
  start: number;
  end: number;
}

const BODY_BY_FORMULA: Record<string, string> = {
  'security council': 'UNSC', 'general assembly': 'UNGA', 'economic and social council': 'ECOSOC', 'human rights council': 'HRC',
};

/** Old texts write operatives as "The Security Council requests …" or "To this end, the Security Council appoints …". */
function councilVerb(text: string): UnLead | null {
  const m = /^(?:[^,.;]{0,60},\s*){0,2}(?:the\s+)?(?:Security\s+Council|General\s+Assembly)\b(?:\s+of\s+the\s+United\s+Nations)?(?:,[^;]{0,250}?,)?\s+((?:hereby\s+|further\s+|also\s+)?[a-z]+s)\b\s*([\s\S]*)$/i.exec(text);
  if (m) {
    const lead = readUnLead(`${m[1]!.charAt(0).toUpperCase()}${m[1]!.slice(1)} ${m[2]}`);
    if (lead?.kind === 'operative') return lead;
  }
  if (/^It\s+is\s+resolved\b/i.test(text)) return { kind: 'operative', heading: 'Resolves', addressee: null, rest: text };
  return null;
}

class UnBodyReader {
  readonly drafts: Draft[] = [];
  readonly problems: ParseProblem[] = [];
  preamble = '';
  private mode: ClauseKind = 'preambular';
  private top: Draft | null = null;
  private leadIn: { lead: UnLead; para: Paragraph; used: boolean } | null = null;
  private skipping = false;
  /** An unnumbered operative paragraph whose numbered list is being read. */
  private listUnder: Draft | null = null;

  constructor(
    private readonly source: string,
    readonly notes: Set<string>,
  ) {}

  paragraph(p: Paragraph): void {
    const text = p.lines.map((l) => l.text).join(' ');
    if (isPartMarker(text)) return;
    if (FORMULA.test(text)) {
      this.flushLeadIn();
      this.preamble ||= text;
      this.mode = 'preambular';
      this.top = null;
      this.skipping = false;
      return;
    }
    if (this.skipping) return;
    if (/^(?:ANNEX|APPENDIX)\b/.test(text) || (this.mode === 'operative' && /^[“"]?Article\s+[0-9IVX]+\.?$/i.test(text))) {
      this.problems.push({ location: lineLocation(p.lines[0]!), message: 'annexed or approved text: not split into clauses' });
      this.skipping = true;
      return;
    }
    // Scans print "1," for "1.", and "l." or "i." for "1." ("i9." for "19."); a comma only counts before a capital.
    const fixed = text.replace(/^[lLi](\d?)\.(?=\s+[A-Z])/, '1$1.');
    const noDot = /^(\d{1,3})\s+(?=[A-Z])/.exec(fixed);
    const numbered =
      /^(\d{1,3})(?:\.|,(?=\s+[A-Z“"]))\s+/.exec(fixed) ??
      (noDot && readUnLead(fixed.slice(noDot[0].length))?.kind === 'operative' ? noDot : null);
    const sub = /^\(([a-z]{1,4}|\d{1,2})\)\s+/.exec(text);
    // "(b)" after a top-level "(a)" is its sibling, not its child.
    const topLabels = readLabel(this.top?.segments[0] ?? '').filter((l) => l.style === 'letter' || l.style === 'roman');
    const topIsLettered = topLabels.length > 0 && placeLabel(topLabels, sub?.[1] ?? '')?.depth === 0;
    if (sub && this.top && !topIsLettered && (!this.leadIn || this.leadIn.used)) return this.subItem(p, sub[0].length, sub[1]!);
    // "Notes that … as follows:" then "1. …", "2. …": a list inside an unnumbered operative paragraph, not new paragraphs.
    const prev = this.drafts.at(-1);
    if (numbered?.[1] === '1' && prev && prev === this.top && prev.kind === 'operative' && prev.segments[0] === '' && !this.leadIn && /:$/.test(prev.raw.at(-1)?.trim() ?? '')) {
      this.listUnder = prev;
    }
    if (numbered && this.listUnder && this.top === this.listUnder) return this.subItem(p, numbered[0].length, numbered[1]!);
    if (looksLikeNote(text) && !readUnLead(text.replace(/^\S+\s+/, ''))) {
      // A page-bottom note printed in the middle of the text.
      this.problems.push({ location: lineLocation(p.lines[0]!), message: 'footnote inside the text left out of the clauses' });
      this.notes.add(text.split(/\s/)[0]!);
      return;
    }
    const label = numbered ?? sub;
    const body = label ? text.slice(label[0].length) : text;
    const lead = councilVerb(body) ?? readUnLead(body, { loose: !!label });
    if (label) {
      // A lead-in ("Resolves that:") heads every following numbered paragraph without a verb of its own.
      const heading = lead ?? this.leadIn?.lead;
      if (this.leadIn) this.leadIn.used = true;
      return this.start(p, 'operative', heading ?? null, label[1]!, label[0].length);
    }
    // Connectives standing alone ("Therefore", "To this end,") carry no clause.
    if (/^(?:therefore|and|now,? therefore|to this end|accordingly),?$/i.test(body)) return;
    // "Resolves:" then unnumbered "To defer …", "That the Commission …" paragraphs: each is a paragraph of its own.
    if (this.leadIn && /^(?:To|That)\s/.test(body)) {
      this.leadIn.used = true;
      return this.start(p, 'operative', this.leadIn.lead, '', 0);
    }
    this.flushLeadIn();
    if (lead?.kind === 'operative') {
      // "Resolves that:" alone introduces the numbered paragraphs that follow.
      if (/^(?:that)?\s*:?$/.test(lead.rest.trim())) {
        this.leadIn = { lead, para: p, used: false };
        return;
      }
      return this.start(p, 'operative', lead, '', 0);
    }
    if (lead?.kind === 'preambular') return this.start(p, 'preambular', lead, '', 0);
    const last = this.drafts.at(-1);
    const lastText = last?.raw.at(-1)?.trim() ?? '';
    // Quoted text, lower-case starts and page breaks continue the paragraph before. In the operative part,
    // a capitalised sentence after a finished unnumbered one is a provision of its own ("The Commission shall …");
    // in a numbered text it belongs to the numbered paragraph before.
    const ownProvision = this.mode === 'operative' && last?.segments[0] === '' && /[;.]$/.test(lastText) && /^[A-Z][a-z]/.test(body);
    const continues = last && !ownProvision && (this.mode === 'operative' || /^[a-z‘'"“]/.test(body) || !/[,;.]$/.test(lastText));
    if (continues && last) return this.extend(last, p, 0);
    // Unled text before the operative part ("Whereas …", "The attention of the Council …").
    const whereas = /^Whereas\b/i.test(body) ? { kind: 'preambular' as const, heading: 'Whereas', addressee: null, rest: body } : null;
    this.start(p, this.mode, whereas, '', 0);
  }

  private flushLeadIn(): void {
    const l = this.leadIn;
    this.leadIn = null;
    if (l && !l.used) this.start(l.para, 'operative', l.lead, '', 0);
  }

  private start(p: Paragraph, kind: ClauseKind, lead: UnLead | null, num: string, labelLength: number): void {
    if (kind === 'operative') this.mode = 'operative';
    this.listUnder = null;
    const draft: Draft = {
      kind,
      heading: lead?.heading ?? '',
      addressee: kind === 'operative' ? (lead?.addressee ?? null) : null,
      segments: [num],
      subLabels: [],
      raw: [],
      start: p.start,
      end: p.end,
    };
    this.drafts.push(draft);
    this.top = draft;
    this.extend(draft, p, labelLength);
  }

  private subItem(p: Paragraph, labelLength: number, token: string): void {
    const parent = this.top!;
    const last = this.drafts[this.drafts.length - 1]!;
    const chain = last === parent ? [] : last.subLabels;
    let placed = placeLabel(chain, token, { maxGap: 3 }) ?? placeLabel([], token, { anyFirst: true });
    const prev = chain[chain.length - 1];
    if (prev?.style === 'letter' && placed?.label.style === 'number') {
      // Scans misread "(b)" as "(6)" or "(5)": in a lettered list a digit stands for the next letter.
      const letter = String.fromCharCode(96 + prev.ordinal + 1);
      this.problems.push({ location: lineLocation(p.lines[0]!), message: `sub-item "(${token})" read as "(${letter})"` });
      placed = placeLabel(chain, letter);
    }
    const depth = placed?.depth ?? 0;
    const label = placed?.label ?? readLabel(token)[0]!;
    const subLabels = [...chain.slice(0, depth), label];
    const segments = [...parent.segments, ...subLabels.map((l) => l.value)];
    const draft: Draft = { ...parent, segments, subLabels, raw: [], start: p.start, end: p.end };
    this.drafts.push(draft);
    this.extend(draft, p, labelLength);
  }

  /** A lead-in still waiting for numbered paragraphs becomes a clause of its own. */
  finish(): void {
    this.flushLeadIn();
  }

  private extend(d: Draft, p: Paragraph, labelLength: number): void {
    d.raw.push(this.source.slice(p.start + labelLength, p.end));
    d.end = p.end;
  }
}

export function parseUnLayout(source: string, fileName?: string): ParsedDocument {
  const lines = splitLines(source);
  const paragraphs = unParagraphs(lines);
  const header = readUnHeader(paragraphs);
  const tail = tailStart(paragraphs, header.next);
  const notes = footnoteNumbers(paragraphs.slice(tail).flatMap((p) => p.lines.map((l) => l.text)));
  const reader = new UnBodyReader(source, notes);
  for (const p of paragraphs.slice(header.next, tail)) reader.paragraph(p);
  reader.finish();

  const problems: ParseProblem[] = [...reader.problems];
  const file = /S_RES_0*(\d+)_(\d{4})/i.exec(fileName ?? '');
  if (!header.number) problems.push({ location: 'line 1', message: 'no "Resolution n (year)" header found' });
  if (header.yearConflict) problems.push({ location: 'line 1', message: 'year in parentheses differs from the adoption date; the date was used' });
  const vocab = vocabularyOf(source);
  const registry = new PathRegistry();
  const markers: string[] = [];
  let markerLine = '';
  const clauses: ParsedClause[] = reader.drafts.map((d) => {
    const unwrapped = unwrapText(d.raw.join('\n'), vocab).replace(/\s+([,;:.])/g, '$1');
    const { text, removed } = removeFootnoteMarkers(unwrapped, notes);
    markers.push(...removed);
    if (removed.length && !markerLine) markerLine = `line ${source.slice(0, d.start).split('\n').length}`;
    const { path } = registry.claim(slugify(d.heading) || (d.kind === 'preambular' ? 'preamble' : 'operative'), d.segments);
    return { kind: d.kind, heading: d.heading, addressee: d.addressee, num: d.segments.at(-1) ?? '', path, text, start: d.start, end: d.end };
  });
  if (markers.length) problems.push({ location: markerLine, message: `footnote markers removed from clause text: ${[...new Set(markers)].join(', ')}` });
  if (!clauses.some((c) => c.kind === 'operative')) problems.push({ location: 'line 1', message: 'no operative paragraph recognised' });
  const formulaBody = /The\s+(.+?)\s*,?$/i.exec(reader.preamble)?.[1]?.toLowerCase().replace(/\s+/g, ' ');
  const year = header.year ?? (file ? Number(file[2]) : null);
  return {
    body: BODY_BY_FORMULA[formulaBody ?? ''] ?? (/^A_RES/i.test(fileName ?? '') ? 'UNGA' : 'UNSC'),
    kind: 'resolution',
    number: header.number || file?.[1] || '',
    revision: year ? String(year) : '',
    year,
    place: '',
    title: header.subject,
    preamble: reader.preamble,
    clauses,
    problems,
  };
}
