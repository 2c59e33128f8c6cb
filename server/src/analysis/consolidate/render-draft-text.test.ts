import { describe, expect, it } from 'vitest';
import { parseResolutionText } from '../text/parse-text.ts';
import { consolidate } from './consolidate.ts';
import { headerLine, renderDraftText } from './render-draft-text.ts';
import { clauses, source } from './test-fixtures.ts';

describe('renderDraftText', () => {
  const a = source(1, clauses('considering/a: that standards lower costs;', 'considering/b: that gaps remain,', 'resolves/1: to act;', 'resolves/2: to report,', 'invites Member States: to help.'), {
    title: 'Bridging the gap',
    preamble: 'The World Telecommunication Standardization Assembly (Testville, 2026),',
  });
  const b = source(2, clauses('noting: that workshops help,', 'resolves: to hold workshops.'));
  const draft = consolidate([a, b]);

  it('lays the draft out as an ITU text: header, title, formula, headings and numbered clauses', () => {
    expect(renderDraftText(draft)).toBe(
      [
        'DRAFT CONSOLIDATED RESOLUTION',
        'Bridging the gap',
        'The World Telecommunication Standardization Assembly (Testville, 2026),',
        'considering',
        'a) that standards lower costs;',
        'b) that gaps remain,',
        'noting',
        'that workshops help,',
        'resolves',
        '1 to act;',
        '2 to report;',
        '3 to hold workshops,',
        'invites Member States',
        'to help.',
      ].join('\n\n') + '\n',
    );
  });

  it('reads back through the text parser as the same clauses', () => {
    const back = parseResolutionText(renderDraftText(draft));
    // The parser knows no "DRAFT" header, so it reads it as part of the title; the clauses are what matter.
    expect(back.title).toContain('Bridging the gap');
    expect(back.clauses.map((c) => [c.kind, c.heading, c.num, c.text])).toEqual(draft.clauses.map((c) => [c.kind, c.heading, c.num, c.text]));
  });

  it('prints a document\'s header as the renderer does', () => {
    expect(headerLine({ kind: 'resolution', number: '64', revision: 'Rev. Dubai, 2018' })).toBe('RESOLUTION 64 (Rev. Dubai, 2018)');
    expect(headerLine({ kind: 'decision', number: '5', revision: '' })).toBe('DECISION 5');
  });
});
