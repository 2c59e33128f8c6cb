import { describe, expect, it } from 'vitest';
import { depthOf, numbersOf, placeOf } from './place.ts';

describe('where a clause stands', () => {
  it('reads a path as people cite the clause', () => {
    expect(placeOf({ heading: 'resolves', path: 'resolves/2/a' })).toBe('resolves 2 a');
    expect(placeOf({ heading: 'invites Member States', path: 'invites-member-states' })).toBe('invites Member States');
    expect(placeOf({ heading: '', path: 'preamble/3' })).toBe('preamble 3');
    expect(numbersOf({ path: 'considering/b' })).toBe('b');
    expect(numbersOf({ path: 'noting' })).toBe('');
    expect([depthOf({ path: 'resolves/2' }), depthOf({ path: 'resolves/2/a' }), depthOf({ path: 'noting' })]).toEqual([0, 1, 0]);
  });
});
