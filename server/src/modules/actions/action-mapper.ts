import type { ActionStatus, ActionSummary } from '@mandate/shared';
import type { ActionRelations } from './action-relations.ts';

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

/** An action row and its relations as the API's summary. */
export function toSummary(r: ActionRowLike, relations: ActionRelations): ActionSummary {
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    status: r.status as ActionStatus,
    progress: r.progress,
    responsible: relations.responsible,
    collaborators: relations.collaborators,
    reportsTo: r.reports_to,
    dueDate: r.due_date,
    recurrence: r.recurrence,
    tags: relations.tags,
    documents: relations.documents,
    lastUpdate: r.last_update,
    // SQLite answers 0/1, PostgreSQL true/false.
    overdue: r.overdue === true || r.overdue === 1,
    version: r.version,
    isPublic: r.is_public === 1,
  };
}
