import type { RawCitation } from './document-citations.ts';

/**
 * Citations that are not numbered resolutions: ITU-T/R/D Recommendations and
 * Reports ("Recommendation ITU-T A.1", "ITU-T L.1317", "Report ITU-R
 * RS.2456"), study Questions ("Question 4/20"), WSIS Action Lines ("C2",
 * also typed with a Cyrillic "С"), and UN/ITU document symbols ("A/74/821",
 * "A/RES/70/125", "S/10352", "CEB/2019/1/Add.6", "C21/INF/2").
 */

const ITU_SERIES = /(?<![A-Za-z])(?:(Recommendations?|Reports?|Supplements?)\s+)?ITU-([TRD])\s+([A-Z]{1,3})\.(\d{1,5}(?:\.\d{1,3})*(?:-\d{1,2})?)(?![\d.]*\d)/g;

export function ituSeriesCitations(text: string): RawCitation[] {
  const out: RawCitation[] = [];
  for (const m of text.matchAll(ITU_SERIES)) {
    const kind = /^Report/i.test(m[1] ?? '') ? 'report' : 'recommendation';
    out.push({ start: m.index, end: m.index + m[0].length, target: { body: `ITU-${m[2]}`, kind, number: `${m[3]}.${m[4]}`, series: m[3]! } });
  }
  return out;
}

const QUESTION = /(?<![A-Za-z])Questions?\s+(\d{1,2}\/\d{1,2})(?![\d/])/g;
const QUESTION_MORE = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(\d{1,2}\/\d{1,2})(?![\d/])/;

/** "ITU-T SG20 Question 4/20": the sector named just before decides the body. */
function sectorBefore(text: string, at: number): string {
  const m = /ITU-([TRD])\b[^.;\n]{0,25}$/.exec(text.slice(Math.max(0, at - 30), at));
  return m ? `ITU-${m[1]}` : '';
}

export function questionCitations(text: string): RawCitation[] {
  const out: RawCitation[] = [];
  for (const m of text.matchAll(QUESTION)) {
    const body = sectorBefore(text, m.index);
    out.push({ start: m.index, end: m.index + m[0].length, target: { body, kind: 'question', number: m[1]! } });
    let pos = m.index + m[0].length;
    for (let more = QUESTION_MORE.exec(text.slice(pos, pos + 20)); more; more = QUESTION_MORE.exec(text.slice(pos, pos + 20))) {
      const start = pos + more[0].length - more[1]!.length;
      out.push({ start, end: start + more[1]!.length, target: { body, kind: 'question', number: more[1]! } });
      pos = start + more[1]!.length;
    }
  }
  return out;
}

/** "C" or the look-alike Cyrillic "С" (U+0421) typed on a Russian keyboard. */
const ACTION_LINE = /WSIS\s+Action\s+Lines?\s+([CС]\s?\d{1,2})(?!\d)/g;
const ACTION_LINE_MORE = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)([CС]\s?\d{1,2})(?!\d)/;

export function actionLineCitations(text: string): RawCitation[] {
  const out: RawCitation[] = [];
  const number = (raw: string) => `C${raw.slice(1).trim()}`;
  for (const m of text.matchAll(ACTION_LINE)) {
    out.push({ start: m.index, end: m.index + m[0].length, target: { body: 'WSIS', kind: 'action-line', number: number(m[1]!) } });
    let pos = m.index + m[0].length;
    for (let more = ACTION_LINE_MORE.exec(text.slice(pos, pos + 12)); more; more = ACTION_LINE_MORE.exec(text.slice(pos, pos + 12))) {
      const start = pos + more[0].length - more[1]!.length;
      out.push({ start, end: start + more[1]!.length, target: { body: 'WSIS', kind: 'action-line', number: number(more[1]!) } });
      pos = start + more[1]!.length;
    }
  }
  return out;
}

/** A symbol: an organ prefix, then slash-separated parts, at least one with a digit; "Add.6", "Rev.2" allowed. */
const SYMBOL = /(?<![\w/.])(A|S|E|CEB|ST|UNEP|TD|DP|C\d{2})\/((?:[A-Za-z0-9][A-Za-z0-9.-]*\/){0,5}[A-Za-z0-9][A-Za-z0-9.-]*)/g;
const SYMBOL_BODY: Record<string, string> = { A: 'UNGA', S: 'UNSC', E: 'ECOSOC', CEB: 'CEB', ST: 'UN', UNEP: 'UNEP', TD: 'UNCTAD', DP: 'UNDP' };

export function symbolCitations(text: string): RawCitation[] {
  const out: RawCitation[] = [];
  for (const m of text.matchAll(SYMBOL)) {
    const rest = m[2]!.replace(/[.-]+$/, '');
    if (!/\d/.test(rest)) continue;
    const organ = m[1]!;
    const symbol = `${organ}/${rest}`;
    const end = m.index + symbol.length;
    const res = /^RES\/(\d{1,4}(?:\/\d{1,4})?)$/.exec(rest);
    if (res && (organ === 'A' || organ === 'S' || organ === 'E')) {
      const body = SYMBOL_BODY[organ]!;
      const session = organ === 'A' ? /^(\d+)\//.exec(res[1]!)?.[1] : undefined;
      out.push({ start: m.index, end, target: { body, kind: 'resolution', number: res[1]!, ...(session ? { session } : {}) } });
      continue;
    }
    const body = /^C\d{2}$/.test(organ) ? 'Council' : SYMBOL_BODY[organ]!;
    out.push({ start: m.index, end, target: { body, kind: 'document', number: symbol } });
  }
  return out;
}
