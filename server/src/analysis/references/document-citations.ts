import type { DocumentKind } from '@mandate/shared';
import { kindFromWord } from '../common/document-id.ts';
import { MONTHS, PREFIX_SOURCE, TAIL, UN_BODIES, bodyFromPrefix, bodyFromTail, readParen, type ParenReading } from './citation-parts.ts';
import type { ReferenceTarget } from './types.ts';

/**
 * Resolution, decision, recommendation and opinion citations, alone or in
 * lists: "PP Res. 175 (Rev. Dubai, 2018)", "WTSA-16 RES.98 (Rev. Hammamet,
 * 2016)", "Council R 1372 (C15, last amended C19)", "its resolutions 186
 * (1964) of 4 March, 187 (1964) of 13 March and 192 (1964)", "General
 * Assembly resolution 3379 (XXX)". Works on the de-hyphenated text; offsets
 * are mapped back by the caller.
 */

export interface RawCitation {
  start: number;
  end: number;
  target: ReferenceTarget;
  problem?: string;
}

const KEYWORD = 'Resolutions?|RESOLUTIONS?|resolutions?|Res\\.|RES\\.|Decisions?|DECISIONS?|Dec\\.|DEC\\.|Recommendations?|RECOMMENDATIONS?|Rec\\.|REC\\.|Opinions?|OPINIONS?|R(?=\\s?\\d)';
const NUMBER = '(\\d{1,4}(?:\\/\\d{1,4})?[A-Z]?)(?![\\d/]|\\.\\d)';
/** A parenthesis with at most one stray opening one inside ("(Rev. Dubai (2018)"). */
const PAREN = '\\s*\\(([^()]{1,80}?(?:\\(\\s*\\d{4}\\s*)?)\\)';
const HEAD = new RegExp(`(?:(?<![A-Z0-9-])(${PREFIX_SOURCE})(?:-(\\d{2}))?\\s*)?(?<![A-Za-z/])(${KEYWORD})\\s*${NUMBER}`, 'g');
const PAREN_AT = new RegExp(`^${PAREN}`);
const DATE_AT = new RegExp(`^\\s*,?\\s*(?:of|adopted\\s+on)\\s+\\d{1,2}\\s+(?:${MONTHS})(?:\\s*,?\\s*(\\d{4}))?`);
const SEPARATOR = /^(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s*;\s*(?:and\s+)?)/;
const ITEM_AT = new RegExp(`^${NUMBER}`);
/** After a bare number, these say it is a count or a date, not a resolution. */
const NOT_A_CITATION = new RegExp(`^\\s*(?:votes?|members?|per\\b|%|days?|weeks?|months?|years?|${MONTHS}|[A-Za-z]{2,}\\s+\\d)`);

interface Item {
  number: string;
  start: number;
  end: number;
  paren: ParenReading | null;
  dateYear?: number;
}

function kindOf(keyword: string): DocumentKind {
  if (keyword === 'R') return 'resolution';
  return kindFromWord(keyword.replace(/s$|\.$/gi, '').toLowerCase()) ?? 'resolution';
}

/** The parenthesis and date after a number at `pos`; returns the item with its end. */
function readItem(text: string, number: string, start: number, pos: number): Item {
  let end = pos;
  let paren: ParenReading | null = null;
  const p = PAREN_AT.exec(text.slice(pos, pos + 100));
  if (p) {
    paren = readParen(p[1]!);
    if (paren) end = pos + p[0].length;
  }
  const d = DATE_AT.exec(text.slice(end, end + 40));
  const item: Item = { number, start, end, paren };
  if (d?.[1]) item.dateYear = Number(d[1]);
  return item;
}

/** Further items of a list: ", 187 (1964) of 13 March and 192 (1964)". */
function readList(text: string, first: Item, plural: boolean): Item[] {
  const items = [first];
  let pos = first.end;
  for (;;) {
    const d = DATE_AT.exec(text.slice(pos, pos + 40));
    const after = d ? pos + d[0].length : pos;
    const sep = SEPARATOR.exec(text.slice(after, after + 20));
    if (!sep) break;
    const at = after + sep[0].length;
    const m = ITEM_AT.exec(text.slice(at, at + 12));
    if (!m) break;
    const item = readItem(text, m[1]!, at, at + m[0].length);
    // A bare number continues only a plural head, and only when nothing makes it a count or a date.
    if (!item.paren && (!plural || NOT_A_CITATION.test(text.slice(item.end, item.end + 20)))) break;
    items.push(item);
    pos = item.end;
  }
  return items;
}

function targetOf(item: Item, kind: DocumentKind, body: string, shared: ParenReading | null): ReferenceTarget {
  const t: ReferenceTarget = { body, kind, number: item.number };
  const paren = item.paren ?? shared;
  if (paren?.revision) t.revision = paren.revision;
  if (paren?.year !== undefined) t.year = paren.year;
  else if (item.dateYear) t.year = item.dateYear;
  if (paren?.session) t.session = paren.session;
  const slash = /^(\d{1,4})\/\d/.exec(item.number);
  if (slash && body === 'UNGA' && !t.session) t.session = slash[1];
  return t;
}

/** Who issued the cited text, from what surrounds it; `issuer` wrote the citing text. */
function bodyOf(item: Item, prefixBody: string, tailBody: string, issuer: string): string {
  if (prefixBody) return prefixBody;
  if (tailBody) return tailBody;
  const un = UN_BODIES.has(issuer);
  // General Assembly resolutions before 1976 carry the session in Roman numerals: "181 (II)", "186 (S-2)".
  if (item.paren?.session && !/^C\d/.test(item.paren.session)) return 'UNGA';
  if (/^\d{1,3}\/\d/.test(item.number)) return 'UNGA';
  // ITU conferences have never reached resolution 1000; four-digit numbers are the Council's.
  if (!un && /^\d{4}$/.test(item.number)) return 'Council';
  return issuer;
}

export function documentCitations(text: string, issuer: string): RawCitation[] {
  const out: RawCitation[] = [];
  HEAD.lastIndex = 0;
  for (let m = HEAD.exec(text); m; m = HEAD.exec(text)) {
    const [, prefix, prefixYear, keyword, number] = m;
    if (keyword === 'R' && !/council/i.test(prefix ?? '')) continue;
    const kind = kindOf(keyword!);
    const first = readItem(text, number!, m.index, m.index + m[0].length);
    // Lower-case "decision 3" and "recommendation 2" are ordinary words in UN texts; only a parenthesis makes them citations.
    if (/^[a-z]/.test(keyword!) && kind !== 'resolution' && !first.paren && !prefix) continue;
    const plural = /s$/i.test(keyword!) && !/\.$/.test(keyword!);
    const items = readList(text, first, plural);
    const last = items[items.length - 1]!;
    const tail = TAIL.exec(text.slice(last.end, last.end + 90));
    const prefixBody = prefix ? bodyFromPrefix(prefix, issuer) : '';
    const tailBody = tail ? bodyFromTail(tail[1]!, issuer) : '';
    // "Resolutions 131 and 200 (Rev. Dubai, 2018)": one revision printed for the whole list.
    const shared = last.paren?.revision && /[A-Za-z]/.test(last.paren.revision) ? last.paren : null;
    for (const item of items) {
      const body = bodyOf(item, prefixBody, tailBody, issuer);
      const target = targetOf(item, kind, body, shared);
      if (!target.year && prefixYear) target.year = 2000 + Number(prefixYear);
      const problem = item.paren?.problem;
      out.push({ start: item.start, end: item.end, target, ...(problem ? { problem } : {}) });
    }
    HEAD.lastIndex = last.end;
  }
  return out;
}
