import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAkn } from '../akn/parse-akn.ts';
import type { ParsedDocument } from '../types.ts';
import { parseResolutionText } from './parse-text.ts';
import { renderAknDocumentAsText, rewrapHyphenated } from './render-text.ts';

const XML = fileURLToPath(new URL('../../../../../shared/data/itu-pp18/pp18_final_acts_akn.xml', import.meta.url));
const { documents } = parseAkn(readFileSync(XML, 'utf8'));
const shape = (d: ParsedDocument) => d.clauses.map((c) => `${c.kind} | ${c.heading}`);

describe('AKN → ITU-layout text → parser', () => {
  const chosen = [
    ['resolution', '2'],
    ['decision', '5'],
    ['resolution', '25'],
    ['resolution', '123'],
    ['recommendation', '7'],
  ] as const;

  it.each(chosen)('%s %s comes back with the same clauses, kinds and headings', (kind, number) => {
    const doc = documents.find((d) => d.kind === kind && d.number === number)!;
    const text = renderAknDocumentAsText(doc);
    const back = parseResolutionText(text);
    expect(back).toMatchObject({ body: doc.body, kind: doc.kind, number: doc.number, revision: doc.revision, title: doc.title });
    expect(shape(back)).toEqual(shape(doc));
    expect(back.clauses.map((c) => c.text)).toEqual(doc.clauses.map((c) => c.text));
    expect(back.clauses.map((c) => c.addressee)).toEqual(doc.clauses.map((c) => c.addressee));
  });

  it('round-trips every document of the Final Acts', () => {
    const failed = documents.filter((doc) => {
      const back = parseResolutionText(renderAknDocumentAsText(doc));
      return JSON.stringify(shape(back)) !== JSON.stringify(shape(doc));
    });
    expect(failed.map((d) => `${d.kind} ${d.number}`)).toEqual([]);
  });

  it('survives narrower wrapping with hyphenated line ends', () => {
    const failed = documents.filter((doc) => {
      const back = parseResolutionText(rewrapHyphenated(renderAknDocumentAsText(doc)));
      return JSON.stringify(back.clauses.map((c) => [c.kind, c.heading, c.text])) !== JSON.stringify(doc.clauses.map((c) => [c.kind, c.heading, c.text]));
    });
    expect(failed.map((d) => `${d.kind} ${d.number}`)).toEqual([]);
  });

  it('survives the loss of every blank line, except where only a blank line tells two items apart', () => {
    const failed = documents.filter((doc) => {
      const back = parseResolutionText(renderAknDocumentAsText(doc).replace(/\n\n+/g, '\n'));
      return JSON.stringify(shape(back)) !== JSON.stringify(shape(doc));
    });
    // 177 has a "b)" whose "a)" the converter lost, 179 repeats "c)": without a blank line both read as wrapped text.
    expect(failed.map((d) => `${d.kind} ${d.number}`)).toEqual(['resolution 177', 'resolution 179']);
  });

  it('renders the ITU layout a reader expects', () => {
    const text = renderAknDocumentAsText(documents.find((d) => d.number === '2' && d.kind === 'resolution')!);
    expect(text.startsWith('RESOLUTION 2 (Rev. Dubai, 2018)\n\nWorld telecommunication/information')).toBe(true);
    expect(text).toContain('\n\nconsidering\n\na) relevant resolutions of the United Nations General Assembly (UNGA);\n');
    expect(text).toContain('\n\ninstructs the Secretary-General\n\nto make the necessary preparations');
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
  });
});
