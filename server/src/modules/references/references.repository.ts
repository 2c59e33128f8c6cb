import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database>;

/** Anonymous callers see citations in public documents only, resolved against the public library. */
export interface Visibility {
  publicOnly: boolean;
}

/** The fields the resolver needs, for every (visible) document: the library index. */
export function libraryDocuments(db: Q, v: Visibility) {
  return db
    .selectFrom('documents')
    .select(['id', 'body', 'kind', 'number', 'revision', 'year', 'status'])
    .$if(v.publicOnly, (q) => q.where('is_public', '=', 1))
    .execute();
}

export interface CitationRowFilter extends Visibility {
  documentId?: number;
  /** Body of the citing document. */
  body?: string;
  /** Citing documents in force only. */
  inForceOnly?: boolean;
  /** Citations naming this kind and number (who cites a lineage). */
  target?: { kind: string; number: string };
}

/** Stored citations with their clause and citing document, in reading order. */
export function citationRows(db: Q, f: CitationRowFilter) {
  return db
    .selectFrom('clause_references as r')
    .innerJoin('clauses as c', 'c.id', 'r.clause_id')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .select([
      'r.id',
      'r.clause_id',
      'r.start_offset',
      'r.end_offset',
      'r.text',
      'r.target_body',
      'r.target_kind',
      'r.target_number',
      'r.target_revision',
      'r.target_year',
      'r.target_session',
      'r.target_series',
      'r.problem',
      'c.path as clause_path',
      'd.id as document_id',
      'd.body as document_body',
      'd.kind as document_kind',
      'd.number as document_number',
      'd.revision as document_revision',
      'd.status as document_status',
    ])
    .$if(f.publicOnly, (q) => q.where('d.is_public', '=', 1))
    .$if(f.documentId !== undefined, (q) => q.where('r.document_id', '=', f.documentId!))
    .$if(f.body !== undefined, (q) => q.where('d.body', '=', f.body!))
    .$if(Boolean(f.inForceOnly), (q) => q.where('d.status', '=', 'in_force'))
    .$if(f.target !== undefined, (q) => q.where('r.target_kind', '=', f.target!.kind).where('r.target_number', '=', f.target!.number))
    .orderBy('d.body')
    .orderBy('d.kind')
    .orderBy('d.number')
    .orderBy('d.id')
    .orderBy('c.seq')
    .orderBy('r.start_offset')
    .execute();
}

export type CitationRow = Awaited<ReturnType<typeof citationRows>>[number];
