import i18n from '../i18n/index.ts';

export const formatNumber = (n: number, digits = 0) =>
  new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(n);

/** Today's date as YYYY-MM-DD in the user's local calendar (what a person means by "today"). */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "TSB, SG17 , BDT" → ["TSB", "SG17", "BDT"] (for list fields typed as one line). */
export const splitList = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

export const joinList = (xs: readonly string[]) => xs.join(', ');

/** Only web and mail links become clickable; anything else (javascript:, data:) stays text. */
export function safeHref(url: string): string | undefined {
  try {
    const u = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}
