import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { publicOnly } from './policy.ts';

interface WithDocuments {
  documents: { id: number }[];
  sources?: { documentId: number }[];
}

/**
 * A public action item may cite documents that are not public: anonymous
 * callers get the item without those references (their labels would leak what
 * the library holds). Everyone else gets the items unchanged.
 */
export async function hidePrivateDocuments<T extends WithDocuments>(db: Kysely<Database>, ctx: AppContext, items: T[]): Promise<T[]> {
  if (!publicOnly(ctx)) return items;
  const ids = [...new Set(items.flatMap((i) => [...i.documents.map((d) => d.id), ...(i.sources ?? []).map((s) => s.documentId)]))];
  if (ids.length === 0) return items;
  const rows = await db.selectFrom('documents').select('id').where('id', 'in', ids).where('is_public', '=', 1).execute();
  const visible = new Set(rows.map((r) => r.id));
  return items.map((i) => ({
    ...i,
    documents: i.documents.filter((d) => visible.has(d.id)),
    ...(i.sources ? { sources: i.sources.filter((s) => visible.has(s.documentId)) } : {}),
  }));
}
