import { pct, plural, listOf } from './format.ts';
import { addresseeUnits, intersection, jaccard, topicWords } from './similarity.ts';
import type { Candidate, CandidateDocument, CandidatePair, CandidateThresholds } from './types.ts';

/**
 * Candidates from one overlapping pair of texts in force:
 *   suppress  one text stands almost whole in the other (≥ `contained` of its words): the other already says it;
 *   merge     each shares a large part of itself with the other (≥ `merge` both ways) and they speak to the
 *             same addressees or on the same topic: one text could say both.
 * A pair that is one text inside the other is proposed for suppression only: proposing both would ask the
 * secretariat to merge a text into one it also proposes to drop.
 */
export function pairCandidates(pair: CandidatePair, a: CandidateDocument, b: CandidateDocument, t: CandidateThresholds): Candidate[] {
  if (a.status !== 'in_force' || b.status !== 'in_force') return [];
  // Revisions of one text overlap by nature; comparing them is the revision diff's job.
  if (a.lineage === b.lineage) return [];
  const contained = containedCandidate(pair, a, b, t);
  if (contained) return [contained];
  const merge = mergeCandidate(pair, a, b, t);
  return merge ? [merge] : [];
}

function containedCandidate(pair: CandidatePair, a: CandidateDocument, b: CandidateDocument, t: CandidateThresholds): Candidate | null {
  const aIn = pair.coverA >= t.contained;
  const bIn = pair.coverB >= t.contained;
  if (!aIn && !bIn) return null;
  // Both inside each other: the same text twice. Keep the newer one (the later decision), else the larger.
  let inner: 'a' | 'b';
  if (aIn && bIn) inner = (a.year ?? 0) !== (b.year ?? 0) ? ((a.year ?? 0) < (b.year ?? 0) ? 'a' : 'b') : a.words <= b.words ? 'a' : 'b';
  else inner = aIn ? 'a' : 'b';
  const [small, large, cover] = inner === 'a' ? [a, b, pair.coverA] : [b, a, pair.coverB];
  const newer = small.year !== null && large.year !== null && large.year > small.year;
  const where = newer ? `the newer ${large.label}` : large.label;
  return {
    type: 'suppress',
    documentIds: [small.id, large.id],
    reason: `${pct(cover)} of its text already stands in ${where}, which is in force.`,
    evidence: { containedIn: large.id, containment: pair.containment, coverA: pair.coverA, coverB: pair.coverB, passages: pair.passages, sharedWords: pair.sharedWords },
    score: Math.min(1, cover),
  };
}

function mergeCandidate(pair: CandidatePair, a: CandidateDocument, b: CandidateDocument, t: CandidateThresholds): Candidate | null {
  const mutual = Math.min(pair.coverA, pair.coverB);
  if (mutual < t.merge) return null;
  const unitsA = new Set(a.addressees.flatMap(addresseeUnits));
  const unitsB = new Set(b.addressees.flatMap(addresseeUnits));
  const sameAddressees = jaccard(unitsA, unitsB) >= t.addressees;
  const topicA = topicWords(a.title);
  const topicB = topicWords(b.title);
  const sameTopic = jaccard(topicA, topicB) >= t.topic;
  if (!sameAddressees && !sameTopic) return null;

  const shared = sameAddressees ? namesIn(a.addressees, intersection(unitsA, unitsB)) : [];
  const topic = sameTopic ? intersection(topicA, topicB) : [];
  const because = sameAddressees ? `both address ${listOf(shared)}` : `both are on ${listOf(topic)}`;
  return {
    type: 'merge',
    documentIds: [a.id, b.id],
    reason: `They share ${pct(pair.coverA)} and ${pct(pair.coverB)} of their texts in ${plural(pair.passages, 'passage')}, and ${because}.`,
    evidence: {
      containment: pair.containment,
      coverA: pair.coverA,
      coverB: pair.coverB,
      passages: pair.passages,
      sharedWords: pair.sharedWords,
      ...(shared.length > 0 ? { sharedAddressees: shared } : {}),
      ...(topic.length > 0 ? { topicWords: topic } : {}),
    },
    // Same addressees and same topic together make the stronger case.
    score: mutual * (sameAddressees && sameTopic ? 1 : 0.9),
  };
}

/** The shared units as the text writes them ("TSB Director", not "tsb director"). */
function namesIn(addressees: string[], units: string[]): string[] {
  const wanted = new Set(units);
  const names = new Map<string, string>();
  for (const full of addressees) {
    for (const part of full.split(/,\s*|\s+and\s+|;\s*/)) {
      const unit = addresseeUnits(part)[0];
      if (unit && wanted.has(unit) && !names.has(unit)) names.set(unit, part.replace(/^(the|all(?: the)?)\s+/i, '').trim());
    }
  }
  return units.map((u) => names.get(u) ?? u);
}
