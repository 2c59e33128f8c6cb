import { describe, expect, it } from 'vitest';
import { child, elements, parseXmlRoot, type XNode } from '../../analysis/akn/xml.ts';
import { consolidate, draftParagraphs, redline, renderDraftText, sourceParagraphs } from '../../analysis/consolidate/index.ts';
import { clauses, source } from '../../analysis/consolidate/test-fixtures.ts';
import { extractDocxText } from '../../analysis/extract/docx.ts';
import { ZipArchive } from '../../analysis/extract/zip.ts';
import { parseResolutionText } from '../../analysis/text/parse-text.ts';
import { cleanDraftDocx, trackedChangesDocx } from './consolidated-docx.ts';

const A = source(
  1,
  clauses(
    'considering/a: that standards lower the cost of networks;',
    'considering/b: that developing countries take part less than others,',
    'invites Member States: to contribute to the programme,',
    'instructs the Secretary-General: to report to the Council every year.',
  ),
  { header: 'RESOLUTION 1 (Rev. Testville, 2026)', title: 'Bridging the gap', preamble: 'The Assembly (Testville, 2026),' },
);
const B = source(2, clauses('considering: that standards lower the cost of networks for every country,', 'resolves: to hold regional meetings of study groups.'), {
  header: 'RESOLUTION 2 (Rev. Testville, 2026)',
});
const draft = consolidate([A, B]);
const REVISIONS = { author: 'Mandate', date: '2026-06-15T10:00:00Z' };

const documentXml = (bytes: Buffer) => new TextDecoder().decode(new ZipArchive(bytes).read('word/document.xml')!);
const paragraphsOf = (text: string) => text.trim().split('\n\n');

/** Paragraph texts as Word shows them with every change rejected: insertions gone, deletions back as text. */
function rejectAll(xml: string): string[] {
  const textOf = (n: XNode): string =>
    n.children.map((c) => (c.name === 'ins' ? '' : c.name === 't' || c.name === 'delText' ? c.children.map((t) => t.text ?? '').join('') : c.text !== undefined ? '' : textOf(c))).join('');
  const body = child(parseXmlRoot(xml), 'body')!;
  return elements(body, 'p').map(textOf).filter((t) => t !== '');
}

describe('consolidated draft as DOCX', () => {
  it('writes the changes from a source as real tracked changes, attributed and dated', async () => {
    const xml = documentXml(await trackedChangesDocx(redline(draft, A).paragraphs, 'Bridging the gap', REVISIONS));
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Mandate" w:date="2026-06-15T10:00:00Z">/);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Mandate" w:date="2026-06-15T10:00:00Z">/);
    expect(xml).toContain('<w:delText xml:space="preserve">to contribute to the programme,</w:delText>');
    // Revision ids are unique in the document, as Word requires.
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads back through our own extractor as the draft (which shows insertions and drops deletions), and rejecting every change gives the source', async () => {
    const bytes = await trackedChangesDocx(redline(draft, A).paragraphs, 'Bridging the gap', REVISIONS);
    const text = extractDocxText(bytes);
    expect(paragraphsOf(text)).toEqual(draftParagraphs(draft).map((p) => p.text));
    expect(paragraphsOf(text)).toEqual(paragraphsOf(renderDraftText(draft)).map((p) => p.replace(/\n/g, ' ')));
    expect(parseResolutionText(text).clauses.map((c) => [c.heading, c.num, c.text])).toEqual(draft.clauses.map((c) => [c.heading, c.num, c.text]));
    expect(rejectAll(documentXml(bytes))).toEqual(sourceParagraphs(A).map((p) => p.text));
  });

  it('writes the clean draft without any revision', async () => {
    const bytes = await cleanDraftDocx(draftParagraphs(draft), 'Bridging the gap');
    const xml = documentXml(bytes);
    expect(xml).not.toMatch(/<w:(?:ins|del)\b/);
    expect(paragraphsOf(extractDocxText(bytes))).toEqual(draftParagraphs(draft).map((p) => p.text));
  });
});
