import { boilerplateCandidates } from './boilerplate-candidates.ts';
import { documentCandidates } from './document-candidates.ts';
import { pairCandidates } from './pair-candidates.ts';
import { DEFAULT_THRESHOLDS, type Candidate, type CandidateDocument, type CandidateInput, type CandidateThresholds } from './types.ts';

const TYPE_ORDER: Record<Candidate['type'], number> = { suppress: 0, merge: 1, update: 2, boilerplate: 3 };

/**
 * Streamlining candidates from an overlap run and what the library knows about
 * each text (status, addressees, action items, outdated citations). Pure: the
 * same input gives the same list, strongest first (ties: type, then ids).
 */
export function findCandidates(input: CandidateInput, thresholds: Partial<CandidateThresholds> = {}): Candidate[] {
  const t = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const docs = new Map<number, CandidateDocument>(input.documents.map((d) => [d.id, d]));
  const out: Candidate[] = [];
  for (const pair of input.pairs) {
    const a = docs.get(pair.a);
    const b = docs.get(pair.b);
    if (a && b) out.push(...pairCandidates(pair, a, b, t));
  }
  for (const d of input.documents) out.push(...documentCandidates(d));
  out.push(...boilerplateCandidates(input.boilerplate, docs, t));
  return out.sort(
    (x, y) =>
      y.score - x.score ||
      TYPE_ORDER[x.type] - TYPE_ORDER[y.type] ||
      x.documentIds.join(',').localeCompare(y.documentIds.join(','), 'en', { numeric: true }),
  );
}
