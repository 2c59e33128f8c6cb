import { deflateRawSync } from 'node:zlib';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Test-only builders: DOCX and PDF fixtures made at test time (nothing
 * binary is committed, and no office suite is needed in CI).
 */

/** An ITU-layout resolution: [line, list] where list names Word numbering ("letters" → "a)", "numbers" → "1"). */
export const ITU_PARAGRAPHS: [string, ('letters' | 'numbers')?][] = [
  ['RESOLUTION 64 (Rev. Dubai, 2018)'],
  ['Non-discriminatory access to modern telecommunication/ICT facilities'],
  ['The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),'],
  ['considering'],
  ['that the telecommunication environment has changed;', 'letters'],
  ['Resolution 101 (Rev. Dubai, 2018) of this conference,', 'letters'],
  ['resolves'],
  ['to continue the studies under Question 4/20;', 'numbers'],
  ['to report to Council, taking into account Recommendation ITU-T A.1.', 'numbers'],
  ['instructs the Director of the Telecommunication Standardization Bureau'],
  ['to implement this resolution.'],
];

/** The same resolution typed as plain text, with the numbers Word would print. */
export function ituPlainText(): string {
  const counters = { letters: 0, numbers: 0 };
  const out = ITU_PARAGRAPHS.map(([text, list]) => {
    if (!list) return text;
    counters[list]++;
    return list === 'letters' ? `${String.fromCharCode(96 + counters[list])}) ${text}` : `${counters[list]} ${text}`;
  });
  return `${out.join('\n\n')}\n`;
}

export async function ituDocx(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'letters', levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: '%1)', alignment: AlignmentType.START }] },
        { reference: 'numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1', alignment: AlignmentType.START }] },
      ],
    },
    sections: [{ children: ITU_PARAGRAPHS.map(([text, list]) => new Paragraph(list ? { text, numbering: { reference: list, level: 0 } } : { text })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A PDF with the plain text drawn line by line; a blank line leaves a paragraph gap. */
export async function textPdf(text: string, opts: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  let page = pdf.addPage([595, 842]);
  let y = 800;
  for (const line of text.split('\n')) {
    if (y < 60) {
      page = pdf.addPage([595, 842]);
      y = 800;
    }
    if (line) page.drawText(line, { x: 50, y, size: 10, font });
    y -= 13;
  }
  return pdf.save({ useObjectStreams: opts.useObjectStreams ?? true });
}

/** A one-page PDF with only a drawing on it: what a scan without OCR looks like to a text extractor. */
export async function imageOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, borderWidth: 2 });
  return pdf.save();
}

/**
 * A password-protected PDF. pdf-lib cannot encrypt, so a Standard security
 * handler dictionary is added to a classic trailer: with an owner/user hash
 * that no empty password matches, a reader must ask for the password.
 */
export async function encryptedPdf(): Promise<Uint8Array> {
  const plain = new TextDecoder('latin1').decode(await textPdf('secret', { useObjectStreams: false }));
  const hex = (c: string) => `<${c.repeat(64)}>`;
  const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex('a')} /U ${hex('b')} /P -44 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]`;
  const patched = plain.replace(/trailer\s*<</, (m) => `${m} ${encrypt}`);
  return Uint8Array.from(patched, (ch) => ch.charCodeAt(0));
}

/** A ZIP with the given entries (deflated), optionally lying about an entry's uncompressed size. */
export function zipOf(entries: { name: string; data: Uint8Array; declaredSize?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.byteLength + data.byteLength;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}
