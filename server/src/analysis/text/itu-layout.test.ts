import { describe, expect, it } from 'vitest';
import { ParseError, type ParsedClause, type ParsedDocument } from '../types.ts';
import { parseResolutionText } from './parse-text.ts';

/** Blank-line separated, wrapped lines, a wrapped heading, a hyphenated line end, a footnote. */
const OPEN_DATA = `RESOLUTION 901 (Rev. New Delhi, 2024)

Open data practices in the work of the
Telecommunication Standardization Sector

(Geneva, 2022; New Delhi, 2024)

The World Telecommunication Standardization Assembly (New Delhi, 2024),

considering

a) that open data formats make the results of study groups easier to reuse by
developing countries;

b) that several study groups already publish machine-readable versions of their
Recommendations,

recognizing further

that publication costs fall when documents are prepared once and rendered in many
formats,

resolves

1 to encourage study groups to publish their outputs in open, machine-read-
able formats;

2 that the following principles apply:

a) data should be published under licences that permit reuse;

b) personal data shall never be published,

instructs the Director of the Telecommunication Standardization Bureau, in
consultation with the Director of the Telecommunication Development Bureau

1 to develop guidelines on open data for study groups and to report to the
Telecommunication Standardization Advisory Group;

2 to assist developing countries in using the published data,

instructs Study Group 17

to study the security aspects of publishing data in open formats,

invites Member States and Sector Members

to contribute examples of good practice.

____________________
1 This footnote is not a clause.
`;

/** No blank lines at all, upper-case revision, a wrapped formula, items wrapped onto lines starting with numbers. */
const REGIONAL_EVENTS = `RESOLUTION 902 (REV. DUBAI, 2018)
Coordination of regional events
The Plenipotentiary Conference of the International Telecommunication Union (Dubai,
2018),
considering
a) that regional events organized by the three Sectors sometimes overlap in
time and place, as happened in
2017 in two regions;
b) that Member States have asked for a single calendar of events,
noting
that a shared calendar was piloted by the regional offices,
resolves
1 that a single calendar of regional events shall be maintained by the General
Secretariat;
2 that events of the three Sectors in the same region should, where possible, be
held back to back,
instructs the Secretary-General and the Directors of the three Bureaux
1 to publish the calendar on the ITU website and to keep it up to date;
2 to report annually to the Council on the results achieved,
instructs the Secretary-General
to consult the regional organizations on the calendar,
invites Member States
to inform the Secretary-General of national events of regional interest.
`;

const at = (d: ParsedDocument, path: string): ParsedClause => {
  const c = d.clauses.find((x) => x.path === path);
  if (!c) throw new Error(`no clause ${path} in ${d.clauses.map((x) => x.path).join(', ')}`);
  return c;
};

/** The span a clause points at must hold its first words. */
function expectSpansMatch(text: string, d: ParsedDocument): void {
  for (const c of d.clauses) {
    expect(c.start, c.path).toBeTypeOf('number');
    const span = text.slice(c.start, c.end).replace(/\s+/g, ' ');
    const firstWords = c.text.split(' ').slice(0, 3).join(' ');
    expect(span, c.path).toContain(firstWords);
  }
}

describe('ITU layout', () => {
  it('reads identity, title and formula', () => {
    const d = parseResolutionText(OPEN_DATA, { fileName: 'res-901.txt' });
    expect(d).toMatchObject({
      body: 'WTSA',
      kind: 'resolution',
      number: '901',
      revision: 'Rev. New Delhi, 2024',
      year: 2024,
      place: 'New Delhi',
      title: 'Open data practices in the work of the Telecommunication Standardization Sector',
      preamble: 'The World Telecommunication Standardization Assembly (New Delhi, 2024),',
    });
  });

  it('splits a blank-line separated text into clauses with paths and addressees', () => {
    const d = parseResolutionText(OPEN_DATA);
    expect(d.clauses.map((c) => `${c.kind[0]} ${c.path}`)).toEqual([
      'p considering/a',
      'p considering/b',
      'p recognizing-further',
      'o resolves/1',
      'o resolves/2',
      'o resolves/2/a',
      'o resolves/2/b',
      'o instructs-the-director-of-the-telecommunication-standardization-bureau/1',
      'o instructs-the-director-of-the-telecommunication-standardization-bureau/2',
      'o instructs-study-group-17',
      'o invites-member-states-and-sector-members',
    ]);
    expect(at(d, 'resolves/1')).toMatchObject({
      num: '1',
      addressee: null,
      text: 'to encourage study groups to publish their outputs in open, machine-readable formats;',
    });
    expect(at(d, 'resolves/2/b')).toMatchObject({ num: 'b', heading: 'resolves', text: 'personal data shall never be published,' });
    const tsb = at(d, 'instructs-the-director-of-the-telecommunication-standardization-bureau/1');
    expect(tsb.heading).toBe(
      'instructs the Director of the Telecommunication Standardization Bureau, in consultation with the Director of the Telecommunication Development Bureau',
    );
    expect(tsb.addressee).toBe('TSB Director');
    expect(tsb.text).toBe('to develop guidelines on open data for study groups and to report to the Telecommunication Standardization Advisory Group;');
    expect(at(d, 'instructs-study-group-17')).toMatchObject({ num: '', addressee: 'SG17' });
    expect(at(d, 'invites-member-states-and-sector-members')).toMatchObject({
      addressee: 'Member States and Sector Members',
      text: 'to contribute examples of good practice.',
    });
    expect(d.problems.map((p) => p.message)).toContain('footnote left out of the clauses');
    expectSpansMatch(OPEN_DATA, d);
  });

  it('reads a text without blank lines, where wrapped lines may start with numbers', () => {
    const d = parseResolutionText(REGIONAL_EVENTS);
    expect(d).toMatchObject({ body: 'PP', number: '902', revision: 'Rev. Dubai, 2018', title: 'Coordination of regional events' });
    expect(d.clauses.map((c) => c.path)).toEqual([
      'considering/a',
      'considering/b',
      'noting',
      'resolves/1',
      'resolves/2',
      'instructs-the-secretary-general-and-the-directors-of-the-three-bureaux/1',
      'instructs-the-secretary-general-and-the-directors-of-the-three-bureaux/2',
      'instructs-the-secretary-general',
      'invites-member-states',
    ]);
    expect(at(d, 'considering/a').text).toBe(
      'that regional events organized by the three Sectors sometimes overlap in time and place, as happened in 2017 in two regions;',
    );
    expect(at(d, 'instructs-the-secretary-general-and-the-directors-of-the-three-bureaux/1').addressee).toBe(
      'Secretary-General and Directors of the three Bureaux',
    );
    expect(at(d, 'instructs-the-secretary-general').addressee).toBe('Secretary-General');
    expect(at(d, 'invites-member-states').addressee).toBe('Member States');
    expectSpansMatch(REGIONAL_EVENTS, d);
    const second = at(d, 'resolves/2');
    expect(REGIONAL_EVENTS.slice(second.start, second.end)).toBe(
      '2 that events of the three Sectors in the same region should, where possible, be\nheld back to back,',
    );
  });

  it('gives offsets into the text as given, CRLF included', () => {
    const crlf = REGIONAL_EVENTS.replace(/\n/g, '\r\n');
    const d = parseResolutionText(crlf);
    expect(d.clauses).toHaveLength(9);
    expectSpansMatch(crlf, d);
  });

  it('refuses empty and binary input', () => {
    expect(() => parseResolutionText('   \n')).toThrow(ParseError);
    expect(() => parseResolutionText('%PDF-1.7\u0000\u0001')).toThrow(/not a text file/);
  });
});
