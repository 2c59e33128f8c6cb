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
}
