import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../http/context.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import type { Actor, Role } from './actor.ts';

/**
 * Who may do what. Services call these at their top, so the rules hold for
 * every way in (HTTP, CLI, imports), not just for what the web app shows.
 *
 *   read     internal reads (everything not marked public): viewer and up
 *   edit     the plan and the library: editor and up
 *   contribute  progress updates, evidence, status/progress on items where one
 *            of the caller's units or regions is responsible: contributor (scoped), editor and up
 *   admin    accounts, everyone's tokens: admin
 * Anonymous callers ("public") read only what is marked public.
 */
export type Capability = 'read' | 'edit' | 'contribute' | 'admin';

const RANK: Record<Role, number> = { public: 0, viewer: 1, contributor: 2, editor: 3, admin: 4 };
const NEEDS: Record<Capability, Role> = { read: 'viewer', contribute: 'contributor', edit: 'editor', admin: 'admin' };

export const unauthorized = (detail = 'Sign in to do this.') => new HttpProblem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);

export function hasRole(actor: Actor, role: Role): boolean {
  return RANK[actor.role] >= RANK[role];
}

/** Whether a token (if the caller used one) allows a capability; sessions and the system are not limited. */
function tokenAllows(actor: Actor, cap: Capability): boolean {
  if (!actor.scopes) return true;
  if (cap === 'read') return true;
  if (cap === 'admin') return actor.scopes.includes('admin');
  return actor.scopes.includes('write');
}

export function can(actor: Actor, cap: Capability): boolean {
  return hasRole(actor, NEEDS[cap]) && tokenAllows(actor, cap);
}

/** Throws 401 for anonymous callers and 403 for signed-in ones that lack the capability. */
export function assertCan(ctx: AppContext, cap: Capability): void {
  const { actor } = ctx.caller;
  if (can(actor, cap)) return;
  if (actor.kind === 'anonymous') throw unauthorized();
  if (!tokenAllows(actor, cap)) throw forbidden(`This API token lacks the "${cap === 'admin' ? 'admin' : 'write'}" scope.`);
  throw forbidden(`Your role (${actor.role}) does not allow this.`);
}

/** Any signed-in user, acting on their own account (tokens, sign-out). */
export function assertSignedIn(ctx: AppContext): number {
  const { actor } = ctx.caller;
  if (actor.kind === 'anonymous' || actor.userId === null) {
    if (actor.kind === 'system') throw forbidden('This needs a user account, not the system.');
    throw unauthorized();
  }
  return actor.userId;
}

/** Acting on a user's own things (tokens, sessions): that user, an admin, or the system (CLI). */
export function assertSelfOrAdmin(ctx: AppContext, userId: number): void {
  const { actor } = ctx.caller;
  if (actor.kind === 'system') return;
  if (assertSignedIn(ctx) !== userId) assertCan(ctx, 'admin');
}

/** True when the caller only sees what is marked public: lists are filtered, counts count public items. */
export function publicOnly(ctx: AppContext): boolean {
  return !hasRole(ctx.caller.actor, 'viewer');
}

/** For one item: anonymous callers see it only when it is public; otherwise they are asked to sign in. */
export function assertVisible(ctx: AppContext, isPublic: number | boolean): void {
  if (publicOnly(ctx) && !isPublic) throw unauthorized('This item is not public. Sign in to see it.');
}

type Q = Kysely<Database>;

/** Whether one of the actor's units (by name or acronym) or regions is responsible for the action item. */
export async function inScope(db: Q, actor: Actor, actionId: number): Promise<boolean> {
  const units = actor.units.map((u) => u.toLowerCase());
  const regions = actor.regions.map((r) => r.toLowerCase());
  if (units.length === 0 && regions.length === 0) return false;
  const row = await db
    .selectFrom('action_parties')
    .innerJoin('organisations', 'organisations.id', 'action_parties.organisation_id')
    .select('action_parties.action_id')
    .where('action_parties.action_id', '=', actionId)
    .where('action_parties.role', '=', 'responsible')
    .where((eb) =>
      eb.or([
        ...(units.length > 0 ? [eb(sql`lower(organisations.name)`, 'in', units), eb(sql`lower(organisations.acronym)`, 'in', units)] : []),
        ...(regions.length > 0 ? [eb(sql`lower(organisations.region)`, 'in', regions)] : []),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** Fields of an action item a contributor may change (the rest is the secretariat's). */
const CONTRIBUTOR_FIELDS = new Set(['status', 'progress']);

/**
 * Progress updates and status/progress changes: editors anywhere; contributors
 * only on items their units or regions are responsible for, and only those
 * fields. `changed` lists the fields a patch touches (omit for a progress update).
 */
export async function assertMayContribute(db: Q, ctx: AppContext, actionId: number, changed?: string[]): Promise<void> {
  if (can(ctx.caller.actor, 'edit')) return;
  assertCan(ctx, 'contribute');
  const others = (changed ?? []).filter((f) => !CONTRIBUTOR_FIELDS.has(f));
  if (others.length > 0) throw forbidden(`Contributors may change only the status and progress of an action item, not ${others.join(', ')}.`);
  if (await inScope(db, ctx.caller.actor, actionId)) return;
  const exists = await db.selectFrom('actions').select('id').where('id', '=', actionId).executeTakeFirst();
  if (!exists) throw notFound('Action item', actionId);
  throw forbidden('None of your units or regions is responsible for this action item.');
}

/** The fields a partial update actually sets (undefined values are not changes). */
export function changedFields(patch: object): string[] {
  return Object.entries(patch)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
}
