import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClauseDiff, WordSegment } from '@mandate/shared';
import { parseResolutionText } from '../text/parse-text.ts';
import { diffRevisions } from './diff-revisions.ts';
import type { ClauseLike } from './types.ts';

/** Clauses written as "heading/num: text"; kind follows the heading. */
function doc(...lines: string[]): ClauseLike[] {
  return lines.map((line) => {
    const [, heading, num, text] = /^([^/:]+)(?:\/([^:]+))?: (.*)$/.exec(line)!;
    return {
      kind: ['considering', 'recognizing', 'noting'].includes(heading!) ? 'preambular' : 'operative',
      heading: heading!,
      num: num ?? '',
      path: num ? `${heading}/${num}` : heading!,
      text: text!,
    };
  });
}

const ops = (clauses: ClauseDiff[]) => clauses.map((c) => `${c.op} ${c.old?.path ?? '-'} → ${c.new?.path ?? '-'}`);
/** Word changes in the usual notation: [-deleted-]{+inserted+}. */
const marked = (words: WordSegment[] | undefined) =>
  (words ?? []).map((w) => (w.op === 'equal' ? w.text : w.op === 'insert' ? `{+${w.text}+}` : `[-${w.text}-]`)).join('');

const BASE = doc(
  'considering/a: that international standards lower the cost of networks for every country',
  'considering/b: that developing countries take part in standardization less than others',
  'resolves/1: to keep the bridging the standardization gap programme under review',
  'resolves/2: to hold regional meetings of study groups in developing countries',
  'resolves/3: to offer fellowships to experts from least developed countries',
  'instructs the Director/1: to report every year to the Council on the programme',
);

describe('diffRevisions', () => {
  it('finds nothing between a document and itself', () => {
    const d = diffRevisions(BASE, BASE);
    expect(d.summary).toEqual({ unchanged: 6, changed: 0, added: 0, removed: 0, moved: 0 });
    expect(d.clauses.every((c) => c.similarity === 1 && c.words === undefined && c.old!.path === c.new!.path)).toBe(true);
  });

  it('handles empty documents', () => {
    expect(diffRevisions([], [])).toEqual({ summary: { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0 }, clauses: [] });
    expect(diffRevisions([], BASE).summary).toMatchObject({ added: 6, unchanged: 0 });
    const gone = diffRevisions(BASE, []);
    expect(gone.summary).toMatchObject({ removed: 6 });
    expect(gone.clauses.map((c) => c.old!.path)).toEqual(BASE.map((c) => c.path));
  });

  it('keeps a renumbered clause unchanged and reports both paths', () => {
    const newer = doc(
      'considering/a: that international standards lower the cost of networks for every country',
      'considering/b: that developing countries take part in standardization less than others',
      'resolves/1: to keep the bridging the standardization gap programme under review',
      'resolves/2: to set up regional standardization bodies where members ask for them',
      'resolves/3: to hold regional meetings of study groups in developing countries',
      'resolves/4: to offer fellowships to experts from least developed countries',
      'instructs the Director/1: to report every year to the Council on the programme',
    );
    const d = diffRevisions(BASE, newer);
    expect(d.summary).toEqual({ unchanged: 6, changed: 0, added: 1, removed: 0, moved: 0 });
    expect(ops(d.clauses).slice(2, 6)).toEqual(['unchanged resolves/1 → resolves/1', 'added - → resolves/2', 'unchanged resolves/2 → resolves/3', 'unchanged resolves/3 → resolves/4']);
  });

  it('shows word-level changes of a reworded clause', () => {
    const newer = BASE.map((c) => (c.path === 'resolves/2' ? { ...c, text: 'to hold regional meetings and workshops of study groups in least developed countries' } : c));
    const d = diffRevisions(BASE, newer);
    expect(d.summary).toMatchObject({ changed: 1, unchanged: 5 });
    const changed = d.clauses.find((c) => c.op === 'changed')!;
    expect(marked(changed.words)).toBe('to hold regional meetings {+and workshops +}of study groups in [-developing-]{+least developed+} countries');
    expect(changed.similarity).toBeGreaterThan(0.5);
    expect(changed.similarity).toBeLessThan(1);
  });

  it('treats a clause’s closing punctuation and whitespace as no change', () => {
    const newer = BASE.map((c, i) => ({ ...c, text: `${c.text.replace(/ /g, i % 2 ? '  ' : ' \n')}${i === 5 ? '.' : '; and'}` }));
    expect(diffRevisions(BASE, newer).summary.unchanged).toBe(6);
  });

  it('marks a clause that left its place as moved, with where it was and where it is', () => {
    const [a, b, r1, r2, r3, instr] = BASE;
    const newer = [a!, b!, { ...r2!, num: '1', path: 'resolves/1' }, { ...r3!, num: '2', path: 'resolves/2' }, { ...r1!, num: '3', path: 'resolves/3' }, instr!];
    const d = diffRevisions(BASE, newer);
    expect(d.summary).toEqual({ unchanged: 5, changed: 0, added: 0, removed: 0, moved: 1 });
    const moved = d.clauses.find((c) => c.op === 'moved')!;
    expect([moved.old!.path, moved.new!.path, moved.words]).toEqual(['resolves/1', 'resolves/3', undefined]);
    // Reading order is the newer revision's: the moved clause stands at its new place.
    expect(d.clauses.map((c) => c.new?.path)).toEqual(newer.map((c) => c.path));
  });

  it('gives a moved and reworded clause its word changes', () => {
    const newer = [...BASE.filter((c) => c.path !== 'resolves/1'), { ...BASE[2]!, heading: 'instructs the Director', num: '2', path: 'instructs the Director/2', text: 'to keep the bridging the standardization gap programme under close review' }];
    const d = diffRevisions(BASE, newer);
    const moved = d.clauses.find((c) => c.op === 'moved')!;
    expect([moved.old!.path, moved.new!.path]).toEqual(['resolves/1', 'instructs the Director/2']);
    expect(marked(moved.words)).toBe('to keep the bridging the standardization gap programme under {+close +}review');
  });

  it('moves a clause that stays in order but changes heading', () => {
    const newer = doc(
      'considering/a: that international standards lower the cost of networks for every country',
      'recognizing/a: that developing countries take part in standardization less than others',
      ...['resolves/1', 'resolves/2', 'resolves/3'].map((p) => `${p}: ${BASE.find((c) => c.path === p)!.text}`),
      'instructs the Director/1: to report every year to the Council on the programme',
    );
    expect(ops(diffRevisions(BASE, newer).clauses)[1]).toBe('moved considering/b → recognizing/a');
  });

  it('pairs one half of a split clause and adds the other; a merge is the reverse', () => {
    const older = doc('resolves/1: to hold regional meetings of study groups in developing countries and to offer fellowships to experts from least developed countries', 'resolves/2: to report on the programme');
    const newer = doc('resolves/1: to hold regional meetings of study groups in developing countries', 'resolves/2: to offer fellowships to experts from least developed countries', 'resolves/3: to report on the programme');
    const split = diffRevisions(older, newer);
    expect(split.summary).toEqual({ unchanged: 1, changed: 1, added: 1, removed: 0, moved: 0 });
    expect(ops(split.clauses)).toEqual(['changed resolves/1 → resolves/1', 'added - → resolves/2', 'unchanged resolves/2 → resolves/3']);
    const merge = diffRevisions(newer, older);
    expect(merge.summary).toEqual({ unchanged: 1, changed: 1, added: 0, removed: 1, moved: 0 });
  });

  it('does not pair unrelated clauses that share only common words', () => {
    const older = doc('resolves/1: to continue the study of the numbering of the networks of the future', 'resolves/2: to report on the programme');
    const newer = doc('resolves/1: to invite the members of the union to the meeting of the assembly', 'resolves/2: to report on the programme');
    expect(ops(diffRevisions(older, newer).clauses)).toEqual(['removed resolves/1 → -', 'added - → resolves/1', 'unchanged resolves/2 → resolves/2']);
  });

  it('keeps a removed clause in its section, before what was added there', () => {
    const older = doc('considering/a: that spam costs networks dearly', 'considering/b: that filters need common formats', 'resolves/1: to study spam filtering', 'instructs the Director/1: to hold a workshop on spam', 'instructs the Director/2: to report to the Council');
    const newer = doc('considering/a: that spam costs networks dearly', 'considering/b: that filters need common formats', 'resolves/1: to study spam filtering', 'resolves/2: to study the labelling of bulk messages', 'instructs the Director/1: to publish guidelines for operators', 'instructs the Director/2: to report to the Council');
    expect(ops(diffRevisions(older, newer).clauses).slice(3, 6)).toEqual(['added - → resolves/2', 'removed instructs the Director/1 → -', 'added - → instructs the Director/1']);
  });

  it('pairs the demo’s two revisions of WTSA Resolution 64 as a reader would', () => {
    const read = (name: string) => parseResolutionText(readFileSync(new URL(`../../demo/corpus/${name}`, import.meta.url), 'utf8'), { fileName: name }).clauses;
    const d = diffRevisions(read('wtsa20-res-064.txt'), read('wtsa24-res-064.txt'));
    expect(d.summary).toEqual({ unchanged: 9, changed: 3, added: 6, removed: 2, moved: 0 });
    const sg13 = d.clauses.find((c) => c.new?.path === 'instructs-study-group-13')!;
    expect(marked(sg13.words)).toContain('[-next-generation-]{+the Internet of things and in future+}');
    // "invites" gained a number: the same text, renumbered.
    expect(d.clauses.find((c) => c.old?.path === 'invites-member-states-and-sector-members')!.new!.path).toBe('invites-member-states-and-sector-members/1');
  });
});
