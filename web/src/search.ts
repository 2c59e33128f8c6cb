/**
 * URL search params as plain `key=value` pairs (lists comma-separated), exactly as the API
 * takes them, so a filtered view's URL reads like its API query and can be shared.
 * (The router's default would JSON-encode values: `?status=%5B%22completed%22%5D`.)
 */
export function parseSearch(searchStr: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(searchStr.startsWith('?') ? searchStr.slice(1) : searchStr));
}

export function stringifySearch(search: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  // Commas are legal in a query string; keeping them literal keeps `status=a,b` readable.
  const qs = params.toString().replace(/%2C/gi, ',');
  return qs ? `?${qs}` : '';
}

/** Helpers for validateSearch: the parsed values are strings, or anything when set by code. */
export const str = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
};

export const int = (v: unknown, min = 0): number | undefined => {
  const n = typeof v === 'number' ? v : Number(str(v));
  return Number.isInteger(n) && n >= min ? n : undefined;
};

export const bool = (v: unknown): true | undefined => (v === true || v === 'true' || v === '1' ? true : undefined);

export const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined => {
  const s = str(v);
  return s !== undefined && (allowed as readonly string[]).includes(s) ? (s as T) : undefined;
};

export const listOf = <T extends string>(v: unknown, allowed: readonly T[]): T[] | undefined => {
  const raw = Array.isArray(v) ? v.map(String) : (str(v)?.split(',') ?? []);
  const items = raw.map((s) => s.trim()).filter((s): s is T => (allowed as readonly string[]).includes(s));
  return items.length ? items : undefined;
};
