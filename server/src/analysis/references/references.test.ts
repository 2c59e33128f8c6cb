import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseResolutionText } from '../text/parse-text.ts';
import { extractReferences } from './extract-references.ts';

const targets = (text: string, issuer = '') => extractReferences(text, { issuer }).map((r) => ({ text: r.text, ...r.target }));
const one = (text: string, issuer = '') => {
  const all = targets(text, issuer);
  expect(all, text).toHaveLength(1);
  return all[0]!;
};

describe('ITU citations', () => {
  it.each([
    ['Resolution 101 (Rev. Bucharest, 2022)', 'PP', { body: 'PP', kind: 'resolution', number: '101', revision: 'Rev. Bucharest, 2022', year: 2022 }],
    ['PP Res. 175 (Rev. Dubai, 2018)', '', { body: 'PP', number: '175', revision: 'Rev. Dubai, 2018', year: 2018 }],
    ['WTDC RESOLUTION 58 (Rev. Buenos Aires, 2017)', '', { body: 'WTDC', number: '58', revision: 'Rev. Buenos Aires, 2017' }],
    ['WTSA-16 RES.98 (Rev. Hammamet, 2016)', '', { body: 'WTSA', number: '98', revision: 'Rev. Hammamet, 2016', year: 2016 }],
    ['PP RESOLUTION 184 (Guadalajara, 2010)', '', { body: 'PP', number: '184', revision: 'Guadalajara, 2010', year: 2010 }],
    ['PP Dec. 5 (Rev. Dubai 2018)', '', { body: 'PP', kind: 'decision', number: '5', revision: 'Rev. Dubai, 2018' }],
    ['PP Rec. 7 (Dubai, 2018)', '', { body: 'PP', kind: 'recommendation', number: '7', revision: 'Dubai, 2018' }],
    ['Council R 1372 (C15, last amended C19)', '', { body: 'Council', number: '1372', revision: 'C15, last amended C19', session: 'C15' }],
    ['Recommendation ITU-T A.1', '', { body: 'ITU-T', kind: 'recommendation', number: 'A.1', series: 'A' }],
    ['ITU-T L.1317', '', { body: 'ITU-T', kind: 'recommendation', number: 'L.1317', series: 'L' }],
    ['Report ITU-R RS.2456', '', { body: 'ITU-R', kind: 'report', number: 'RS.2456', series: 'RS' }],
    ['Question 4/20', '', { kind: 'question', number: '4/20' }],
    ['WSIS Action Line C2', '', { body: 'WSIS', kind: 'action-line', number: 'C2' }],
    ['WSIS Action Line \u04212', '', { body: 'WSIS', kind: 'action-line', number: 'C2' }],
  ] as const)('%s', (text, issuer, expected) => {
    expect(one(text, issuer)).toMatchObject({ text, ...expected });
  });

  it('reads a malformed revision and says so', () => {
    const [r] = extractReferences('see Res. 175 (Rev. Dubai (2018) on accessibility', { issuer: 'PP' });
    expect(r).toMatchObject({ text: 'Res. 175 (Rev. Dubai (2018)', target: { body: 'PP', number: '175', revision: 'Rev. Dubai, 2018' } });
    expect(r!.problem).toMatch(/malformed/);
  });

  it('lets "of …" name the body, and the issuer own a bare citation', () => {
    expect(one('Resolution 64 (Rev. Dubai, 2018) of the World Telecommunication Standardization Assembly', 'PP').body).toBe('WTSA');
    expect(one('Resolution 2 (Kyoto, 1994) of the Plenipotentiary Conference', 'WTSA').body).toBe('PP');
    expect(one('Resolution 71 (Rev. Dubai, 2018) of this conference', 'PP').body).toBe('PP');
    expect(one('Resolution 64 (Rev. Dubai, 2018)', 'PP').body).toBe('PP');
    expect(one('Resolution 1143 adopted by the ITU Council', 'PP').body).toBe('Council');
  });

  it('finds citations glued to the text before them (table cells run together)', () => {
    expect(targets('Development GoalsPP Res. 140 (Rev. Dubai, 2018)ITU’s role', 'PP')[0]).toMatchObject({ text: 'PP Res. 140 (Rev. Dubai, 2018)', body: 'PP' });
  });

  it('spreads a revision printed once over a list', () => {
    expect(targets('Resolutions 131 and 200 (Rev. Dubai, 2018)', 'PP').map((t) => `${t.number} ${t.revision}`)).toEqual(['131 Rev. Dubai, 2018', '200 Rev. Dubai, 2018']);
  });
});

describe('UN citations', () => {
  it('reads lists, each item with its own span', () => {
    const text = 'Recalling its resolutions 186 (1964) of 4 March, 187 (1964) of 13 March\nand 192 (1964),';
    const refs = extractReferences(text, { issuer: 'UNSC' });
    expect(refs.map((r) => [r.text, r.target.body, r.target.number, r.target.year])).toEqual([
      ['resolutions 186 (1964)', 'UNSC', '186', 1964],
      ['187 (1964)', 'UNSC', '187', 1964],
      ['192 (1964)', 'UNSC', '192', 1964],
    ]);
    for (const r of refs) expect(text.slice(r.start, r.end)).toBe(r.text);
  });

  it.each([
    ['resolution 242 (1967)', 'UNSC', { body: 'UNSC', number: '242', year: 1967 }],
    ['General Assembly resolution 3379 (XXX)', 'UNSC', { body: 'UNGA', number: '3379', session: 'XXX' }],
    ['resolution 2248 (S-V)', 'UNSC', { body: 'UNGA', number: '2248', session: 'S-V' }],
    ['A/RES/70/125', '', { body: 'UNGA', kind: 'resolution', number: '70/125', session: '70' }],
    ['A/74/821', '', { body: 'UNGA', kind: 'document', number: 'A/74/821' }],
    ['CEB/2019/1/Add.6', '', { body: 'CEB', kind: 'document', number: 'CEB/2019/1/Add.6' }],
    ['S/10352', '', { body: 'UNSC', kind: 'document', number: 'S/10352' }],
    ['UNGA Resolution 70/1', 'PP', { body: 'UNGA', number: '70/1', session: '70' }],
  ] as const)('%s', (text, issuer, expected) => {
    expect(one(text, issuer)).toMatchObject({ text, ...expected });
  });

  it('maps offsets back across line-end hyphenation', () => {
    const text = 'under resolu-\ntion 242 (1967) and';
    const [r] = extractReferences(text, { issuer: 'UNSC' });
    expect(r).toMatchObject({ text: 'resolu-\ntion 242 (1967)', start: 6, end: 29 });
  });

  it('does not read counts, dates or other organisations’ symbols as citations', () => {
    expect(targets('adopted by 10 votes to none; Resolution ECM/Res.5 (III) of the OAU', 'UNSC')).toEqual([]);
  });
});

describe('references in parsed documents', () => {
  it('leaves out the document’s own header and keeps every offset exact', () => {
    const file = fileURLToPath(new URL('../../../../../shared/data/unsc-resolutions/texts/S_RES_0274_1969_EN_GOLD.txt', import.meta.url));
    const text = readFileSync(file, 'utf8');
    const doc = parseResolutionText(text, { fileName: 'S_RES_0274_1969_EN_GOLD.txt' });
    expect(doc.references!.some((r) => r.target.number === '274')).toBe(false);
    expect(doc.references!.filter((r) => r.target.kind === 'resolution')).toHaveLength(20);
    for (const r of doc.references!) expect(text.slice(r.start, r.end)).toBe(r.text);
  });

  it('reads the citations of the seed documents without error', () => {
    const file = fileURLToPath(new URL('../../../../../shared/seeds/002_c5f955553fafcd0a.txt', import.meta.url));
    const refs = extractReferences(readFileSync(file, 'utf8'), { issuer: 'Council' });
    const keys = new Set(refs.map((r) => `${r.target.body} ${r.target.kind} ${r.target.number}`));
    for (const k of ['PP resolution 175', 'WTDC resolution 58', 'WTSA resolution 98', 'PP decision 5', 'Council resolution 1372', 'PP recommendation 7', 'CEB document CEB/2019/1/Add.6', 'UNGA document A/74/821']) {
      expect(keys, k).toContain(k);
    }
  });
});
