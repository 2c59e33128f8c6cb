import { AlignmentType, DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx';
import type { RedlineParagraph } from '@mandate/shared';
import type { Paragraph as TextParagraph } from '../../analysis/consolidate/index.ts';

/**
 * The consolidated draft as a Word document: clean, or as one source's text
 * with the changes that turn it into the draft as tracked changes (real
 * <w:ins>/<w:del> revisions, which Word lists, accepts and rejects one by
 * one). Accepting them all gives the clean draft; rejecting them all, the
 * source. A paragraph inserted or deleted whole has its paragraph mark
 * tracked too, so rejecting leaves no empty paragraph behind.
 */

export interface Revisions {
  /** Who the changes are attributed to in Word ("Mandate"). */
  author: string;
  /** When they were made (ISO 8601, no fraction of a second). */
  date: string;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The draft without tracked changes. */
export function cleanDraftDocx(paragraphs: readonly TextParagraph[], title: string): Promise<Buffer> {
  const equal = paragraphs.map((p): RedlineParagraph => ({ role: p.role, op: 'equal', segments: [{ op: 'equal', text: p.text }] }));
  return Packer.toBuffer(new Document({ title, creator: 'Mandate', styles: STYLES, sections: [{ children: equal.map((p) => paragraphOf(p, null)) }] }));
}

/** A source's text with the redline's changes as tracked changes. */
export function trackedChangesDocx(paragraphs: readonly RedlineParagraph[], title: string, revisions: Revisions): Promise<Buffer> {
  const ids = { next: 1 };
  const children = paragraphs.map((p) => paragraphOf(p, { ...revisions, ids }));
  return Packer.toBuffer(new Document({ title, creator: 'Mandate', styles: STYLES, features: { trackRevisions: true }, sections: [{ children }] }));
}

type Tracking = Revisions & { ids: { next: number } };

const STYLES = { default: { document: { run: { font: 'Times New Roman', size: 24 }, paragraph: { spacing: { after: 120 } } } } };

function paragraphOf(p: RedlineParagraph, tracking: Tracking | null): Paragraph {
  const look = lookOf(p);
  const change = () => ({ id: tracking!.ids.next++, author: tracking!.author, date: tracking!.date });
  const runs = p.segments.map((s) => {
    const options = { text: s.text, ...look.run };
    if (!tracking || s.op === 'equal') return new TextRun(options);
    return s.op === 'insert' ? new InsertedTextRun({ ...options, ...change() }) : new DeletedTextRun({ ...options, ...change() });
  });
  // The paragraph mark of a paragraph added or removed whole is itself an insertion or a deletion.
  const mark = tracking && p.op === 'insert' ? { insertion: change() } : tracking && p.op === 'delete' ? { deletion: change() } : {};
  // A heading stays on the page of its first clause.
  return new Paragraph({ children: runs, alignment: look.alignment, run: mark, spacing: look.spacing, ...(p.role === 'heading' ? { keepNext: true } : {}) });
}

/** ITU layout: header and title bold and centred, headings in italics, clauses as plain paragraphs. */
function lookOf(p: RedlineParagraph) {
  if (p.role === 'heading') return { run: { italics: true }, spacing: { before: 240 } };
  if (p.role === 'header' || p.role === 'title') return { run: { bold: true }, alignment: AlignmentType.CENTER, spacing: { after: 240 } };
  return { run: {} };
}
