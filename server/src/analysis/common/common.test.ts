import { describe, expect, it } from 'vitest';
import { addresseeOfHeading, normaliseAddressee } from './addressee.ts';
import { normaliseRevision, parseDocumentHeader, readEnactingFormula } from './document-id.ts';
import { findTrailingHeading, readHeading } from './headings.ts';
import { placeLabel, readLabel } from './labels.ts';
import { PathRegistry } from './paths.ts';
import { joinSpacedHyphens, slugify, truncateAtWord, unwrapText } from './text.ts';

describe('addressee normalisation', () => {
  it.each([
    ['the Director of the Telecommunication Standardization Bureau', 'TSB Director'],
    ['the Director of the Radiocommunication Bureau', 'BR Director'],
    ['the Director of the Telecommunication Development Bureau, in close cooperation with the Secretary-General', 'BDT Director'],
    ['the Secretary-General', 'Secretary-General'],
    ['Study Group 17', 'SG17'],
    ['ITU-T Study Group 17', 'SG17'],
    ['the ITU Council', 'Council'],
    ['the Council', 'Council'],
    ['Member States', 'Member States'],
    ['Member States and Sector Members', 'Member States and Sector Members'],
    ['the three Bureaux', 'Directors of the three Bureaux'],
    ['the Directors of the three Bureaux', 'Directors of the three Bureaux'],
    ['the Telecommunication Standardization Advisory Group', 'TSAG'],
    ['the Secretary-General and the Directors of the three Bureaux', 'Secretary-General and Directors of the three Bureaux'],
    ['the Directors of the Radiocommunication Bureau and the Telecommunication Standardization Bureau', 'BR Director and TSB Director'],
    ['regional organizations concerned', 'Regional organizations concerned'],
  ])('%s → %s', (phrase, expected) => {
    expect(normaliseAddressee(phrase)).toBe(expected);
  });

  it('reads the addressee of a heading, and none for resolves/decides', () => {
    expect(addresseeOfHeading('instructs the Secretary-General and the Directors of the three Bureaux')).toBe(
      'Secretary-General and Directors of the three Bureaux',
    );
    expect(addresseeOfHeading('invites Member States')).toBe('Member States');
    expect(addresseeOfHeading('resolves')).toBeNull();
    expect(addresseeOfHeading('decides')).toBeNull();
    expect(addresseeOfHeading('resolves further')).toBeNull();
    expect(addresseeOfHeading('resolves to instruct the Secretary-General')).toBe('Secretary-General');
  });
});

describe('headings', () => {
  it('tells preambular from operative headings and rejects clause text', () => {
    expect(readHeading('considering further')?.kind).toBe('preambular');
    expect(readHeading('bearing in mind')?.kind).toBe('preambular');
    expect(readHeading('noting with concern')?.kind).toBe('preambular');
    expect(readHeading('instructs the Director of the Telecommunication Standardization Bureau')?.kind).toBe('operative');
    expect(readHeading('calls upon Member States')?.verb).toBe('calls upon');
    expect(readHeading('to develop guidelines')).toBeNull();
    expect(readHeading('requests the Secretary-General to report annually')).toBeNull();
    expect(readHeading('considering the needs of developing countries, the')).toBeNull();
  });

  it('finds a heading glued to the end of a clause, only with known verbs', () => {
    expect(findTrailingHeading('to report annually to the Council, instructs the Secretary-General')).toEqual({
      before: 'to report annually to the Council,',
      heading: 'instructs the Secretary-General',
    });
    expect(findTrailingHeading('including prices, impacts on customers')).toBeNull();
    expect(findTrailingHeading('to report annually to the Council;')).toBeNull();
  });
});

describe('labels', () => {
  it('reads letters that are also roman numerals both ways', () => {
    expect(readLabel('i)').map((l) => l.style)).toEqual(['letter', 'roman']);
    expect(readLabel('1.2')[0]).toMatchObject({ style: 'dotted', ordinal: 2 });
  });

  it('places labels as siblings before children, children before gaps', () => {
    const [h] = readLabel('h');
    const [f] = readLabel('f');
    const [one] = readLabel('1');
    expect(placeLabel([h!], 'i)')).toMatchObject({ depth: 0, label: { style: 'letter' } });
    expect(placeLabel([f!], 'i)', { maxGap: 3 })).toMatchObject({ depth: 1, label: { style: 'roman' } });
    expect(placeLabel([one!], '1.1')).toMatchObject({ depth: 1 });
    expect(placeLabel([one!], '2')).toMatchObject({ depth: 0 });
    expect(placeLabel([one!], '71')).toBeNull();
    expect(placeLabel([], '2')).toBeNull();
  });
});

describe('identity and text helpers', () => {
  it('normalises revisions and headers', () => {
    expect(normaliseRevision('REV. DUBAI, 2018')).toEqual({ revision: 'Rev. Dubai, 2018', place: 'Dubai', year: 2018 });
    expect(normaliseRevision('NEW DELHI, 2024').revision).toBe('New Delhi, 2024');
    expect(normaliseRevision('SHARM EL-SHEIKH, 2019').place).toBe('Sharm el-Sheikh');
    expect(parseDocumentHeader('RECOMMENDATION 7 (Dubai, 2018)')).toMatchObject({ kind: 'recommendation', number: '7', revision: 'Dubai, 2018' });
    expect(readEnactingFormula('The World Telecommunication Standardization Assembly (New Delhi, 2024),')).toEqual({
      body: 'WTSA',
      place: 'New Delhi',
      year: 2024,
    });
  });

  it('repairs hyphenation only where safe', () => {
    expect(joinSpacedHyphens('the Secretary- General and short- and long-term').text).toBe(
      'the Secretary-General and short- and long-term',
    );
    expect(unwrapText('were estab-\nlished by the Secretary-\nGeneral')).toBe('were established by the Secretary-General');
    expect(unwrapText('machine-read-\nable and machine-readable', new Set(['machine-readable']))).toBe('machine-readable and machine-readable');
  });

  it('builds slugs, unique paths and short titles', () => {
    expect(slugify('instructs the Secretary-General, in consultation with the Directors')).toBe('instructs-the-secretary-general');
    const reg = new PathRegistry();
    expect(reg.claim('resolves', ['1']).path).toBe('resolves/1');
    expect(reg.claim('resolves', ['1']).path).toBe('resolves/1#2');
    expect(reg.claim('considering', ['']).path).toBe('considering');
    expect(truncateAtWord('one two three four five', 12)).toBe('one two…');
  });
});
