import { describe, expect, it } from 'vitest';
import type { DocumentCitations } from '@mandate/shared';
import { egoGraph } from './ego-graph.ts';

const doc = (id: number, status: 'in_force' | 'superseded' = 'in_force') => ({ id, label: `PP Resolution ${id}`, status });
const data: DocumentCitations = {
  document: doc(1),
  cites: [
    { target: { body: 'PP', kind: 'resolution', number: '2' }, targetLabel: 'PP Resolution 2', status: 'resolved', external: false, document: doc(2), current: null, candidates: [], count: 1, clauses: [] },
    { target: { body: 'PP', kind: 'resolution', number: '3' }, targetLabel: 'PP Resolution 3 (Busan, 2014)', status: 'outdated', external: false, document: null, current: doc(3), candidates: [], count: 1, clauses: [] },
    { target: { body: 'ITU-T', kind: 'recommendation', number: 'A.1' }, targetLabel: 'Recommendation ITU-T A.1', status: 'unknown', external: true, document: null, current: null, candidates: [], count: 1, clauses: [] },
  ],
  citedBy: [
    { citing: doc(9), targetLabel: 'PP Resolution 1', status: 'resolved', count: 1, clauses: [] },
    { citing: doc(9), targetLabel: 'PP Resolution 1 (Busan, 2014)', status: 'outdated', count: 1, clauses: [] },
    { citing: doc(8), targetLabel: 'PP Resolution 1', status: 'resolved', count: 2, clauses: [] },
  ],
};

describe('egoGraph', () => {
  it('puts each citing text once on the left (outdated wins) and the cited texts the library keeps on the right', () => {
    const g = egoGraph(data);
    expect(g.left.map((n) => [n.docId, n.status])).toEqual([[9, 'outdated'], [8, 'resolved']]);
    expect(g.right.map((n) => [n.label, n.docId, n.status])).toEqual([
      ['PP Resolution 2', 2, 'resolved'],
      ['PP Resolution 3 (Busan, 2014)', 3, 'outdated'],
    ]);
  });

  it('keeps at most `max` nodes a side and counts the rest', () => {
    const g = egoGraph(data, 1);
    expect([g.left.length, g.hiddenLeft, g.right.length, g.hiddenRight]).toEqual([1, 1, 1, 1]);
  });
});
