import { describe, expect, it } from 'vitest';
import { parseSearch, stringifySearch } from './search.ts';
import { actionFilterQuery, actionListQuery, validateActionSearch } from './features/actions/search.ts';
import { validateDocumentSearch } from './features/documents/search.ts';

describe('URL search params', () => {
  it('round-trips the plan filters as plain, API-shaped params', () => {
    const search = validateActionSearch(parseSearch('?q=AI%20for%20good&status=in_progress,completed&overdue=true&documentId=12&offset=50'));
    expect(search).toMatchObject({ q: 'AI for good', status: ['in_progress', 'completed'], overdue: true, documentId: 12, offset: 50 });
    expect(stringifySearch(search)).toBe('?q=AI+for+good&status=in_progress,completed&documentId=12&overdue=true&offset=50');
  });

  it('drops unknown statuses, bad numbers and empty values instead of failing', () => {
    const search = validateActionSearch(parseSearch('?status=done,on_hold&documentId=abc&limit=0&q=%20%20&overdue=false&sort=nope'));
    expect(search.status).toEqual(['on_hold']);
    expect(search.documentId).toBeUndefined();
    expect(search.limit).toBeUndefined();
    expect(search.q).toBeUndefined();
    expect(search.overdue).toBeUndefined();
    expect(search.sort).toBeUndefined();
    expect(stringifySearch(search)).toBe('?status=on_hold');
  });

  it('keeps numeric-looking text as text (a search for "2018" is not a number)', () => {
    expect(validateActionSearch(parseSearch('?q=2018')).q).toBe('2018');
    expect(validateDocumentSearch(parseSearch('?year=2018&kind=resolution&status=bogus'))).toMatchObject({ year: 2018, kind: 'resolution', status: undefined });
  });

  it('builds the API query with defaults, and export filters without paging', () => {
    const search = validateActionSearch({ status: 'ongoing', stale: 'true' });
    expect(actionListQuery(search)).toMatchObject({ status: 'ongoing', stale: true, sort: 'ref', order: 'asc', limit: 50, offset: 0 });
    expect(actionFilterQuery(search)).not.toHaveProperty('limit');
  });

  it('writes nothing for an empty search', () => {
    expect(stringifySearch({ q: undefined, status: [], overdue: undefined })).toBe('');
  });
});
