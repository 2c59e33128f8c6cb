import { describe, expect, it } from 'vitest';
import { validateConsolidateSearch } from './search.ts';
import { shortPath } from './short-path.ts';

describe('consolidate page helpers', () => {
  it('reads ?ids=1,2 as distinct positive ids, at most ten', () => {
    expect(validateConsolidateSearch({ ids: '12,40' })).toEqual({ ids: [12, 40] });
    expect(validateConsolidateSearch({ ids: '3, 3,x,-1,0,2.5,7' })).toEqual({ ids: [3, 7] });
    expect(validateConsolidateSearch({ ids: [5, 6] })).toEqual({ ids: [5, 6] });
    expect(validateConsolidateSearch({})).toEqual({ ids: undefined });
    expect(validateConsolidateSearch({ ids: Array.from({ length: 12 }, (_, i) => i + 1).join(',') }).ids).toHaveLength(10);
  });

  it('shortens long heading slugs in origin chips, keeping the number path', () => {
    expect(shortPath('instructs-the-director-of-the-telecommunication-standardization-bureau/1')).toBe('instructs…/1');
    expect(shortPath('resolves/2/a')).toBe('resolves/2/a');
    expect(shortPath('bearing-in-mind/a')).toBe('bearing-in-mind/a');
    expect(shortPath('instructs-the-secretary-general#2')).toBe('instructs…#2');
    expect(shortPath('considering-further/b')).toBe('considering-further/b');
  });
});
