import { placeLabel, type Label } from './labels.ts';
import { readHeading } from './headings.ts';

/**
 * Repairs for text that PDF conversion glued together: a footnote appended
 * to a clause, the next clause's number inside the previous clause
 * ("…; 10 that broad participation…"), an annex run into the last clause.
 * All work on raw strings and report cut positions, so text parsers can keep
 * their source offsets.
 */

const LEADING_LABEL = /^\s*(\(?\d{1,3}(?:\.\d{1,3})*\)?\.?|\(?[a-z]{1,4}\))\s+(?=\S)/;

/** Label printed at the start of an unnumbered item ("1 to hold …", "a) relevant …"), if it fits the chain. */
export function leadingLabel(raw: string, chain: readonly Label[]): { token: string; rest: number } | null {
  const m = LEADING_LABEL.exec(raw);
  if (!m) return null;
  const token = m[1]!;
  // "2018." or "(a" are not labels; a bare number with ")" only counts with its opening "(".
  if (/^\(?\d/.test(token) && token.endsWith(')') !== token.startsWith('(')) return null;
  if (!placeLabel(chain, token)) return null;
  return { token, rest: m[0].length };
}

/** Words that follow numbers in running text, never a clause start ("; 2 per cent"). */
const NOT_CLAUSE_START = /^(?:per|percent|and|or|of|above|below|years?|months?|weeks?|days?|hours?|times|million|billion|thousand|members?|votes?|copies|pages?)\b/i;

const GLUED_LABEL = /([;:,.])\s+(\(?\d{1,3}(?:\.\d{1,3})*\)?|\(?[a-z]{1,4}\))\s+(?=[a-z"“‘(])/g;

export interface GluedSplit {
  /** Index in the raw text where the glued item's label starts. */
  at: number;
  token: string;
  depth: number;
  label: Label;
}

/**
 * Finds item labels glued inside `raw`, each one the expected next label
 * after the chain so far (sibling, first child, or an ancestor's sibling).
 * A comma boundary only counts before "that"/"to", the usual clause openers.
 */
export function findGluedLabels(raw: string, chain: readonly Label[]): GluedSplit[] {
  const out: GluedSplit[] = [];
  let current = [...chain];
  GLUED_LABEL.lastIndex = 0;
  for (let m = GLUED_LABEL.exec(raw); m; m = GLUED_LABEL.exec(raw)) {
    const [whole, punct, token] = m as unknown as [string, string, string];
    const after = raw.slice(m.index + whole.length);
    if (NOT_CLAUSE_START.test(after)) continue;
    if (punct === ',' && !/^(?:that|to)\b/.test(after)) continue;
    if (/^\(?\d/.test(token) && token.endsWith(')') !== token.startsWith('(')) continue;
    const placed = placeLabel(current, token);
    if (!placed) continue;
    out.push({ at: m.index + whole.indexOf(token, punct.length), token, ...placed });
    current = [...current.slice(0, placed.depth), placed.label];
  }
  return out;
}

/**
 * Uppercase headings that start back matter inside a final-acts volume: an
 * annex, or the next part ("PART VI - SIGNATORIES"). A page number printed
 * just before it belongs to the page, not to the clause.
 */
const BACK_MATTER = /(?:\s\d{1,4})?\s*\b(?:(?:ANNEX|APPENDIX|ATTACHMENT)(?:\s+[A-Z0-9]{1,3})?\s+TO\s+(?:THE\s+)?(?:RESOLUTION|DECISION|RECOMMENDATION|OPINION)\b|PART\s+[IVX]+\s*[-–—]\s*[A-Z]{3})/;

/** Index where back matter (annex, next part of the volume) starts inside a clause, or -1. */
export function findBackMatterStart(raw: string): number {
  const m = BACK_MATTER.exec(raw);
  return m ? m.index : -1;
}

export interface FootnoteCut {
  /** Clause text with the footnote removed (and the text that followed it re-attached). */
  text: string;
  notes: string[];
}

const RULE = /\s*_{5,}\s*/;

/**
 * Moves inline footnotes ("… States; ____________ 1 These include …") out
 * of a clause. The footnote ends at the first sentence boundary followed by
 * the next expected label or by a glued heading; what follows it is clause
 * text again. The footnote's marker is removed from the clause ("States1;").
 */
export function cutInlineFootnotes(raw: string, chain: readonly Label[]): FootnoteCut {
  let text = raw;
  const notes: string[] = [];
  for (let guard = 0; guard < 10; guard++) {
    const rule = RULE.exec(text);
    if (!rule) break;
    const before = text.slice(0, rule.index);
    const footnote = text.slice(rule.index + rule[0].length);
    let resume = footnote.length;
    const boundary = /[.;]\s+/g;
    for (let b = boundary.exec(footnote); b; b = boundary.exec(footnote)) {
      const rest = footnote.slice(b.index + b[0].length);
      const label = /^(\(?\d{1,3}(?:\.\d{1,3})*\)?|\(?[a-z]{1,4}\))\s+[a-z]/.exec(rest);
      if ((label && placeLabel(chain, label[1]!)) || readHeading(rest, { strict: true })) {
        resume = b.index + 1;
        break;
      }
    }
    const note = footnote.slice(0, resume).trim();
    const marker = /^(\d{1,2}|\*+)\s/.exec(note)?.[1];
    let cleaned = before;
    if (marker && /^\d/.test(marker)) {
      cleaned = cleaned.replace(new RegExp(`(?<=[a-z)\\]"”’])${marker}(?=[\\s;,.:)]|$)`, 'g'), '');
    }
    notes.push(note);
    const tail = footnote.slice(resume).trim();
    text = tail ? `${cleaned.trimEnd()} ${tail}` : cleaned.trimEnd();
  }
  return { text, notes };
}


