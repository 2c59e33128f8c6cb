import type { ReferenceDocument, ReferenceStatus } from '@mandate/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { indexLibrary, resolveReference, type LibraryDocument } from '../../analysis/references/resolve-reference.ts';
import type { ReferenceTarget } from '../../analysis/references/types.ts';
import { documentLabel } from '../library/document-label.ts';
import { libraryDocuments, type CitationRow, type Visibility } from './references.repository.ts';
import { targetLabel } from './target-label.ts';

/** A citation's resolution in the API's shape: links instead of ids. */
export interface ResolvedTarget {
  target: ReferenceTarget;
  targetLabel: string;
  status: ReferenceStatus;
  external: boolean;
  document: ReferenceDocument | null;
  current: ReferenceDocument | null;
  candidates: ReferenceDocument[];
}

type Identity = { body: string; kind: string; number: string };

export interface Resolver {
  resolve(target: ReferenceTarget, citingBody: string): ResolvedTarget;
  /**
   * Whether the citation names an earlier (or the same) revision of the citing
   * text's own lineage: "recalling Resolution 125 (Rev. Busan, 2014)" in
   * Resolution 125 (Rev. Dubai, 2018) recounts its history; nothing to update.
   */
  ownLineage(r: ResolvedTarget, citing: Identity): boolean;
}

export function linkTo(d: { id: number; body: string; kind: string; number: string; revision: string; status: string }): ReferenceDocument {
  return { id: d.id, label: documentLabel(d), status: d.status as ReferenceDocument['status'] };
}

/**
 * Loads the (visible) library once and returns a function resolving any
 * number of citations against it. Loading every document's identity is a
 * few columns per row: cheap next to the citations themselves, and it keeps
 * resolution pure and exactly up to date with the last import.
 */
export async function libraryResolver(db: Kysely<Database>, v: Visibility): Promise<Resolver> {
  const docs: LibraryDocument[] = await libraryDocuments(db, v);
  const index = indexLibrary(docs);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const link = (id: number | undefined) => {
    const d = id === undefined ? undefined : byId.get(id);
    return d ? linkTo(d) : null;
  };
  const inLineage = (link: ReferenceDocument | null, c: Identity) => {
    const d = link ? byId.get(link.id) : undefined;
    return d !== undefined && d.body === c.body && d.kind === c.kind && d.number === c.number;
  };
  const ownLineage = (r: ResolvedTarget, c: Identity) => inLineage(r.document, c) || inLineage(r.current, c);
  const resolve = (target: ReferenceTarget, citingBody: string): ResolvedTarget => {
    const r = resolveReference(target, citingBody, index);
    // The body as resolved: the citing text's when the citation names none, another's when its revision says so.
    const shown = { ...target, body: r.body ?? (target.body || citingBody) };
    return {
      target: shown,
      targetLabel: targetLabel(shown),
      status: r.status,
      external: r.external,
      document: link(r.documentId),
      current: link(r.current),
      candidates: (r.candidates ?? []).map(link).filter((d): d is ReferenceDocument => d !== null),
    };
  };
  return { resolve, ownLineage };
}

/** The stored columns back into the analysis' target shape (empty parts left out). */
export function targetOfRow(r: Pick<CitationRow, 'target_body' | 'target_kind' | 'target_number' | 'target_revision' | 'target_year' | 'target_session' | 'target_series'>): ReferenceTarget {
  return {
    body: r.target_body,
    kind: r.target_kind as ReferenceTarget['kind'],
    number: r.target_number,
    ...(r.target_revision ? { revision: r.target_revision } : {}),
    ...(r.target_year !== null ? { year: r.target_year } : {}),
    ...(r.target_session ? { session: r.target_session } : {}),
    ...(r.target_series ? { series: r.target_series } : {}),
  };
}
