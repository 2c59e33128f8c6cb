import { sql, type Kysely } from 'kysely';
import type { Database, UserTable } from '../../db/schema.ts';

type Q = Kysely<Database>;
export type UserRow = Awaited<ReturnType<typeof getUserRow>> & object;
export interface Scopes {
  units: string[];
  regions: string[];
}

export function getUserRow(db: Q, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Q, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export function findUserBySubject(db: Q, issuer: string, subject: string) {
  return db.selectFrom('users').selectAll().where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
}

export function listUserRows(db: Q) {
  return db.selectFrom('users').selectAll().orderBy('email').execute();
}

export async function countUsers(db: Q): Promise<number> {
  const { n } = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** Admins who can still sign in: the last one must not be demoted or disabled. */
export async function countActiveAdmins(db: Q): Promise<number> {
  const { n } = await db.selectFrom('users').where('role', '=', 'admin').where('disabled', '=', 0).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

type NewUser = Omit<UserTable, 'id' | 'version' | 'disabled' | 'failed_logins' | 'locked_until' | 'oidc_issuer' | 'oidc_subject'> &
  Partial<Pick<UserTable, 'oidc_issuer' | 'oidc_subject'>>;

export async function insertUser(db: Q, values: NewUser): Promise<number> {
  return (await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

type UserChange = Partial<Omit<UserTable, 'id' | 'version' | 'created_at' | 'disabled' | 'failed_logins'>> & { disabled?: number; failed_logins?: number };

/** Moves the version on; with `ifVersion`, only when nobody else did first (returns false then). */
export async function updateUserRow(db: Q, id: number, values: UserChange, ifVersion?: number): Promise<boolean> {
  let q = db
    .updateTable('users')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (ifVersion !== undefined) q = q.where('version', '=', ifVersion);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function scopesOf(db: Q, ids: number[]): Promise<Map<number, Scopes>> {
  const out = new Map<number, Scopes>(ids.map((id) => [id, { units: [], regions: [] }]));
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('user_scopes').selectAll().where('user_id', 'in', ids).orderBy('value').execute();
  for (const r of rows) out.get(r.user_id)?.[r.kind === 'unit' ? 'units' : 'regions'].push(r.value);
  return out;
}

export async function replaceScopes(db: Q, userId: number, scopes: Scopes) {
  await db.deleteFrom('user_scopes').where('user_id', '=', userId).execute();
  const rows = [
    ...[...new Set(scopes.units)].map((value) => ({ user_id: userId, kind: 'unit' as const, value })),
    ...[...new Set(scopes.regions)].map((value) => ({ user_id: userId, kind: 'region' as const, value })),
  ];
  if (rows.length > 0) await db.insertInto('user_scopes').values(rows).execute();
}

/** Sign-in bookkeeping: not an edit of the account, so the version (If-Match) does not move. */
export async function recordFailedLogin(db: Q, id: number): Promise<number> {
  const row = await db.updateTable('users').set({ failed_logins: sql<number>`failed_logins + 1` }).where('id', '=', id).returning('failed_logins').executeTakeFirstOrThrow();
  return Number(row.failed_logins);
}

export function clearFailedLogins(db: Q, id: number) {
  return db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

export function setPasswordHash(db: Q, id: number, hash: string) {
  return db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
}
