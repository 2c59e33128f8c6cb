/**
 * Turns audit values into short readable text for the history panel and the
 * conflict view. Pure (no React, no i18n) so it is unit-tested alone; the
 * caller passes the words it needs ("—" for empty, "yes"/"no").
 */

export interface Words {
  empty: string;
  yes: string;
  no: string;
}

const MAX = 160;

function clip(s: string): string {
  return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
}

/** One value as a person would write it: lists joined, linked things by their label, long text clipped. */
export function formatValue(v: unknown, w: Words): string {
  if (v === null || v === undefined || v === '') return w.empty;
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  if (typeof v === 'string' || typeof v === 'number') return clip(String(v));
  if (Array.isArray(v)) return v.length === 0 ? w.empty : clip(v.map((x) => formatValue(x, w)).join(', '));
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // Sources, documents, progress updates: what people recognise them by.
    if (typeof o.label === 'string') return clip(o.label);
    if (typeof o.text === 'string') return clip(typeof o.date === 'string' ? `${o.date}: ${o.text}` : o.text);
    if (typeof o.name === 'string') return clip(o.name);
    return clip(JSON.stringify(v));
  }
  return clip(String(v));
}

/** For lists, what was added and removed reads better than two whole lists. */
export function listChange(before: unknown, after: unknown, w: Words): { added: string[]; removed: string[] } | null {
  if (!Array.isArray(before) && before !== null) return null;
  if (!Array.isArray(after) && after !== null) return null;
  const b = (before ?? []) as unknown[];
  const a = (after ?? []) as unknown[];
  const key = (x: unknown) => formatValue(x, w);
  const bs = new Set(b.map(key));
  const as = new Set(a.map(key));
  return { added: [...as].filter((x) => !bs.has(x)), removed: [...bs].filter((x) => !as.has(x)) };
}
