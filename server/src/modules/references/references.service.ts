import type { ReferenceFilter, ReferenceItem, ReferencePage, ReferenceQuery, ReferenceStatus } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { publicOnly } from '../auth/policy.ts';
import { libraryResolver, linkTo, targetOfRow } from './library-resolver.ts';
import { citationRows } from './references.repository.ts';

export type ReferenceCounts = Record<ReferenceStatus, number>;

/**
 * Every citation matching the filter, resolved against the library now, in
 * reading order (citing document, clause, position). Resolution runs in
 * memory: a status is not a column, so it cannot be filtered in SQL, and a
 * library of thousands of texts holds tens of thousands of citations, which
 * resolve in milliseconds.
 */
export async function resolveReferences(ctx: AppContext, f: ReferenceFilter): Promise<{ items: ReferenceItem[]; counts: ReferenceCounts }> {
  const db = ctx.db.kysely;
  const visibility = { publicOnly: publicOnly(ctx) };
  const [resolver, rows] = await Promise.all([
    libraryResolver(db, visibility),
    citationRows(db, { ...visibility, documentId: f.documentId, body: f.body, inForceOnly: f.citing === 'in_force' }),
  ]);
  const counts: ReferenceCounts = { resolved: 0, outdated: 0, unknown: 0, ambiguous: 0 };
  const items: ReferenceItem[] = [];
  for (const row of rows) {
    const resolved = resolver.resolve(targetOfRow(row), row.document_body);
    if (resolver.ownLineage(resolved, { body: row.document_body, kind: row.document_kind, number: row.document_number })) continue;
    if (f.external === 'exclude' && resolved.external) continue;
    if (f.external === 'only' && !resolved.external) continue;
    if (f.targetBody && resolved.target.body !== f.targetBody) continue;
    counts[resolved.status] += 1;
    if (f.status && !f.status.includes(resolved.status)) continue;
    items.push({
      id: row.id,
      citing: linkTo({ id: row.document_id, body: row.document_body, kind: row.document_kind, number: row.document_number, revision: row.document_revision, status: row.document_status }),
      clauseId: row.clause_id,
      clausePath: row.clause_path,
      text: row.text,
      start: row.start_offset,
      end: row.end_offset,
      ...resolved,
      problem: row.problem,
    });
  }
  return { items, counts };
}

export async function findReferences(ctx: AppContext, q: ReferenceQuery): Promise<ReferencePage> {
  const { limit, offset, ...filter } = q;
  const { items, counts } = await resolveReferences(ctx, filter);
  return { items: items.slice(offset, offset + limit), total: items.length, counts };
}

/** The library resolver for one caller (what they may see), for citations that are not stored: a file being checked. */
export function resolverFor(ctx: AppContext) {
  return libraryResolver(ctx.db.kysely, { publicOnly: publicOnly(ctx) });
}
