const KIND_LABELS: Record<string, string> = {
  resolution: 'Resolution',
  decision: 'Decision',
  recommendation: 'Recommendation',
  opinion: 'Opinion',
};

/** "PP Resolution 2 (Rev. Dubai, 2018)", "UNSC Resolution 300 (1971)": how people cite a document. */
export function documentLabel(d: { body: string; kind: string; number: string; revision: string }): string {
  const kind = KIND_LABELS[d.kind] ?? d.kind;
  return `${d.body} ${kind} ${d.number}${d.revision ? ` (${d.revision})` : ''}`;
}

/** A stable, human-readable key for a clause, used in plan exports: "PP/resolution/2/Rev. Dubai, 2018#resolves/3". */
export function clauseKey(d: { body: string; kind: string; number: string; revision: string }, path: string): string {
  return `${d.body}/${d.kind}/${d.number}/${d.revision}#${path}`;
}

export function parseClauseKey(key: string): { body: string; kind: string; number: string; revision: string; path: string } | null {
  const m = /^([^/#]+)\/([^/#]+)\/([^/#]+)\/([^#]*)#(.+)$/.exec(key.trim());
  if (!m) return null;
  const [, body, kind, number, revision, path] = m as unknown as [string, string, string, string, string, string];
  return { body, kind, number, revision, path };
}
