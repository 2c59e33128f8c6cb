import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAkn } from './akn/parse-akn.ts';
import { suggestActions } from './suggestions.ts';
import { parseResolutionText } from './text/parse-text.ts';
import type { ParsedDocument } from './types.ts';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const res2 = () => parseAkn(readFileSync(`${DATA}itu-pp18/res_2.xml`, 'utf8')).documents[0]!;

const doc = (clauses: ParsedDocument['clauses']): ParsedDocument => ({
  body: 'WTSA', kind: 'resolution', number: '1', revision: '', year: null, place: '', title: '', preamble: '', problems: [], clauses,
});

describe('suggested actions', () => {
  it('proposes one action per addressed block of Resolution 2, none for resolves', () => {
    const s = suggestActions(res2());
    expect(s.map((x) => [x.addressee, x.heading, x.clausePaths.length])).toEqual([
      ['Secretary-General', 'instructs the Secretary-General', 1],
      ['Council', 'instructs the ITU Council', 3],
      ['Council', 'further instructs the ITU Council', 1],
    ]);
    expect(s[0]).toMatchObject({
      blockKey: 'instructs-the-secretary-general@instructs-the-secretary-general',
      title: 'Make the necessary preparations for convening WTPF based on resolves above',
      description: 'to make the necessary preparations for convening WTPF based on resolves above,',
    });
    expect(s[1]!.title).toBe('Continue to decide on the duration, date, venue, agenda and themes of any future WTPF');
    expect(s[1]!.description.split('\n')[1]).toMatch(/^2 to adopt a procedure/);
    expect(s.some((x) => x.heading === 'resolves')).toBe(false);
  });

  it('keeps block keys stable across re-imports', () => {
    expect(suggestActions(res2()).map((s) => s.blockKey)).toEqual(suggestActions(res2()).map((s) => s.blockKey));
  });

  it('groups consecutive clauses with the same heading and addressee only', () => {
    const c = (path: string, heading: string, addressee: string | null, text: string) =>
      ({ kind: 'operative', heading, addressee, num: path.split('/').pop()!, path, text }) as const;
    const s = suggestActions(doc([
      c('instructs-study-group-17/1', 'instructs Study Group 17', 'SG17', 'to develop guidelines on quantum-safe migration;'),
      c('instructs-study-group-17/2', 'instructs Study Group 17', 'SG17', 'to report to TSAG.'),
      c('resolves/1', 'resolves', null, 'that the work continue;'),
      c('instructs-study-group-17/1#2', 'instructs Study Group 17', 'SG17', `to ${'study a very long subject '.repeat(10)}now;`),
    ]));
    expect(s.map((x) => x.clausePaths)).toEqual([['instructs-study-group-17/1', 'instructs-study-group-17/2'], ['instructs-study-group-17/1#2']]);
    expect(s[0]!.title).toBe('Develop guidelines on quantum-safe migration');
    expect(s[1]!.title.length).toBeLessThanOrEqual(120);
    expect(s[1]!.title.endsWith('…')).toBe(true);
  });

  it('derives titles from UN paragraphs that carry their own verb', () => {
    const text = readFileSync(`${DATA}unsc-resolutions/texts/S_RES_0242_1967_EN_GOLD.txt`, 'utf8');
    const s = suggestActions(parseResolutionText(text));
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ addressee: 'Secretary-General', clausePaths: ['requests/3', 'requests/4'] });
    expect(s[0]!.title).toBe('Designate a Special Representative to proceed to the Middle East to establish and maintain contacts with the States…');
  });
});
