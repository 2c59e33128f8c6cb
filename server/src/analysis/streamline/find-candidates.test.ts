import { describe, expect, it } from 'vitest';
import { findCandidates } from './find-candidates.ts';
import type { CandidateDocument, CandidatePair } from './types.ts';

let nextId = 1;
function doc(over: Partial<CandidateDocument> = {}): CandidateDocument {
  const id = over.id ?? nextId++;
  return {
    id,
    label: `PP Resolution ${id} (Rev. Dubai, 2018)`,
    title: `Topic ${id}`,
    status: 'in_force',
    lineage: `PP/resolution/${id}`,
    year: 2018,
    words: 1000,
    bodyStart: 90,
    addressees: [],
    actions: { total: 0, completed: 0 },
    outdated: { count: 0, examples: [] },
    ...over,
  };
}
const pair = (a: CandidateDocument, b: CandidateDocument, coverA: number, coverB: number): CandidatePair => ({
  a: a.id,
  b: b.id,
  containment: Math.max(coverA, coverB),
  coverA,
  coverB,
  passages: 3,
  sharedWords: 400,
});

describe('findCandidates', () => {
  it('proposes to merge texts that share much of themselves both ways and address the same units', () => {
    const a = doc({ addressees: ['TSB Director', 'Member States and Sector Members'], title: 'Bridging the standardization gap' });
    const b = doc({ addressees: ['Director of the Telecommunication Standardization Bureau', 'TSB Director', 'Member States'], title: 'Conformance and interoperability' });
    const [c, ...rest] = findCandidates({ documents: [a, b], pairs: [pair(a, b, 0.62, 0.55)], boilerplate: [] });
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ type: 'merge', documentIds: [a.id, b.id], evidence: { coverA: 0.62, coverB: 0.55, sharedAddressees: ['TSB Director', 'Member States'] } });
    expect(c!.reason).toBe('They share 62% and 55% of their texts in 3 passages, and both address TSB Director and Member States.');
    expect(c!.reason).not.toContain('\n');
  });

  it('accepts the same topic instead of the same addressees, and neither is not enough', () => {
    const a = doc({ title: 'Strengthening the regional presence' });
    const b = doc({ title: 'Regional presence of the Union' });
    const c = doc({ title: 'Arrears and special arrears accounts' });
    const found = findCandidates({ documents: [a, b, c], pairs: [pair(a, b, 0.7, 0.6), pair(a, c, 0.8, 0.8)], boilerplate: [] });
    expect(found).toHaveLength(1);
    expect(found[0]!.reason).toMatch(/both are on regional and presence\.$/);
  });

  it('proposes to suppress a text that stands almost whole in another in force, not to merge it', () => {
    const old = doc({ year: 2014, addressees: ['Council'] });
    const recent = doc({ year: 2022, addressees: ['Council'], label: 'PP Resolution 200 (Rev. Bucharest, 2022)' });
    const found = findCandidates({ documents: [old, recent], pairs: [pair(old, recent, 0.95, 0.6)], boilerplate: [] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ type: 'suppress', documentIds: [old.id, recent.id], evidence: { containedIn: recent.id }, score: 0.95 });
    expect(found[0]!.reason).toBe('95% of its text already stands in the newer PP Resolution 200 (Rev. Bucharest, 2022), which is in force.');
  });

  it('keeps the newer of two near-identical texts', () => {
    const older = doc({ year: 2010 });
    const newer = doc({ year: 2018 });
    const [c] = findCandidates({ documents: [newer, older], pairs: [pair(newer, older, 0.97, 0.96)], boilerplate: [] });
    expect(c!.documentIds).toEqual([older.id, newer.id]);
  });

  it('ignores pairs with a text not in force and revisions of one text', () => {
    const a = doc({ lineage: 'PP/resolution/64' });
    const b = doc({ lineage: 'PP/resolution/64' });
    const gone = doc({ status: 'superseded' });
    expect(findCandidates({ documents: [a, b, gone], pairs: [pair(a, b, 0.99, 0.99), pair(a, gone, 0.99, 0.99)], boilerplate: [] })).toEqual([]);
  });

  it('proposes to suppress a text whose action items are all completed (at least one)', () => {
    const done = doc({ actions: { total: 4, completed: 4 } });
    const one = doc({ actions: { total: 1, completed: 1 } });
    const open = doc({ actions: { total: 4, completed: 3 } });
    const none = doc({ actions: { total: 0, completed: 0 } });
    const found = findCandidates({ documents: [done, one, open, none], pairs: [], boilerplate: [] });
    expect(found.map((c) => [c.documentIds[0], c.reason])).toEqual([
      [done.id, 'All 4 of its action items are completed.'],
      [one.id, 'Its only action item is completed.'],
    ]);
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score);
  });

  it('flags a superseded revision the plan still works on', () => {
    const current = doc({ label: 'PP Resolution 64 (Rev. Dubai, 2018)' });
    const old = doc({ status: 'superseded', supersededBy: { id: current.id, label: current.label }, actions: { total: 3, completed: 1 } });
    const [c] = findCandidates({ documents: [old, current], pairs: [], boilerplate: [] });
    expect(c).toMatchObject({ type: 'suppress', documentIds: [old.id, current.id], evidence: { supersededBy: current.id } });
    expect(c!.reason).toBe('Superseded by PP Resolution 64 (Rev. Dubai, 2018), yet 2 of its action items are still open: close them or move them to the text in force.');
  });

  it('proposes to update a text citing revisions no longer in force', () => {
    const d = doc({ outdated: { count: 3, examples: ['PP Resolution 64 (Rev. Busan, 2014)', 'PP Resolution 71 (Rev. Busan, 2014)', 'x'] } });
    const [c] = findCandidates({ documents: [d], pairs: [], boilerplate: [] });
    expect(c).toMatchObject({ type: 'update', evidence: { outdated: 3 } });
    expect(c!.reason).toBe('Cites 3 revisions no longer in force: PP Resolution 64 (Rev. Busan, 2014), PP Resolution 71 (Rev. Busan, 2014) and 1 more.');
    const one = doc({ outdated: { count: 1, examples: ['PP Resolution 160 (Antalya, 2006)'] } });
    expect(findCandidates({ documents: [one], pairs: [], boilerplate: [] })[0]!.reason).toBe('Cites PP Resolution 160 (Antalya, 2006), a revision no longer in force.');
  });

  it('proposes trimming long passages repeated in many texts, but not the enacting formula', () => {
    const docs = Array.from({ length: 6 }, () => doc({ bodyStart: 100 }));
    const occ = (start: number) => docs.map((d) => ({ id: d.id, start, end: start + 200 }));
    const text = 'recognizing that the use of telecommunications for peace and development is essential for every nation, and that it calls for cooperation among all members of the Union';
    const found = findCandidates({
      documents: docs,
      pairs: [],
      boilerplate: [
        { text, words: 29, documents: 6, occurrences: occ(300) },
        { text: 'The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018), considering that the purposes of the Union are set out in the Constitution', words: 22, documents: 6, occurrences: docs.map((d) => ({ id: d.id, start: 0, end: 90 })) },
        { text: 'to report annually to the Council on the implementation of this resolution', words: 12, documents: 6, occurrences: occ(500) },
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ type: 'boilerplate', evidence: { documents: 6, text } });
    expect(found[0]!.reason).toMatch(/^The same 29-word passage stands in 6 texts in force: “recognizing that the use/);
  });

  it('sorts strongest first and respects custom thresholds', () => {
    const a = doc({ addressees: ['Council'] });
    const b = doc({ addressees: ['Council'] });
    const c = doc({ actions: { total: 5, completed: 5 } });
    const input = { documents: [a, b, c], pairs: [pair(a, b, 0.45, 0.4)], boilerplate: [] };
    expect(findCandidates(input).map((x) => x.type)).toEqual(['suppress']);
    const loose = findCandidates(input, { merge: 0.4 });
    expect(loose.map((x) => x.type)).toEqual(['suppress', 'merge']);
    expect(loose[0]!.score).toBeGreaterThanOrEqual(loose[1]!.score);
  });
});
