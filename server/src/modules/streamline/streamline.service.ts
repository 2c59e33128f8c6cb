import type { Consolidation, ConsolidationSourceInfo, ConsolidateExportRequest, DocumentKind } from '@mandate/shared';
import {
  consolidate,
  draftParagraphs,
  headerLine,
  redline,
  renderDraftText,
  renderRedlineText,
  type ConsolidationSource,
} from '../../analysis/consolidate/index.ts';
import { slugify } from '../../analysis/common/text.ts';
import type { AppContext } from '../../http/context.ts';
import { notFound } from '../../http/problem.ts';
import { assertVisible } from '../auth/policy.ts';
import { documentLabel } from '../library/document-label.ts';
import { cleanDraftDocx, DOCX_TYPE, trackedChangesDocx } from './consolidated-docx.ts';
import { shortLabels } from './source-labels.ts';
import { clausesOfDocuments, documentsByIds } from './streamline.repository.ts';

/**
 * Consolidated drafts of documents from the library. Reads only. Anonymous
 * callers may consolidate public documents; any other document answers 401
 * for them, as the document itself would.
 */

/** Whom Word names as the author of the tracked changes. */
export const REVISION_AUTHOR = 'Mandate';

interface Loaded {
  info: ConsolidationSourceInfo[];
  sources: ConsolidationSource[];
}

async function loadSources(ctx: AppContext, ids: readonly number[]): Promise<Loaded> {
  const db = ctx.db.kysely;
  const rows = await documentsByIds(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  // In the order asked for: the first document gives the draft its title, and its clauses are read first.
  const docs = ids.map((id) => {
    const d = byId.get(id);
    if (!d) throw notFound('Document', id);
    assertVisible(ctx, d.is_public);
    return d;
  });
  const clauses = await clausesOfDocuments(db, ids);
  const short = shortLabels(docs);
  return {
    info: docs.map((d, i) => ({ id: d.id, label: documentLabel(d), shortLabel: short[i]!, title: d.title, year: d.year })),
    sources: docs.map((d) => ({
      id: d.id,
      label: documentLabel(d),
      header: headerLine({ kind: d.kind as DocumentKind, number: d.number, revision: d.revision }),
      title: d.title,
      preamble: d.preamble,
      year: d.year,
      clauses: clauses
        .filter((c) => c.document_id === d.id)
        .map((c) => ({ kind: c.kind as 'preambular' | 'operative', heading: c.heading, addressee: c.addressee, num: c.num, path: c.path, text: c.text })),
    })),
  };
}

export async function consolidateDocuments(ctx: AppContext, ids: readonly number[]): Promise<Consolidation> {
  const { info, sources } = await loadSources(ctx, ids);
  const draft = consolidate(sources);
  return { sources: info, draft, redlines: sources.map((s) => redline(draft, s)) };
}

export interface ExportFile {
  content: Buffer;
  contentType: string;
  fileName: string;
}

/** The clean draft, or (with `against`) the changes from that source to it: as DOCX with tracked changes, or as text. */
export async function exportConsolidation(ctx: AppContext, req: ConsolidateExportRequest): Promise<ExportFile> {
  const { sources } = await loadSources(ctx, req.documentIds);
  const draft = consolidate(sources);
  const title = draft.title ?? 'Consolidated draft';
  const against = req.against === undefined ? undefined : sources.find((s) => s.id === req.against)!;
  const base = against ? `consolidated-draft-vs-${slugify(against.label.replace(/[(),;]/g, ' '), 60)}` : 'consolidated-draft';
  if (req.format === 'txt') {
    const text = against ? renderRedlineText(redline(draft, against)) : renderDraftText(draft);
    return { content: Buffer.from(text, 'utf8'), contentType: 'text/plain; charset=utf-8', fileName: `${base}.txt` };
  }
  const content = against
    ? await trackedChangesDocx(redline(draft, against).paragraphs, title, { author: REVISION_AUTHOR, date: ctx.now().replace(/\.\d+Z$/, 'Z') })
    : await cleanDraftDocx(draftParagraphs(draft), title);
  return { content, contentType: DOCX_TYPE, fileName: `${base}.docx` };
}
