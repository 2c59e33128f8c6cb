/** Who is acting: a signed-in user, an API token's owner, the anonymous public, or the system itself (CLI, demo loader). */
export const ROLES = ['admin', 'editor', 'contributor', 'viewer', 'public'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  kind: 'user' | 'anonymous' | 'system';
  userId: number | null;
  /** For the audit trail and messages: an email, "system (cli)", "anonymous". */
  label: string;
  role: Role;
  /** Contributors act only on items where one of these units (organisation names or acronyms) is responsible. */
  units: string[];
  regions: string[];
  /**
   * Set when the request came with an API token: what the token allows on top
   * of (never beyond) the role. Absent for sessions, the CLI and the system.
   */
  scopes?: readonly ('read' | 'write' | 'admin')[];
}

/** The actor plus what identifies the request, carried into every service call. */
export interface Caller {
  actor: Actor;
  requestId: string;
}

export function systemCaller(label = 'system'): Caller {
  return { actor: { kind: 'system', userId: null, label, role: 'admin', units: [], regions: [] }, requestId: `${label}-${Date.now()}` };
}

export const ANONYMOUS: Actor = { kind: 'anonymous', userId: null, label: 'anonymous', role: 'public', units: [], regions: [] };
