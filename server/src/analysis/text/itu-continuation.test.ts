import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../types.ts';
import { parseResolutionText } from './parse-text.ts';

/**
 * Wrapped lines that open like a heading ("workshops on …", "requests from …")
 * must stay in their clause; real headings must still open a block; and no
 * word of the body may get lost on the way.
 */

const HEADER = `RESOLUTION 70 (Rev. New Delhi, 2024)

Accessibility of telecommunications for persons with disabilities

The World Telecommunication Standardization Assembly (New Delhi, 2024),

`;

const parse = (body: string): ParsedDocument => parseResolutionText(HEADER + body);
const headingsOf = (d: ParsedDocument): string[] => [...new Set(d.clauses.map((c) => c.heading))];
const textAt = (d: ParsedDocument, path: string): string | undefined => d.clauses.find((c) => c.path === path)?.text;

/** The same body with every blank line removed, or with a blank line after every line (as some PDF converters write). */
const layouts = {
  'as written': (body: string) => body,
  'without blank lines': (body: string) => body.replace(/\n\n+/g, '\n'),
  'double-spaced': (body: string) => body.replace(/\n+/g, '\n\n'),
};
const eachLayout = Object.entries(layouts);

const TSB = 'instructs the Director of the Telecommunication Standardization Bureau';
const TSB_PATH = 'instructs-the-director-of-the-telecommunication-standardization-bureau';

describe('ITU layout: a wrapped line that looks like a heading', () => {
  // The reported case: the second line of item 1 ("workshops …,") after a line ending with a comma.
  const reproduction = (between: string, end: string) => `considering

that accessible products are still rare in public tenders,

${TSB}

1 to organize, with the Director of the Telecommunication Development Bureau,${between}workshops on the accessible procurement of ICT products and services${end}

2 to report on the results to TSAG,

invites Member States

to take part in these workshops.
`;

  it.each([
    ['a line break', '\n', ','],
    ['a blank line', '\n\n', ','],
    ['a line break', '\n', ';'],
    ['a blank line', '\n\n', ';'],
    ['a line break', '\n', '.'],
    ['a blank line', '\n\n', '.'],
  ])('stays in its clause after %s, whatever ends the clause ("%s" … "%s")', (_what, between, end) => {
    const d = parse(reproduction(between, end));
    expect(textAt(d, `${TSB_PATH}/1`)).toBe(
      `to organize, with the Director of the Telecommunication Development Bureau, workshops on the accessible procurement of ICT products and services${end}`,
    );
    expect(d.clauses.map((c) => c.path)).toEqual(['considering', `${TSB_PATH}/1`, `${TSB_PATH}/2`, 'invites-member-states']);
    expect(headingsOf(d)).not.toContain('workshops on the accessible procurement of ICT products and services');
    expect(d.problems).toEqual([]);
  });

  const nounLines = `resolves

1 to hold, in cooperation with the regional offices,
workshops on accessible meeting documents,

2 to consult, through the Bureau,
organizations of persons with disabilities,

3 to identify, together with the study groups,
measures,

4 to take into account, where appropriate,
requests from Member States for assistance,

5 to review, at each meeting of TSAG,
charges for accessible relay services,

6 to publish, after each workshop,
notes on the lessons learned and
stresses the importance of captioning for all,

instructs Study Group 2

to study numbering resources for relay services.
`;

  it.each(eachLayout)('keeps lines opening with a plural noun in the clause (%s)', (_name, layout) => {
    const d = parse(layout(nounLines));
    expect(headingsOf(d)).toEqual(['resolves', 'instructs Study Group 2']);
    expect(d.clauses.map((c) => c.text)).toEqual([
      'to hold, in cooperation with the regional offices, workshops on accessible meeting documents,',
      'to consult, through the Bureau, organizations of persons with disabilities,',
      'to identify, together with the study groups, measures,',
      'to take into account, where appropriate, requests from Member States for assistance,',
      'to review, at each meeting of TSAG, charges for accessible relay services,',
      'to publish, after each workshop, notes on the lessons learned and stresses the importance of captioning for all,',
      'to study numbering resources for relay services.',
    ]);
    expect(d.problems).toEqual([]);
  });

  it('keeps a line in the clause when nothing but another heading follows it', () => {
    const d = parse(`resolves

1 to invite, to the next workshop,

encourages Sector Members

invites Member States

to take part.
`);
    expect(textAt(d, 'resolves/1')).toBe('to invite, to the next workshop, encourages Sector Members');
    expect(headingsOf(d)).toEqual(['resolves', 'invites Member States']);
  });

  it('reports a heading with nothing under it rather than dropping it silently', () => {
    const d = parse(`resolves

1 to hold a workshop;

instructs the Secretary-General

invites Member States

to take part.
`);
    expect(d.problems.map((p) => p.message)).toContain('heading "instructs the Secretary-General" has no clauses under it');
  });
});

describe('ITU layout: real headings after a comma', () => {
  const body = `considering

a) that persons with disabilities should be able to use ICTs,

b) that accessibility is best designed in from the start,

resolves

1 to take accessibility into account in all study groups,

2 to hold meetings in accessible venues,

resolves further

that captioning shall be provided at all plenary meetings,

instructs Study Group 17

to study the security of accessible authentication methods,

encourages Sector Members

to contribute to the work on accessibility,

invites Member States

1 to include persons with disabilities in their delegations,

2 to share national experience with the Bureau.
`;

  it.each(eachLayout)('are still read as headings (%s)', (_name, layout) => {
    const d = parse(layout(body));
    expect(headingsOf(d)).toEqual([
      'considering',
      'resolves',
      'resolves further',
      'instructs Study Group 17',
      'encourages Sector Members',
      'invites Member States',
    ]);
    expect(d.clauses.map((c) => c.path)).toEqual([
      'considering/a',
      'considering/b',
      'resolves/1',
      'resolves/2',
      'resolves-further',
      'instructs-study-group-17',
      'encourages-sector-members',
      'invites-member-states/1',
      'invites-member-states/2',
    ]);
    expect(d.clauses.find((c) => c.path === 'instructs-study-group-17')?.addressee).toBe('SG17');
    expect(d.problems).toEqual([]);
  });

  it('reads a heading wrapped over a blank line when its first line is plainly cut off', () => {
    const d = parse(`resolves

1 to hold accessible meetings,

invites regional and international financial organizations

and agencies, equipment providers and operators

to finance accessible equipment.
`);
    expect(headingsOf(d)).toEqual([
      'resolves',
      'invites regional and international financial organizations and agencies, equipment providers and operators',
    ]);
    expect(d.problems).toEqual([]);
  });
});

/** Lower-cased words, with line-end hyphenation undone and hyphens dropped, so "Secretary-\nGeneral" = "Secretary-General". */
function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/-[ \t]*\r?\n\s*/g, '')
    .replace(/-/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Every heading once per block, then each clause's number and text, in document order. */
function wordsOfClauses(d: ParsedDocument): string[] {
  const out: string[] = [];
  let block = '';
  for (const c of d.clauses) {
    // A second unnumbered paragraph under the same heading gets a renamed path ("…#2"), not a new heading.
    const key = `${c.heading}\u0000${c.path.split('/')[0]!.replace(/#\d+$/, '')}`;
    if (key !== block) out.push(...words(c.heading));
    block = key;
    out.push(...words(c.num), ...words(c.text));
  }
  return out;
}

/** The body: from the first heading line to the end. */
function bodyOf(text: string, d: ParsedDocument): string {
  const first = d.clauses[0]!.heading.split(' ')[0]!;
  const at = text.search(new RegExp(`^[ \\t]*${first}\\b`, 'm'));
  expect(at).toBeGreaterThanOrEqual(0);
  return text.slice(at);
}

const PROPERTY_FIXTURES: Record<string, string> = {
  'open data': `considering

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

1 to develop guidelines on open data for study groups, with the regional offices,
workshops and training material, and to report to the
Telecommunication Standardization Advisory Group;

2 to assist developing countries in using the published data,

instructs Study Group 17

to study the security aspects of publishing data in open formats,

invites Member States and Sector Members

to contribute examples of good practice.
`,
  'regional events': `considering
a) that regional events organized by the three Sectors sometimes overlap in
time and place, as happened in
2017 in two regions;
b) that Member States have asked for a single calendar of events,
noting
that a shared calendar was piloted by the regional offices,
resolves
1 that a single calendar of regional events shall be maintained by the General
Secretariat, with the help of regional
organizations,
2 that events of the three Sectors in the same region should, where possible, be
held back to back,
instructs the Secretary-General and the Directors of the three Bureaux
1 to publish the calendar on the ITU website and to keep it up to date;
2 to report annually to the Council on the results achieved,
instructs the Secretary-General
to consult the regional organizations on the calendar,
invites Member States
to inform the Secretary-General of national events of regional interest.
`,
};

describe('ITU layout: no word of the body is lost', () => {
  const corpusDir = fileURLToPath(new URL('../../demo/corpus/', import.meta.url));
  const corpus = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, readFileSync(`${corpusDir}${f}`, 'utf8')] as const);

  const cases: [string, string][] = [];
  for (const [name, layout] of eachLayout) {
    for (const [fixture, body] of Object.entries(PROPERTY_FIXTURES)) cases.push([`${fixture}, ${name}`, HEADER + layout(body)]);
    cases.push([`wrapped "workshops" line, ${name}`, HEADER + layout(`resolves\n\n1 to organize, with the Director of the Telecommunication Development Bureau,\nworkshops on the accessible procurement of ICT products and services,\n\ninstructs Study Group 2\n\nto study relay services.\n`)]);
  }
  for (const [file, text] of corpus) {
    cases.push([`${file}, as written`, text]);
    cases.push([`${file}, double-spaced`, text.replace(/\n+/g, '\n\n')]);
  }

  it('has the demo corpus to check against', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s: headings + clause texts hold exactly the words of the body', (_name, text) => {
    const d = parseResolutionText(text);
    expect(d.problems.filter((p) => /footnote|annex/.test(p.message))).toEqual([]);
    expect(wordsOfClauses(d).join(' ')).toBe(words(bodyOf(text, d)).join(' '));
  });
});
