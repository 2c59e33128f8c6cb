import type { ActionStatus, ActionSummary } from '@mandate/shared';
import { documentLabel } from '../library/document-label.ts';
import { partyNames, relationArray, type RelatedDocument, type RelationColumns } from './action-relations.ts';

export interface ActionRowLike extends RelationColumns {
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

/** An action row, selected with its relation columns, as the API's summary. */
export function toSummary(r: ActionRowLike): ActionSummary {
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    status: r.status as ActionStatus,
    progress: r.progress,
    responsible: partyNames(r.parties, 'responsible'),
    collaborators: partyNames(r.parties, 'collaborator'),
    reportsTo: r.reports_to,
    dueDate: r.due_date,
    recurrence: r.recurrence,
    tags: relationArray<string>(r.tags),
    documents: relationArray<RelatedDocument>(r.documents).map((d) => ({ id: d.id, label: documentLabel(d) })),
    lastUpdate: r.last_update,
    // SQLite answers 0/1, PostgreSQL true/false.
    overdue: r.overdue === true || r.overdue === 1,
    version: r.version,
    isPublic: r.is_public === 1,
  };
}
