/**
 * A stale save, seen three ways: what the user started from (base), what
 * they submitted (mine), what the server has now (theirs). Only fields that
 * someone changed are shown; re-sending "mine" sends only the fields the user
 * changed, so their edits land and nobody else's unrelated edits are undone.
 */

export interface FieldChange<K extends string = string> {
  field: K;
  theirs: unknown;
  mine: unknown;
  changedByMe: boolean;
  changedByThem: boolean;
  /** Both changed it, to different values: the user has to choose. */
  conflict: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function threeWay<K extends string>(fields: readonly K[], base: Record<K, unknown>, mine: Partial<Record<K, unknown>>, theirs: Record<K, unknown>): FieldChange<K>[] {
  const rows: FieldChange<K>[] = [];
  for (const field of fields) {
    const changedByMe = field in mine && !same(mine[field], base[field]);
    const changedByThem = !same(theirs[field], base[field]);
    if (!changedByMe && !changedByThem) continue;
    rows.push({ field, theirs: theirs[field], mine: changedByMe ? mine[field] : base[field], changedByMe, changedByThem, conflict: changedByMe && changedByThem && !same(mine[field], theirs[field]) });
  }
  return rows;
}

/** The patch that re-applies only the user's own changes on top of the current state. */
export function myChanges<K extends string>(rows: FieldChange<K>[]): Partial<Record<K, unknown>> {
  return Object.fromEntries(rows.filter((r) => r.changedByMe).map((r) => [r.field, r.mine])) as Partial<Record<K, unknown>>;
}
