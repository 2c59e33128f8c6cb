import { describe, expect, it } from 'vitest';
import { formatValue, listChange } from './format-change.ts';
import { myChanges, threeWay } from '../actions/detail/three-way.ts';

const w = { empty: '—', yes: 'yes', no: 'no' };

describe('history values', () => {
  it('reads like a person wrote it', () => {
    expect(formatValue(null, w)).toBe('—');
    expect(formatValue('', w)).toBe('—');
    expect(formatValue(true, w)).toBe('yes');
    expect(formatValue(['SG17', 'TSB'], w)).toBe('SG17, TSB');
    expect(formatValue([{ clauseId: 3, label: 'Res. 1 · resolves 2' }], w)).toBe('Res. 1 · resolves 2');
    expect(formatValue({ id: 9, date: '2026-05-02', text: 'Held.' }, w)).toBe('2026-05-02: Held.');
    expect(formatValue('x'.repeat(500), w)).toHaveLength(160);
  });

  it('shows list changes as added and removed', () => {
    expect(listChange(['a', 'b'], ['b', 'c'], w)).toEqual({ added: ['c'], removed: ['a'] });
    expect(listChange(null, ['a'], w)).toEqual({ added: ['a'], removed: [] });
    expect(listChange('a', 'b', w)).toBeNull();
  });
});

describe('three-way view of a stale save', () => {
  const fields = ['title', 'status', 'tags'] as const;
  const base = { title: 'T', status: 'in_progress', tags: ['a'] };

  it('shows what each side changed, flags real conflicts, and re-sends only my changes', () => {
    const rows = threeWay(fields, base, { title: 'Mine', status: 'in_progress', tags: ['a'] }, { title: 'Theirs', status: 'completed', tags: ['a'] });
    expect(rows).toEqual([
      { field: 'title', theirs: 'Theirs', mine: 'Mine', changedByMe: true, changedByThem: true, conflict: true },
      { field: 'status', theirs: 'completed', mine: 'in_progress', changedByMe: false, changedByThem: true, conflict: false },
    ]);
    // Keeping mine must not undo their status change.
    expect(myChanges(rows)).toEqual({ title: 'Mine' });
  });

  it('is no conflict when both made the same change', () => {
    const rows = threeWay(fields, base, { tags: ['a', 'b'] }, { ...base, tags: ['a', 'b'] });
    expect(rows).toEqual([{ field: 'tags', theirs: ['a', 'b'], mine: ['a', 'b'], changedByMe: true, changedByThem: true, conflict: false }]);
  });
});
