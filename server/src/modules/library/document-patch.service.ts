import { sql } from 'kysely';
import type { DocumentDetail, DocumentPatch } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { staleWrite } from '../../http/etag.ts';
import { notFound } from '../../http/problem.ts';
import { lastChangeOf, recordAudit } from '../audit/record-audit.ts';
import { assertCan } from '../auth/policy.ts';
import { documentState } from './document-audit.ts';
import { getDocumentRow, lineageOf } from './documents.repository.ts';
import { documentLabel } from './document-label.ts';
import { getDocument } from './documents.service.ts';

/**
 * What an editor decides about a document: whether the public sees it, and
 * whether it is suppressed. "in_force" lifts a suppression; the document then
 * takes the status its lineage gives it (superseded when a newer revision exists).
 */
export async function patchDocument(ctx: AppContext, id: number, patch: DocumentPatch, expectedVersion?: number): Promise<DocumentDetail> {
  assertCan(ctx, 'edit');
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await getDocumentRow(trx, id);
    if (!before) throw notFound('Document', id);
    // The 412 carries the state as it is now (re-read: after a lost compare-and-set `before` is already old) and who changed it.
    const stale = async () =>
      staleWrite(documentLabel(before), expectedVersion ?? before.version, documentState((await getDocumentRow(trx, id))!), await lastChangeOf(trx, 'document', id));
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw await stale();
    let status: string | undefined;
    if (patch.status === 'suppressed') status = 'suppressed';
    if (patch.status === 'in_force') {
      const lineage = await lineageOf(trx, before);
      status = lineage[0] && lineage[0].id !== id ? 'superseded' : 'in_force';
    }
    const r = await trx
      .updateTable('documents')
      .set({
        ...(patch.isPublic !== undefined ? { is_public: patch.isPublic ? 1 : 0 } : {}),
        ...(status !== undefined ? { status } : {}),
        updated_at: ctx.now(),
        version: sql<number>`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw await stale();
    const after = (await getDocumentRow(trx, id))!;
    await recordAudit(trx, ctx, { entity: 'document', entityId: id, action: 'update', before: documentState(before), after: documentState(after) });
  });
  // Read after commit: on SQLite a read through another handle would wait for this transaction.
  return getDocument(ctx, id);
}
