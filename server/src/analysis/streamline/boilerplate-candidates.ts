import { excerpt } from './format.ts';
import type { Candidate, CandidateBoilerplate, CandidateDocument, CandidateThresholds } from './types.ts';

/**
 * Passages repeated across many texts, worth stating once and referring to.
 * Occurrences inside the enacting formula ("The Plenipotentiary Conference of
 * the International Telecommunication Union (Dubai, 2018),") are left out:
 * every text must carry it, and no secretariat would propose trimming it.
 */
export function boilerplateCandidates(passages: readonly CandidateBoilerplate[], docs: ReadonlyMap<number, CandidateDocument>, t: CandidateThresholds): Candidate[] {
  const out: Candidate[] = [];
  for (const p of passages) {
    if (p.words < t.boilerplateWords) continue;
    const inBody = p.occurrences.filter((o) => {
      const d = docs.get(o.id);
      return d !== undefined && d.status === 'in_force' && o.end > d.bodyStart;
    });
    const ids = [...new Set(inBody.map((o) => o.id))];
    const documents = ids.length;
    if (documents < t.boilerplateDocuments) continue;
    out.push({
      type: 'boilerplate',
      documentIds: ids,
      reason: `The same ${p.words}-word passage stands in ${documents} texts in force: “${excerpt(p.text, 70)}”.`,
      evidence: { text: p.text, documents, sharedWords: p.words },
      // Longer passages repeated in more texts weigh more; boilerplate is rarely urgent, so it stays below 0.7.
      score: Math.min(0.7, 0.2 + 0.02 * Math.min(documents, 15) + 0.002 * Math.min(p.words, 100)),
    });
  }
  return out;
}
