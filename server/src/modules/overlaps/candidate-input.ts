import type { AppContext } from '../../http/context.ts';
import type { CandidateDocument } from '../../analysis/streamline/index.ts';
import { documentLabel } from '../library/document-label.ts';
import { resolveReferences } from '../references/references.service.ts';
import { actionCounts, analysedDocuments, operativeAddressees, type SnapshotRow } from './overlaps.repository.ts';

const EXAMPLES = 3;

export const lineageKey = (d: { body: string; kind: string; number: string }) => `${d.body}/${d.kind}/${d.number}`;

/**
 * Outdated citations per citing document (in force), resolved against the
 * library as it is now: how many different revisions it cites that are no
 * longer in force (one cited three times is one thing to update), and the
 * first few of them.
 */
async function outdatedByDocument(ctx: AppContext): Promise<Map<number, { count: number; examples: string[] }>> {
  const { items } = await resolveReferences(ctx, { status: ['outdated'], citing: 'in_force', external: 'exclude' });
  const labels = new Map<number, Set<string>>();
  for (const r of items) (labels.get(r.citing.id) ?? labels.set(r.citing.id, new Set()).get(r.citing.id)!).add(r.targetLabel);
  return new Map([...labels].map(([id, set]) => [id, { count: set.size, examples: [...set].slice(0, EXAMPLES) }]));
}

/**
 * What the candidate finder needs to know about each analysed document, read
 * now (statuses, action items and citations move after a run; the report
 * follows them). Word counts and formula ends come from the run's snapshot;
 * documents added since have none, and only get candidates of their own.
 */
export async function candidateDocuments(ctx: AppContext, snapshot: readonly SnapshotRow[]) {
  const db = ctx.db.kysely;
  const [docs, addressees, actions, outdated] = await Promise.all([analysedDocuments(db), operativeAddressees(db), actionCounts(db), outdatedByDocument(ctx)]);
  const bySnapshot = new Map(snapshot.map((s) => [s.document_id, s]));
  const addresseesOf = new Map<number, string[]>();
  for (const a of addressees) (addresseesOf.get(a.document_id) ?? addresseesOf.set(a.document_id, []).get(a.document_id)!).push(a.addressee!);
  const inForce = new Map(docs.filter((d) => d.status === 'in_force').map((d) => [lineageKey(d), d]));

  const documents: CandidateDocument[] = docs.map((d) => {
    const s = bySnapshot.get(d.id);
    const current = d.status === 'superseded' ? inForce.get(lineageKey(d)) : undefined;
    return {
      id: d.id,
      label: documentLabel(d),
      title: d.title,
      status: d.status as CandidateDocument['status'],
      lineage: lineageKey(d),
      year: d.year,
      words: s?.words ?? 0,
      bodyStart: s?.body_start ?? 0,
      addressees: (addresseesOf.get(d.id) ?? []).sort(),
      actions: actions.get(d.id) ?? { total: 0, completed: 0 },
      outdated: outdated.get(d.id) ?? { count: 0, examples: [] },
      ...(current ? { supersededBy: { id: current.id, label: documentLabel(current) } } : {}),
    };
  });
  return { documents, rows: new Map(docs.map((d) => [d.id, d])) };
}
