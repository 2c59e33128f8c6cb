import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAkn } from '../akn/parse-akn.ts';
import { parseResolutionText } from '../text/parse-text.ts';
import type { ParsedDocument } from '../types.ts';
import { consolidate } from './consolidate.ts';
import { headingKey } from './heading-order.ts';
import { draftParagraphs, sourceParagraphs } from './paragraphs.ts';
import { redline } from './redline.ts';
import { headerLine, renderDraftText } from './render-draft-text.ts';
import { resolveRedline } from './test-fixtures.ts';
import type { ConsolidationSource } from './types.ts';

/** Consolidation on the real PP-18 Final Acts: texts converted from PDF, with their faults. */

const XML = fileURLToPath(new URL('../../../../../shared/data/itu-pp18/pp18_final_acts_akn.xml', import.meta.url));
const { documents } = parseAkn(readFileSync(XML, 'utf8'));
const asSource = (d: ParsedDocument, id: number): ConsolidationSource => ({ id, label: `Res ${d.number}`, header: headerLine(d), title: d.title, preamble: d.preamble, year: d.year, clauses: d.clauses });
const resolution = (n: string) => documents.find((d) => d.kind === 'resolution' && d.number === n)!;
/** A clause's text without the closing mark that only says where it stands in its list. */
const bare = (t: string) => t.replace(/\s*[;,.](?:\s+(?:and|or))?\s*$/, '');

describe('consolidating PP-18 resolutions', () => {
  // Resolution 101 (IP-based networks) and 180 (transition to IPv6) recall the same UNGA resolutions and WTPF opinion.
  const r101 = asSource(resolution('101'), 101);
  const r180 = asSource(resolution('180'), 180);
  const draft = consolidate([r101, r180]);

  it('keeps the recitals the two share once, recording both origins', () => {
    const agenda = draft.clauses.filter((c) => c.text.includes('Resolution 70/1, on transforming our world'));
    expect(agenda).toHaveLength(1);
    expect(agenda[0]!.origin.map((o) => `${o.sourceId} ${o.path}`)).toEqual(['101 recalling/c', '180 considering/a']);
    expect(draft.removed.filter((r) => r.sourceId === 180).map((r) => r.path)).toEqual(['considering/a', 'considering/b', 'considering/f']);
    expect(draft.clauses.length).toBe(r101.clauses.length + r180.clauses.length - draft.removed.length);
  });

  it('redlines each resolution into the draft, and the draft reads back as the same clauses', () => {
    for (const s of [r101, r180]) {
      const r = redline(draft, s);
      expect(resolveRedline(r, 'accept')).toEqual(draftParagraphs(draft).map((p) => p.text));
      expect(resolveRedline(r, 'reject')).toEqual(sourceParagraphs(s).map((p) => p.text));
    }
    const back = parseResolutionText(renderDraftText(draft));
    expect(back.clauses.map((c) => [c.heading, c.text])).toEqual(draft.clauses.map((c) => [c.heading, c.text]));
  });

  it('gives every document of the Final Acts back when consolidated with itself, reordered by heading only', () => {
    const unchanged: string[] = [];
    for (const d of documents) {
      const a = asSource(d, 1);
      const self = consolidate([a, { ...a, id: 2 }]);
      const byHeading = (list: readonly { heading: string; text: string }[]) => {
        const out = new Map<string, string[]>();
        for (const c of list) if (c.text.trim()) out.set(headingKey(c.heading), [...(out.get(headingKey(c.heading)) ?? []), bare(c.text)]);
        return out;
      };
      expect(byHeading(self.clauses), `${d.kind} ${d.number}`).toEqual(byHeading(d.clauses));
      const same = (list: readonly { heading: string; num: string; text: string }[]) => JSON.stringify(list.map((c) => [c.heading, c.num, c.text]));
      if (same(self.clauses) === same(d.clauses)) unchanged.push(`${d.kind} ${d.number}`);
    }
    // The others put their headings in another order than resolves, instructs, requests, invites.
    expect(unchanged.length).toBeGreaterThanOrEqual(33);
    expect(unchanged).toContain('resolution 101');
  });
});
