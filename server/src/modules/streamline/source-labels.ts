/**
 * Short names for origin chips: "Res 64", "Dec 5"; the year is added where
 * two sources would otherwise read the same ("Res 64 (2020)", "Res 64 (2024)").
 */

const KIND_SHORT: Record<string, string> = { resolution: 'Res', decision: 'Dec', recommendation: 'Rec', opinion: 'Op' };

export function shortLabels(docs: readonly { body: string; kind: string; number: string; year: number | null }[]): string[] {
  const base = docs.map((d) => `${KIND_SHORT[d.kind] ?? d.kind} ${d.number}`);
  const withBody = base.map((b, i) => (base.some((o, j) => j !== i && o === b && docs[j]!.body !== docs[i]!.body) ? `${docs[i]!.body} ${b}` : b));
  return withBody.map((b, i) => (withBody.some((o, j) => j !== i && o === b) && docs[i]!.year !== null ? `${b} (${docs[i]!.year})` : b));
}
