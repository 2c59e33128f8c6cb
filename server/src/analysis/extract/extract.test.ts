import { describe, expect, it } from 'vitest';
import { parseResolutionText } from '../text/parse-text.ts';
import { ParseError } from '../types.ts';
import { decodeTextFile, extractText } from './extract-text.ts';
import { encryptedPdf, imageOnlyPdf, ituDocx, ituPlainText, textPdf, zipOf } from './test-fixtures.ts';
import { buildZip, fileEntry, zerosEntry } from '../../test-support/zip-bomb.ts';
import { ZipLimitError } from './zip.ts';

const shape = (text: string) => {
  const d = parseResolutionText(text);
  return { id: [d.body, d.kind, d.number, d.revision, d.title], clauses: d.clauses.map((c) => [c.kind, c.heading, c.path, c.text]), refs: d.references?.map((r) => r.target) };
};

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<ParseError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  }
  throw new Error('expected a ParseError');
}

describe('one text parser whatever the format', () => {
  it('DOCX keeps paragraphs and Word list numbering ("a)", "1") and parses like the plain text', async () => {
    const { text, source } = await extractText(await ituDocx(), 'res64.docx');
    expect(source).toBe('docx-extracted');
    expect(text).toBe(ituPlainText());
    expect(shape(text)).toEqual(shape(ituPlainText()));
    expect(shape(text).clauses.map((c) => c[2])).toEqual(['considering/a', 'considering/b', 'resolves/1', 'resolves/2', 'instructs-the-director-of-the-telecommunication-standardization-bureau']);
  });

  it('a PDF with a text layer parses like the plain text', async () => {
    const { text, source } = await extractText(await textPdf(ituPlainText()), 'res64.pdf');
    expect(source).toBe('pdf-extracted');
    expect(shape(text)).toEqual(shape(ituPlainText()));
  });
});

describe('refusals, each with a location and a clear message', () => {
  it('an encrypted PDF', async () => {
    const e = await refusal(extractText(await encryptedPdf(), 'x.pdf'));
    expect(e.message).toMatch(/encrypted with a password/);
  });

  it('an image-only PDF', async () => {
    const e = await refusal(extractText(await imageOnlyPdf(), 'scan.pdf'));
    expect(e.message).toMatch(/no text layer/);
  });

  it('a ZIP bomb, by declared size or ratio before inflating, and by a lying header while inflating', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    expect((await refusal(() => extractText(zipOf([{ name: 'word/document.xml', data: zeros }]), 'bomb.docx'))).message).toMatch(/ZIP bomb/);
    const big = zipOf([{ name: 'word/document.xml', data: new Uint8Array(10), declaredSize: 200 * 1024 * 1024 }]);
    expect((await refusal(() => extractText(big, 'big.docx'))).message).toMatch(/exceeds 100 MB/);
    const liar = zipOf([{ name: 'word/document.xml', data: new Uint8Array(500_000), declaredSize: 1000 }]);
    const e = await refusal(() => extractText(liar, 'liar.docx'));
    expect(e.location).toBe('zip entry word/document.xml');
    expect(e.message).toMatch(/beyond its declared size/);
  });

  it('a generated multi-hundred-MB DOCX bomb, honest or lying about its size, without inflating it', async () => {
    // Under 1 MB on disk, 400 MB inflated: refused from the directory alone.
    const honest = buildZip([fileEntry('[Content_Types].xml', new TextEncoder().encode('<Types/>')), zerosEntry('word/document.xml', 400)]);
    expect(honest.byteLength).toBeLessThan(1024 * 1024);
    const e1 = await refusal(() => extractText(honest, 'bomb.docx'));
    expect(e1).toBeInstanceOf(ZipLimitError);
    expect(e1.message).toMatch(/exceeds 100 MB/);
    // Declares 2 KB: inflation stops at 2 KB and the entry is refused.
    const e2 = await refusal(() => extractText(buildZip([zerosEntry('word/document.xml', 400, 2048)]), 'liar.docx'));
    expect(e2).toMatchObject({ location: 'zip entry word/document.xml', message: expect.stringMatching(/beyond its declared size/) });
  });

  it('files that are not what their extension says', async () => {
    expect((await refusal(extractText(await textPdf('x'), 'x.docx'))).message).toBe('the file is named .docx but is a PDF file');
    expect((await refusal(extractText(await ituDocx(), 'x.pdf'))).message).toBe('the file is named .pdf but is a ZIP archive');
    expect((await refusal(extractText(await ituDocx(), 'x.txt'))).message).toMatch(/ZIP archive/);
    expect((await refusal(extractText(new TextEncoder().encode('hello'), 'x.docx'))).message).toMatch(/is a text file/);
    expect((await refusal(extractText(zipOf([{ name: 'a.txt', data: new Uint8Array(3) }]), 'x.docx'))).message).toMatch(/not a Word document/);
  });

  it('empty, binary junk and invalid UTF-8 text', () => {
    expect(() => decodeTextFile(new Uint8Array())).toThrow(/empty/);
    expect(() => decodeTextFile(Uint8Array.from([1, 2, 0, 4]))).toThrow(/binary/);
    expect(() => decodeTextFile(Uint8Array.from([0x41, 0xff, 0xfe]))).toThrow(/UTF-8/);
  });

  it('keeps a BOM in the decoded text so offsets count it', () => {
    expect(decodeTextFile(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41])).length).toBe(2);
  });
});
