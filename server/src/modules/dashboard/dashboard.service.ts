import { ACTION_STATUSES, type Dashboard, type Stats } from '@mandate/shared';
import type { AppContext } from '../../http/context.ts';
import { documentLabel } from '../library/document-label.ts';
import { countActions, listActions } from '../actions/actions.repository.ts';
import { withRelations } from '../actions/actions.service.ts';
import { publicOnly } from '../auth/policy.ts';
import { hidePrivateDocuments } from '../auth/public-view.ts';
import { countByDocument, countByResponsible, countByStatus, totals } from './dashboard.repository.ts';

const LIST_SIZE = 10;

export async function getDashboard(ctx: AppContext): Promise<Dashboard> {
  const db = ctx.db.kysely;
  // Anonymous callers see the public plan's dashboard: every number counts public items only.
  const pub = publicOnly(ctx);
  const opts = { dialect: ctx.db.dialect, today: ctx.today(), publicOnly: pub };
  const page = { limit: LIST_SIZE, offset: 0, order: 'asc' as const };
  const [t, statuses, responsible, documents, overdueCount, staleCount, overdue, stale] = await Promise.all([
    totals(db, pub),
    countByStatus(db, pub),
    countByResponsible(db, 15, pub),
    countByDocument(db, 20, pub),
    countActions(db, { overdue: true }, opts),
    countActions(db, { stale: true }, opts),
    listActions(db, { ...page, overdue: true, sort: 'dueDate' }, opts),
    listActions(db, { ...page, stale: true, sort: 'lastUpdate' }, opts),
  ]);
  const byStatus = new Map(statuses.map((s) => [s.status, Number(s.count)]));
  return {
    totals: {
      actions: t.actions,
      documents: t.documents,
      overdue: overdueCount,
      stale: staleCount,
      pendingSuggestions: t.pendingSuggestions,
      averageProgress: t.averageProgress,
    },
    byStatus: ACTION_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    byResponsible: responsible.map((r) => ({ name: r.name, count: Number(r.count), completed: Number(r.completed) })),
    byDocument: documents.map((d) => ({ documentId: d.id, label: documentLabel(d), count: Number(d.count), completed: Number(d.completed) })),
    overdue: await hidePrivateDocuments(db, ctx, await withRelations(ctx, overdue)),
    stale: await hidePrivateDocuments(db, ctx, await withRelations(ctx, stale)),
  };
}

export async function getStats(ctx: AppContext): Promise<Stats> {
  const db = ctx.db.kysely;
  const pub = publicOnly(ctx);
  const [t, statuses] = await Promise.all([totals(db, pub), countByStatus(db, pub)]);
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  for (const s of statuses) byStatus[s.status] = Number(s.count);
  return { documents: t.documents, clauses: t.clauses, actions: t.actions, suggestions: t.suggestions, byStatus };
}
