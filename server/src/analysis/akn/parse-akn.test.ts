import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ParseError, type ParsedDocument } from '../types.ts';
import { parseAkn } from './parse-akn.ts';

const DATA = fileURLToPath(new URL('../../../../../shared/data/itu-pp18/', import.meta.url));
const read = (name: string) => readFileSync(`${DATA}${name}`, 'utf8');

const finalActs = parseAkn(read('pp18_final_acts_akn.xml'));
const byId = (kind: string, number: string): ParsedDocument => {
  const d = finalActs.documents.find((x) => x.kind === kind && x.number === number);
  if (!d) throw new Error(`${kind} ${number} missing`);
  return d;
};
const clause = (d: ParsedDocument, path: string) => d.clauses.find((c) => c.path === path);

function parseError(xml: string): ParseError {
  try {
    parseAkn(xml);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('expected a ParseError');
}

const NS = 'xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"';

describe('PP-18 Final Acts collection', () => {
  it('brings in every document: 61 resolutions, 2 decisions, 1 recommendation', () => {
    const kinds = finalActs.documents.map((d) => d.kind);
    expect(finalActs.documents).toHaveLength(64);
    expect(kinds.filter((k) => k === 'resolution')).toHaveLength(61);
    expect(kinds.filter((k) => k === 'decision')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'recommendation')).toHaveLength(1);
  });

  it('gives every document its identity and at least one operative clause', () => {
    const withoutOperative = finalActs.documents.filter((d) => !d.clauses.some((c) => c.kind === 'operative'));
    expect(withoutOperative.map((d) => `${d.kind} ${d.number}`)).toEqual([]);
    for (const d of finalActs.documents) {
      expect(d.body).toBe('PP');
      expect(d.year).toBe(2018);
      expect(d.number).toMatch(/^\d+$/);
      expect(d.revision).toMatch(/^(Rev\. )?Dubai, 2018$/);
      // Resolution 160's formula lost its comma in the source.
      expect(d.preamble).toMatch(/^The Plenipotentiary Conference of the International Telecommunication Union \((Rev\. )?Dubai, 2018\),?$/);
    }
  });

  it('keeps paths unique and texts clean in every document', () => {
    for (const d of finalActs.documents) {
      const paths = d.clauses.map((c) => c.path);
      expect(new Set(paths).size, `${d.kind} ${d.number}`).toBe(paths.length);
      for (const c of d.clauses) {
        expect(c.text, c.path).not.toMatch(/_{5,}|^\s|\s$/);
        expect(c.text, c.path).not.toMatch(/\bANNEX \d* ?TO (RESOLUTION|DECISION)\b|PART [IVX]+ - /);
      }
    }
  });

  it('reads Resolution 2: headings, addressees, glued number, glued clause 10, footnote', () => {
    const r2 = byId('resolution', '2');
    expect(r2).toMatchObject({ number: '2', revision: 'Rev. Dubai, 2018', place: 'Dubai', kind: 'resolution' });
    expect(r2.title).toBe('World telecommunication/information and communication technology policy forum');
    expect(clause(r2, 'considering/a')?.text).toBe('relevant resolutions of the United Nations General Assembly (UNGA);');
    expect(clause(r2, 'resolves/1')?.text).toBe(
      'to hold WTPF preferably back to back with the WSIS Forum 2021, taking account of the need to ensure adequate preparation by Member States;',
    );
    expect(clause(r2, 'resolves/9')?.text).toMatch(/prior to the forum;$/);
    expect(clause(r2, 'resolves/10')?.text).toMatch(/^that broad participation in WTPF/);
    const instructs = clause(r2, 'instructs-the-secretary-general');
    expect(instructs).toMatchObject({ kind: 'operative', heading: 'instructs the Secretary-General', addressee: 'Secretary-General', num: '' });
    expect(clause(r2, 'instructs-the-itu-council/2')?.text).toContain('report by the Secretary-General referred to');
    expect(clause(r2, 'resolves/2')?.addressee).toBeNull();
    const messages = r2.problems.map((p) => p.message).join('\n');
    expect(messages).toContain('footnote moved out of clause text');
    expect(messages).toContain('number "1" glued');
    expect(messages).toContain('clause "10" was glued');
    expect(r2.problems.every((p) => p.location.startsWith('akomaNtoso/documentCollection/'))).toBe(true);
  });

  it('reads Decision 5: dotted sub-items, a heading glued to a clause, annex tables left out', () => {
    const d5 = byId('decision', '5');
    expect(d5).toMatchObject({ revision: 'Rev. Dubai, 2018', title: 'Revenue and expenses for the Union for the period 2020-2023' });
    expect(clause(d5, 'decides/1/1.3')?.text).toMatch(/^that, when adopting the biennial budgets/);
    expect(clause(d5, 'decides/4/4.2')).toBeDefined();
    expect(clause(d5, 'decides/6/f')).toBeDefined();
    expect(clause(d5, 'instructs-the-secretary-general/1')?.text).toMatch(/^to prepare draft balanced biennial budgets/);
    const both = d5.clauses.find((c) => c.heading === 'instructs the Secretary-General and the Directors of the Bureaux');
    expect(both?.addressee).toBe('Secretary-General and Directors of the three Bureaux');
    expect(d5.clauses.some((c) => /TOTAL REVENUE|Funding gap/.test(c.text))).toBe(false);
  });

  it('reads the Recommendation without the signatures and declarations that follow it', () => {
    const rec = byId('recommendation', '7');
    expect(rec.revision).toBe('Dubai, 2018');
    const operative = rec.clauses.filter((c) => c.kind === 'operative');
    expect(operative.map((c) => c.path)).toEqual([
      'recommends/1',
      'recommends/2',
      'instructs-the-secretary-general/1',
      'instructs-the-secretary-general/2',
    ]);
    expect(operative[3]!.text).toBe('to make appropriate administrative arrangements to keep Member States informed in this regard.');
  });

  it('splits headings glued in the middle of a clause (Resolution 123)', () => {
    const r123 = byId('resolution', '123');
    const instruct = r123.clauses.filter((c) => c.heading === 'resolves to instruct the Secretary-General and the Directors of the three Bureaux');
    expect(instruct.map((c) => c.num)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(instruct[0]!.addressee).toBe('Secretary-General and Directors of the three Bureaux');
    const invites = r123.clauses.find((c) => c.heading === 'invites Member States and Sector Members');
    expect(invites?.text).toMatch(/^to make voluntary contributions/);
  });
});

describe('single-document files', () => {
  it('res_2.xml gives the same clauses as the collection', () => {
    const { documents, problems } = parseAkn(read('res_2.xml'));
    expect(problems).toEqual([]);
    expect(documents).toHaveLength(1);
    const single = documents[0]!;
    expect(single.clauses.map((c) => c.path)).toEqual(byId('resolution', '2').clauses.map((c) => c.path));
    expect(single.clauses.find((c) => c.path === 'resolves/1')?.num).toBe('1');
  });

  it('dec_5.xml reads as Decision 5', () => {
    const [d] = parseAkn(read('dec_5.xml')).documents;
    expect(d).toMatchObject({ body: 'PP', kind: 'decision', number: '5', revision: 'Rev. Dubai, 2018', year: 2018 });
    expect(d!.clauses.filter((c) => c.kind === 'operative').length).toBeGreaterThan(30);
  });
});

describe('small AKN documents', () => {
  const doc = (body: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso ${NS}><statement name="resolution">
  <meta><identification source="#x"><FRBRWork><FRBRthis value="/x"/><FRBRuri value="/x"/><FRBRdate date="2024-10-24" name="adoption"/>
  <FRBRauthor href="#itu-wtsa"/><FRBRcountry value="un"/><FRBRnumber value="res-1" showAs="RESOLUTION 1 (REV. NEW DELHI, 2024)"/></FRBRWork></identification></meta>
  <preface><longTitle><p><docType>RESOLUTION</docType> <docNumber>1 (REV. NEW DELHI, 2024)</docNumber></p></longTitle></preface>
  <preamble><formula name="enactingFormula"><p>The World Telecommunication Standardization Assembly (New Delhi, 2024),</p></formula>
  <recitals><intro><p><i>considering</i></p></intro><recital><num>a)</num><p>that the text <i>in italics</i> stays in order &amp; entities decode;</p></recital></recitals></preamble>
  <mainBody>${body}</mainBody>${extra}</statement></akomaNtoso>`;

  it('keeps mixed content in order and decodes entities', () => {
    const [d] = parseAkn(doc('<hcontainer name="x"><heading>resolves</heading><paragraph><num>1</num><content><p>to act.</p></content></paragraph></hcontainer>')).documents;
    expect(d).toMatchObject({ body: 'WTSA', number: '1', revision: 'Rev. New Delhi, 2024', place: 'New Delhi', year: 2024 });
    expect(d!.clauses[0]!.text).toBe('that the text in italics stays in order & entities decode;');
  });

  it('skips attachments, renames repeated numbers and reports a missing num', () => {
    const body = `<hcontainer name="r"><heading>instructs the Director of the Telecommunication Standardization Bureau</heading>
      <paragraph eId="p1"><num>1</num><content><p>to do one thing;</p></content></paragraph>
      <paragraph eId="p1"><num>1</num><content><p>to do it again;</p></content></paragraph>
      <paragraph eId="p3"><content><p>to do a third thing.</p></content></paragraph></hcontainer>`;
    const [d] = parseAkn(doc(body, '<attachments><attachment><doc name="annex"><mainBody><p>Annex text</p></mainBody></doc></attachment></attachments>')).documents;
    const operative = d!.clauses.filter((c) => c.kind === 'operative');
    expect(operative.map((c) => c.path)).toEqual([
      'instructs-the-director-of-the-telecommunication-standardization-bureau/1',
      'instructs-the-director-of-the-telecommunication-standardization-bureau/1#2',
      'instructs-the-director-of-the-telecommunication-standardization-bureau',
    ]);
    expect(operative.every((c) => c.addressee === 'TSB Director')).toBe(true);
    expect(d!.clauses.some((c) => c.text.includes('Annex text'))).toBe(false);
    const messages = d!.problems.map((p) => p.message).join('\n');
    expect(messages).toContain('missing num');
    expect(messages).toContain('duplicate eId');
  });

  it('accepts namespace prefixes', () => {
    const xml = `<akn:akomaNtoso xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><akn:statement name="decision">
      <akn:preamble><akn:formula name="enactingFormula"><akn:p>The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),</akn:p></akn:formula></akn:preamble>
      <akn:mainBody><akn:hcontainer><akn:heading>decides</akn:heading><akn:paragraph><akn:content><akn:p>that it works.</akn:p></akn:content></akn:paragraph></akn:hcontainer></akn:mainBody>
    </akn:statement></akn:akomaNtoso>`;
    const [d] = parseAkn(xml).documents;
    expect(d).toMatchObject({ body: 'PP', kind: 'decision', year: 2014, revision: 'Busan, 2014' });
    expect(d!.clauses).toMatchObject([{ kind: 'operative', heading: 'decides', addressee: null, path: 'decides', text: 'that it works.' }]);
  });
});

describe('files that cannot be imported', () => {
  it('refuses empty input', () => {
    expect(parseError('')).toMatchObject({ location: 'line 1, column 1', message: 'empty document' });
    expect(parseError('  \n ').location).toBe('line 1, column 1');
  });

  it('refuses XML that is not well-formed, with line and column', () => {
    const e = parseError(`<akomaNtoso ${NS}>\n  <statement>\n  </akomaNtoso>`);
    expect(e.location).toMatch(/^line 3, column \d+$/);
    expect(e.message).toMatch(/^not well-formed XML/);
  });

  it('refuses well-formed XML that is not Akoma Ntoso', () => {
    expect(parseError('<foo><bar/></foo>')).toMatchObject({ message: 'not an Akoma Ntoso document: root element is <foo>' });
  });

  it('refuses DOCTYPE entity declarations (billion laughs, XXE)', () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;">\n]>\n<akomaNtoso>&lol2;</akomaNtoso>`;
    expect(parseError(laughs)).toMatchObject({ location: 'line 2, column 1' });
    const xxe = `<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><akomaNtoso>&xxe;</akomaNtoso>`;
    expect(parseError(xxe).message).toMatch(/DOCTYPE/);
  });

  it('keeps the message short for a file of many unclosed tags (the validator lists them all)', () => {
    const e = parseError(`<akomaNtoso>${'<p>'.repeat(100_000)}`);
    expect(e.message).toMatch(/^not well-formed XML: /);
    expect(e.message.length).toBeLessThan(400);
  });

  it('refuses absurdly deep nesting as a fault of the file (it surfaced as an internal error)', () => {
    const deep = `<akomaNtoso ${NS}><statement name="resolution"><mainBody>${'<p>'.repeat(5000)}x${'</p>'.repeat(5000)}</mainBody></statement></akomaNtoso>`;
    expect(parseError(deep)).toMatchObject({ location: 'file', message: 'not well-formed XML: Maximum nested tags exceeded' });
  });

  it('is not fooled by a harmless DOCTYPE in a comment before the real one', () => {
    // Only the first DOCTYPE used to be checked: this one reached the parser (which then failed with an internal error).
    const decoy = `<!-- <!DOCTYPE x> -->\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><akomaNtoso>&xxe;</akomaNtoso>`;
    expect(parseError(decoy)).toMatchObject({ location: 'line 2, column 1', message: expect.stringMatching(/entity declarations refused/) });
    const external = `<!-- <!DOCTYPE x> --><!DOCTYPE akomaNtoso PUBLIC "-//X//EN" "http://evil.example/x.dtd"><akomaNtoso/>`;
    expect(parseError(external).message).toMatch(/external DTD refused/);
  });

  it('refuses a collection without documents', () => {
    const xml = `<akomaNtoso ${NS}><documentCollection name="x"><collectionBody><component><componentRef src="#a"/></component></collectionBody></documentCollection></akomaNtoso>`;
    expect(parseError(xml)).toMatchObject({ location: 'akomaNtoso/documentCollection', message: 'document collection holds no documents' });
  });
});
