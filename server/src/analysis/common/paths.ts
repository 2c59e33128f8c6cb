/**
 * Clause paths are the stable identity of a clause inside its document
 * ("resolves/2/a"): action items and overlaps point at them across
 * re-imports. Sources sometimes repeat numbers, so a repeated path gets a
 * deterministic "#2", "#3" suffix instead of colliding.
 */
export class PathRegistry {
  private readonly seen = new Map<string, number>();

  /** Builds "slug/1/a" (empty segments skipped) and makes it unique. */
  claim(slug: string, segments: readonly string[]): { path: string; duplicate: boolean } {
    const base = [slug || 'clause', ...segments.filter((s) => s !== '')].join('/');
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    if (count === 1) return { path: base, duplicate: false };
    let n = count;
    let path = `${base}#${n}`;
    // A source could literally contain "x#2"; keep counting until free.
    while (this.seen.has(path)) path = `${base}#${++n}`;
    this.seen.set(base, n);
    this.seen.set(path, 1);
    return { path, duplicate: true };
  }
}
