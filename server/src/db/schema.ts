import type { Generated } from 'kysely';

/** Row types of every table: the single source the repositories are typed against. */
export interface DocumentTable {
  id: Generated<number>;
  body: string;
  kind: string;
  number: string;
  revision: string;
  year: number | null;
  place: string;
  title: string;
  status: string;
  preamble: string;
  source_format: string;
  source_name: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  is_public: Generated<number>;
}

export interface ClauseTable {
  id: Generated<number>;
  document_id: number;
  seq: number;
  kind: string;
  heading: string;
  addressee: string | null;
  num: string;
  path: string;
  text: string;
}

export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  acronym: string;
  type: string;
  region: Generated<string>;
}

export interface ActionTable {
  id: Generated<number>;
  ref: string;
  title: string;
  description: string;
  status: string;
  progress: number;
  reports_to: string;
  due_date: string | null;
  recurrence: string;
  last_update: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  is_public: Generated<number>;
}

export interface ActionPartyTable {
  action_id: number;
  organisation_id: number;
  role: 'responsible' | 'collaborator';
}

export interface ActionTagTable {
  action_id: number;
  tag: string;
}

export interface ActionClauseTable {
  action_id: number;
  clause_id: number;
}

export interface ProgressUpdateTable {
  id: Generated<number>;
  action_id: number;
  date: string;
  text: string;
  status_from: string | null;
  status_to: string | null;
  progress: number | null;
  evidence: string;
  created_at: string;
}

export interface SuggestionTable {
  id: Generated<number>;
  document_id: number;
  block_key: string;
  heading: string;
  addressee: string;
  title: string;
  description: string;
  status: string;
  action_id: number | null;
  created_at: string;
  version: Generated<number>;
}

export interface SuggestionClauseTable {
  suggestion_id: number;
  clause_id: number;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  role: string;
  disabled: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface UserScopeTable {
  user_id: number;
  kind: 'unit' | 'region';
  value: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  /** JSON array of scopes: "read", "write", "admin". */
  scopes: string;
  expires_at: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_label: string;
  request_id: string;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  diff: string;
}

/** A citation found in a clause's text (offsets into that text); resolved against the library when read. */
export interface ClauseReferenceTable {
  id: Generated<number>;
  document_id: number;
  clause_id: number;
  start_offset: number;
  end_offset: number;
  text: string;
  target_body: string;
  target_kind: string;
  target_number: string;
  target_revision: string;
  target_year: number | null;
  target_session: string;
  target_series: string;
  problem: string | null;
}

/** An overlap run (the engine over the library, in the background) and its progress. */
export interface OverlapRunTable {
  id: Generated<number>;
  status: 'queued' | 'running' | 'done' | 'failed';
  mode: Generated<'full' | 'incremental'>;
  base_run_id: number | null;
  /** 1 while queued or running, NULL after (unique: one active run at a time). */
  active: number | null;
  phase: Generated<string>;
  done: Generated<number>;
  total: Generated<number>;
  error: string | null;
  started_by: string;
  started_at: string;
  finished_at: string | null;
  heartbeat_at: string;
  owner: string;
  documents: Generated<number>;
  recomputed: Generated<number>;
  pairs: Generated<number>;
}

/** What a run read: each document's version and text hash (change detection) and word count. */
export interface OverlapRunDocumentTable {
  run_id: number;
  document_id: number;
  version: number;
  text_hash: string;
  words: number;
  body_start: number;
}

export interface OverlapPairTable {
  run_id: number;
  doc_a: number;
  doc_b: number;
  containment: number;
  cover_a: number;
  cover_b: number;
  shared_words: number;
  /** JSON: [{a: [start, end], b: [start, end], words}], offsets into each document's documentText. */
  passages: string;
}

export interface OverlapBoilerplateTable {
  id: Generated<number>;
  run_id: number;
  text: string;
  words: number;
  documents: number;
  /** JSON: [{id, start, end}]. */
  occurrences: string;
}

export interface Database {
  documents: DocumentTable;
  clauses: ClauseTable;
  organisations: OrganisationTable;
  actions: ActionTable;
  action_parties: ActionPartyTable;
  action_tags: ActionTagTable;
  action_clauses: ActionClauseTable;
  progress_updates: ProgressUpdateTable;
  suggestions: SuggestionTable;
  suggestion_clauses: SuggestionClauseTable;
  users: UserTable;
  user_scopes: UserScopeTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditTable;
  clause_references: ClauseReferenceTable;
  overlap_runs: OverlapRunTable;
  overlap_run_documents: OverlapRunDocumentTable;
  overlap_pairs: OverlapPairTable;
  overlap_boilerplate: OverlapBoilerplateTable;
}
