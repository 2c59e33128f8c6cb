import type { ConsolidatedDraft, DocumentKind } from '@mandate/shared';
import { renderAknDocumentAsText } from '../text/render-text.ts';
import type { ParsedDocument } from '../types.ts';

/**
 * The draft as plain text in the ITU layout, through the same renderer as
 * any parsed document; only the header line is the draft's own
 * ("DRAFT CONSOLIDATED RESOLUTION" rather than a number it does not have yet).
 */
export function renderDraftText(draft: ConsolidatedDraft): string {
  const body = renderAknDocumentAsText(asDocument({ title: draft.title ?? '', preamble: draft.preamble ?? '', clauses: draft.clauses }));
  // The renderer opens with "KIND NUMBER" and a blank line.
  return `${draft.header}\n\n${body.slice(body.indexOf('\n\n') + 2)}`;
}

/** The header line the renderer prints for a document: "RESOLUTION 64 (Rev. Dubai, 2018)". */
export function headerLine(d: { kind: DocumentKind; number: string; revision: string }): string {
  const text = renderAknDocumentAsText(asDocument({ ...d, title: '', preamble: '', clauses: [] }));
  return text.slice(0, text.indexOf('\n'));
}

function asDocument(d: Partial<ParsedDocument> & Pick<ParsedDocument, 'title' | 'preamble' | 'clauses'>): ParsedDocument {
  return { body: '', kind: 'resolution', number: '', revision: '', year: null, place: '', problems: [], ...d };
}
