import { describe, expect, it } from 'vitest';
import { extractReferences } from './extract-references.ts';
import { indexLibrary, resolveReference, revisionKey, type LibraryDocument } from './resolve-reference.ts';
import type { ReferenceTarget } from './types.ts';

let nextId = 1;
const doc = (body: string, number: string, revision: string, status = 'in_force', kind = 'resolution'): LibraryDocument => ({
  id: nextId++,
  body,
  kind,
  number,
  revision,
  year: Number(/\d{4}/.exec(revision)?.[0]) || null,
  status,
});

const pp175Dubai = doc('PP', '175', 'Rev. Dubai, 2018', 'superseded');
const pp175Bucharest = doc('PP', '175', 'Rev. Bucharest, 2022');
const pp71 = doc('PP', '71', 'Rev. Dubai, 2018');
const wtsa71 = doc('WTSA', '71', 'Rev. Geneva, 2022');
const wtsa50Geneva = doc('WTSA', '50', 'Rev. Geneva, 2022', 'superseded');
const wtsa50Delhi = doc('WTSA', '50', 'Rev. New Delhi, 2024');
const pp2 = doc('PP', '2', 'Rev. Dubai, 2018');
const pp99 = doc('PP', '99', 'Rev. Dubai, 2018', 'suppressed');
const unsc186 = doc('UNSC', '186', '1964');
const ppDec5 = doc('PP', '5', 'Rev. Dubai, 2018', 'in_force', 'decision');
const pp48 = doc('PP', '48', 'Rev. Dubai, 2018');
const library = indexLibrary([pp175Dubai, pp175Bucharest, pp71, wtsa71, wtsa50Geneva, wtsa50Delhi, pp2, pp99, unsc186, ppDec5, pp48]);

const t = (body: string, number: string, more: Partial<ReferenceTarget> = {}): ReferenceTarget => ({ body, kind: 'resolution', number, ...more });
/** Resolves the first citation the extractor finds in `text`, as the report does. */
const cite = (text: string, issuer: string) => {
  const [ref] = extractReferences(text, { issuer });
  return resolveReference(ref!.target, issuer, library);
};

describe('resolveReference', () => {
  it('resolves a citation of the revision in force', () => {
    expect(cite('PP Res. 175 (Rev. Bucharest, 2022)', 'WTSA')).toEqual({ status: 'resolved', documentId: pp175Bucharest.id, external: false });
  });

  it('calls a held, superseded revision outdated and points at the one in force', () => {
    expect(cite('PP Res. 175 (Rev. Dubai, 2018)', 'WTSA')).toEqual({ status: 'outdated', documentId: pp175Dubai.id, current: pp175Bucharest.id, external: false });
  });

  it('reads a citation without revision as the revision in force', () => {
    expect(resolveReference(t('PP', '175'), 'WTSA', library)).toMatchObject({ status: 'resolved', documentId: pp175Bucharest.id });
  });

  it('gives a bodiless citation the citing document’s body', () => {
    expect(resolveReference(t('', '71', { revision: 'Rev. Dubai, 2018', year: 2018 }), 'PP', library)).toMatchObject({ status: 'resolved', documentId: pp71.id });
    expect(cite('Resolution 71 (Rev. Dubai, 2018) of this conference', 'PP')).toMatchObject({ status: 'resolved', documentId: pp71.id });
  });

  it('treats "Rev." and spelling of the revision as noise, and falls back to the year', () => {
    expect(revisionKey('Rev. Dubai, 2018')).toBe(revisionKey('dubai 2018'));
    expect(resolveReference(t('PP', '2', { revision: 'Dubai, 2018', year: 2018 }), '', library)).toMatchObject({ status: 'resolved', documentId: pp2.id });
    expect(resolveReference(t('PP', '2', { revision: 'Rev. Dubay, 2018', year: 2018 }), '', library)).toMatchObject({ status: 'resolved', documentId: pp2.id });
  });

  it('calls an unheld revision older than the one in force outdated, and a newer one unknown', () => {
    // WTSA-24 held; a text still cites Rev. Hammamet, 2016, which the library never had.
    expect(resolveReference(t('WTSA', '50', { revision: 'Rev. Hammamet, 2016', year: 2016 }), '', library)).toEqual({ status: 'outdated', current: wtsa50Delhi.id, external: false });
    // PP-22 text cited while the library holds PP-18 only: the library is behind, not the citation.
    expect(resolveReference(t('PP', '71', { revision: 'Rev. Bucharest, 2022', year: 2022 }), '', library)).toEqual({ status: 'unknown', external: false });
  });

  it('calls a citation of a suppressed text outdated, with nothing in force to point at', () => {
    expect(resolveReference(t('PP', '99', { revision: 'Rev. Dubai, 2018', year: 2018 }), '', library)).toEqual({ status: 'outdated', documentId: pp99.id, external: false });
    expect(resolveReference(t('PP', '99'), '', library)).toEqual({ status: 'outdated', documentId: pp99.id, external: false });
  });

  it('matches UN resolutions on number and year, and never calls them outdated', () => {
    expect(cite('Recalling its resolution 186 (1964) of 4 March', 'UNSC')).toMatchObject({ status: 'resolved', documentId: unsc186.id });
    expect(resolveReference(t('UNSC', '186', { revision: '1963', year: 1963 }), '', library)).toEqual({ status: 'unknown', external: false });
    expect(resolveReference(t('UNSC', '999', { revision: '1970', year: 1970 }), '', library)).toEqual({ status: 'unknown', external: false });
  });

  it('keeps kinds apart: PP Decision 5 is not PP Resolution 5', () => {
    expect(cite('PP Dec. 5 (Rev. Dubai, 2018)', '')).toMatchObject({ status: 'resolved', documentId: ppDec5.id });
    expect(resolveReference(t('PP', '5'), '', library)).toEqual({ status: 'unknown', external: false });
  });

  it('is ambiguous when no body is known and several bodies have the number, unless the revision tells', () => {
    const r = resolveReference(t('', '71'), '', library);
    expect(r.status).toBe('ambiguous');
    expect(r.candidates?.sort()).toEqual([pp71.id, wtsa71.id].sort());
    expect(resolveReference(t('', '71', { revision: 'Rev. Geneva, 2022', year: 2022 }), '', library)).toMatchObject({ status: 'resolved', documentId: wtsa71.id, body: 'WTSA' });
    expect(resolveReference(t('', '175'), '', library)).toMatchObject({ status: 'resolved', documentId: pp175Bucharest.id });
  });

  it('lets the meeting a revision names decide the body the context suggested', () => {
    // In a PP text, but WTSA met in Dubai in 2012 (PP did not): not a 2012 revision of PP Resolution 48, and WTSA-12 texts are not held.
    expect(extractReferences('Resolutions 47 and 48 (Rev. Dubai, 2012)', { issuer: 'PP' })[1]!.target).toMatchObject({ body: 'PP', number: '48' });
    expect(resolveReference(t('PP', '48', { revision: 'Rev. Dubai, 2012', year: 2012 }), 'PP', library)).toEqual({ status: 'unknown', external: false, body: '' });
    expect(cite('Resolution 23 (Rev. Buenos Aires, 2017)', 'PP')).toEqual({ status: 'unknown', external: true, body: 'WTDC' });
    expect(cite('Resolution 50 (Rev. Geneva, 2022)', 'PP')).toEqual({ status: 'outdated', documentId: wtsa50Geneva.id, current: wtsa50Delhi.id, external: false, body: 'WTSA' });
    // WTSA and WCIT both met in Dubai in 2012: an unheld "Resolution 71 (Dubai, 2012)" is not WTSA's 71 made outdated by the year.
    expect(resolveReference(t('PP', '71', { revision: 'Dubai, 2012', year: 2012 }), 'PP', library)).toEqual({ status: 'unknown', external: false, body: '' });
    // Meetings the library holds texts of count too.
    const withRa = indexLibrary([doc('RA', '1', 'Rev. Atlantis, 2031')]);
    expect(resolveReference(t('PP', '1', { revision: 'Rev. Atlantis, 2031', year: 2031 }), 'PP', withRa)).toMatchObject({ status: 'resolved' });
  });

  it('marks what the library does not keep at all as external', () => {
    for (const text of ['Recommendation ITU-T A.1', 'Question 4/20', 'WSIS Action Line C2', 'A/74/821', 'WTDC Resolution 58 (Rev. Buenos Aires, 2017)', 'General Assembly resolution 3379 (XXX)']) {
      expect(cite(text, 'PP'), text).toEqual({ status: 'unknown', external: true });
    }
  });

  it('does not mark a missing text of a body we keep as external', () => {
    expect(resolveReference(t('PP', '1000'), '', library)).toEqual({ status: 'unknown', external: false });
  });

  it('answers unknown on an empty library', () => {
    expect(resolveReference(t('PP', '71'), '', indexLibrary([]))).toEqual({ status: 'unknown', external: true });
  });
});
