import { listOf, plural } from './format.ts';
import type { Candidate, CandidateDocument } from './types.ts';

/**
 * Candidates about one text on its own:
 *   suppress  every action item it gave rise to is completed (at least one: a text nobody has
 *             planned any work for is not "done", it is unplanned);
 *   suppress  it is superseded by a newer revision, yet the plan still has open items on it
 *             (they belong to the revision in force);
 *   update    it cites revisions that are no longer in force.
 */
export function documentCandidates(d: CandidateDocument): Candidate[] {
  const out: Candidate[] = [];
  const { total, completed } = d.actions;
  if (d.status === 'in_force' && total > 0 && completed === total) {
    out.push({
      type: 'suppress',
      documentIds: [d.id],
      reason: total === 1 ? 'Its only action item is completed.' : `All ${total} of its action items are completed.`,
      evidence: { actions: { total, completed } },
      // More completed items make the case stronger; a single one is a hint.
      score: 0.55 + 0.3 * (Math.min(total, 5) / 5),
    });
  }
  if (d.status === 'superseded' && d.supersededBy && total > completed) {
    const open = total - completed;
    out.push({
      type: 'suppress',
      documentIds: [d.id, d.supersededBy.id],
      reason: `Superseded by ${d.supersededBy.label}, yet ${open === 1 ? '1 of its action items is' : `${open} of its action items are`} still open: close them or move them to the text in force.`,
      evidence: { supersededBy: d.supersededBy.id, actions: { total, completed } },
      score: 0.5,
    });
  }
  if (d.status === 'in_force' && d.outdated.count > 0) {
    const { count, examples } = d.outdated;
    const named = examples.slice(0, 2);
    const reason =
      count <= named.length
        ? `Cites ${listOf(named)}, ${count === 1 ? 'a revision' : 'revisions'} no longer in force.`
        : `Cites ${plural(count, 'revision')} no longer in force${named.length > 0 ? `: ${named.join(', ')} and ${count - named.length} more` : ''}.`;
    out.push({
      type: 'update',
      documentIds: [d.id],
      reason,
      evidence: { outdated: d.outdated.count, outdatedExamples: d.outdated.examples },
      score: Math.min(0.9, 0.4 + 0.1 * d.outdated.count),
    });
  }
  return out;
}
