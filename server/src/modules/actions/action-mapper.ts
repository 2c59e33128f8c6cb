import type { Kysely } from 'kysely';
import type { ActionStatus, ActionSummary } from '@mandate/shared';
import type { Database } from '../../db/schema.ts';
import { documentLabel } from '../library/document-label.ts';
import { relationsOf } from './actions.repository.ts';

export interface ActionRowLike {
  id: number;
  ref: string;
  title: string;
  status: string;
  progress: number;
  reports_to: string;
  due_date: string | null;
  recurrence: string;
  last_update: string | null;
  version: number;
  overdue: unknown;
  is_public: number;
}

/** Turns action rows into API summaries, fetching their relations for the whole batch at once. */
export async function toSummaries(db: Kysely<Database>, rows: ActionRowLike[]): Promise<ActionSummary[]> {
  const { parties, tags, docs } = await relationsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    title: r.title,
    status: r.status as ActionStatus,
    progress: r.progress,
    responsible: parties.filter((p) => p.action_id === r.id && p.role === 'responsible').map((p) => p.name),
    collaborators: parties.filter((p) => p.action_id === r.id && p.role === 'collaborator').map((p) => p.name),
    reportsTo: r.reports_to,
    dueDate: r.due_date,
    recurrence: r.recurrence,
    tags: tags.filter((t) => t.action_id === r.id).map((t) => t.tag),
    documents: docs.filter((d) => d.action_id === r.id).map((d) => ({ id: d.document_id, label: documentLabel(d) })),
    lastUpdate: r.last_update,
    // SQLite answers 0/1, PostgreSQL true/false.
    overdue: r.overdue === true || r.overdue === 1,
    version: r.version,
    isPublic: r.is_public === 1,
  }));
}
