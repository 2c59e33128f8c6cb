import { describe, expect, it } from 'vitest';
import { consolidate } from './consolidate.ts';
import { draftParagraphs, sourceParagraphs } from './paragraphs.ts';
import { redline } from './redline.ts';
import { renderRedlineText } from './redline-text.ts';
import { clauses, marked, resolveRedline, source } from './test-fixtures.ts';

const A = source(
  1,
  clauses(
    'considering/a: that standards lower the cost of networks;',
    'considering/b: that developing countries take part less than others,',
    'invites Member States: to contribute to the programme,',
    'instructs the Secretary-General: to report to the Council every year.',
  ),
  { header: 'RESOLUTION 1 (Rev. Testville, 2026)', title: 'Bridging the gap', preamble: 'The Assembly (Testville, 2026),' },
);
const B = source(
  2,
  clauses('considering: that standards lower the cost of networks for every country,', 'resolves: to hold regional meetings of study groups.'),
  { header: 'RESOLUTION 2 (Rev. Testville, 2026)', title: 'Regional meetings' },
);

describe('redline', () => {
  const draft = consolidate([A, B]);

  it('gives the draft when every change is accepted, and the source when every change is rejected', () => {
    for (const s of [A, B]) {
      const r = redline(draft, s);
      expect(resolveRedline(r, 'accept')).toEqual(draftParagraphs(draft).map((p) => p.text));
      expect(resolveRedline(r, 'reject')).toEqual(sourceParagraphs(s).map((p) => p.text));
    }
  });

  it('shows a reworded and relabelled clause as word changes, and a heading that moved as deleted and inserted', () => {
    const r = redline(draft, A);
    expect(r.paragraphs.map((p) => `${p.op} ${p.role}: ${marked(p.segments)}`)).toEqual([
      'changed header: {+DRAFT CONSOLIDATED +}RESOLUTION[- 1 (Rev. Testville, 2026)-]',
      'equal title: Bridging the gap',
      'equal formula: The Assembly (Testville, 2026),',
      'equal heading: considering',
      'changed clause: a) that standards lower the cost of networks{+ for every country+};',
      'equal clause: b) that developing countries take part less than others,',
      'delete heading: [-invites Member States-]',
      'delete clause: [-to contribute to the programme,-]',
      'insert heading: {+resolves+}',
      'insert clause: {+to hold regional meetings of study groups,+}',
      'equal heading: instructs the Secretary-General',
      'changed clause: to report to the Council every year[-.-]{+,+}',
      'insert heading: {+invites Member States+}',
      'insert clause: {+to contribute to the programme.+}',
    ]);
    expect(r.summary).toEqual({ equal: 1, changed: 2, inserted: 2, deleted: 1 });
  });

  it('names the clauses it pairs on both sides', () => {
    const pair = redline(draft, B).paragraphs.find((p) => p.role === 'clause' && p.op !== 'insert')!;
    expect(pair).toMatchObject({ sourcePath: 'considering', draftPath: 'considering/a' });
  });

  it('finds no change between a document in the usual order and its consolidation with itself', () => {
    const ordered = source(3, clauses('considering/a: that standards lower costs;', 'considering/b: that gaps remain,', 'resolves: to act,', 'invites Member States: to help.'), { header: 'RESOLUTION 3' });
    const r = redline(consolidate([ordered, { ...ordered, id: 4 }], { header: 'RESOLUTION 3' }), ordered);
    expect(r.paragraphs.map((p) => p.op)).toEqual(Array(r.paragraphs.length).fill('equal'));
    expect(r.summary).toEqual({ equal: 4, changed: 0, inserted: 0, deleted: 0 });
  });

  it('writes a redline as text in the [-deleted-]{+inserted+} notation', () => {
    const text = renderRedlineText(redline(draft, B));
    expect(text.startsWith('{+DRAFT CONSOLIDATED +}RESOLUTION[- 2 (Rev. Testville, 2026)-]\n\n')).toBe(true);
    expect(text).toContain('\n\n{+a) +}that standards lower the cost of networks for every country[-,-]{+;+}\n\n');
  });
});
