import { documentCitations, type RawCitation } from './document-citations.ts';
import { actionLineCitations, ituSeriesCitations, questionCitations, symbolCitations } from './other-citations.ts';
import { cleanForReferences } from './source-map.ts';
import type { ParsedReference } from './types.ts';

/**
 * Every citation in a text, in order, without overlaps. `issuer` is the body
 * that wrote the text ("UNSC", "PP"): it is who "its resolution 186 (1964)"
 * and a bare "Resolution 64 (Rev. Dubai, 2018)" belong to. Pure and linear in
 * the length of the text (every pattern is anchored on a literal keyword and
 * bounded in how far it looks).
 */
export function extractReferences(source: string, opts: { issuer?: string } = {}): ParsedReference[] {
  const issuer = opts.issuer ?? '';
  const clean = cleanForReferences(source);
  const found: RawCitation[] = [
    ...documentCitations(clean.text, issuer),
    ...ituSeriesCitations(clean.text),
    ...questionCitations(clean.text),
    ...actionLineCitations(clean.text),
    ...symbolCitations(clean.text),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ParsedReference[] = [];
  let reached = -1;
  for (const c of found) {
    // "A/RES/70/125" is found both as a symbol and (via "RES/…") nowhere else; "Recommendation ITU-T A.1" only once. First and longest wins.
    if (c.start < reached) continue;
    reached = c.end;
    const start = clean.toSource(c.start);
    const end = clean.toSource(c.end - 1) + 1;
    out.push({ text: source.slice(start, end), start, end, target: c.target, ...(c.problem ? { problem: c.problem } : {}) });
  }
  return out;
}
