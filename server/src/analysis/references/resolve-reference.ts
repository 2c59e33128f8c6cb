import { ITU_MEETINGS } from './itu-meetings.ts';
import type { ReferenceTarget } from './types.ts';

/**
 * Resolves a citation's target against the library: which document it names,
 * and whether that is still the text in force. Pure: the caller loads the
 * library once (`indexLibrary`) and resolves any number of citations against
 * it, so the answer always reflects the library as it is now.
 *
 *   resolved   the cited document is in the library and in force
 *   outdated   the cited revision is no longer in force: a newer revision
 *              is (`current`), or the text was suppressed (no `current`)
 *   unknown    the library has no such document (`external` when it holds
 *              nothing of that body and kind at all: ITU-T Recommendations,
 *              Questions, UN document symbols, another body's resolutions)
 *   ambiguous  the citation names no body and several bodies have a text
 *              with that number (`candidates`)
 */

export type ReferenceStatus = 'resolved' | 'outdated' | 'unknown' | 'ambiguous';

/** What the resolver needs to know of each library document. */
export interface LibraryDocument {
  id: number;
  body: string;
  kind: string;
  number: string;
  revision: string;
  year: number | null;
  /** in_force, superseded or suppressed. */
  status: string;
}

export interface ReferenceResolution {
  status: ReferenceStatus;
  /** The cited document, when the library holds the revision cited (or, without a revision, the one in force). */
  documentId?: number;
  /** The revision in force of the cited lineage, when the citation is outdated. */
  current?: number;
  /** One document per possible lineage, when ambiguous. */
  candidates?: number[];
  /** The library holds no document of the target's body and kind: a citation of something we do not keep. */
  external: boolean;
  /**
   * Set when the citation turned out to be another body's than the text
   * suggested (its revision names that body's meeting); "" when several
   * bodies met there and the library cannot tell which.
   */
  body?: string;
}

export interface LibraryIndex {
  /** Revisions of each lineage (body + kind + number), newest first. */
  lineages: Map<string, LibraryDocument[]>;
  /** Lineage keys by kind + number, for citations that name no body. */
  byKindNumber: Map<string, string[]>;
  /** body + kind pairs the library holds at least one document of. */
  held: Set<string>;
  heldKinds: Set<string>;
  /** Bodies that met at a place and year ("buenos aires 2017" → WTDC): ITU_MEETINGS plus the library's own revisions. */
  meetings: Map<string, Set<string>>;
}

const key = (...parts: string[]) => parts.join('\u0000');

export function indexLibrary(docs: Iterable<LibraryDocument>): LibraryIndex {
  const index: LibraryIndex = { lineages: new Map(), byKindNumber: new Map(), held: new Set(), heldKinds: new Set(), meetings: new Map() };
  const met = (body: string, revision: string) => {
    const k = meetingKey(revision);
    if (k) index.meetings.set(k, (index.meetings.get(k) ?? new Set()).add(body));
  };
  for (const [body, place, year] of ITU_MEETINGS) met(body, `${place}, ${year}`);
  for (const d of docs) {
    const lineageKey = key(d.body, d.kind, d.number);
    const lineage = index.lineages.get(lineageKey);
    if (lineage) lineage.push(d);
    else {
      index.lineages.set(lineageKey, [d]);
      const kn = key(d.kind, d.number);
      index.byKindNumber.set(kn, [...(index.byKindNumber.get(kn) ?? []), lineageKey]);
    }
    index.held.add(key(d.body, d.kind));
    index.heldKinds.add(d.kind);
    met(d.body, d.revision);
  }
  for (const lineage of index.lineages.values()) lineage.sort((a, b) => (yearOf(b) ?? 0) - (yearOf(a) ?? 0) || b.id - a.id);
  return index;
}

/**
 * `citingBody` is the body of the document the citation stands in: a
 * citation stored with no body ("Resolution 101 (Rev. Bucharest, 2022)" in a
 * text whose body the parser could not tell at the time) means that body.
 */
export function resolveReference(target: ReferenceTarget, citingBody: string, index: LibraryIndex): ReferenceResolution {
  const body = target.body || citingBody;
  const met = target.revision ? index.meetings.get(meetingKey(target.revision) ?? '') : undefined;
  if (met && !met.has(body)) return resolveAtMeeting([...met], target, index);
  if (!body) return resolveAmong(index.byKindNumber.get(key(target.kind, target.number)) ?? [], target, index, index.heldKinds.has(target.kind));
  return resolveInBody(body, target, index);
}

function resolveInBody(body: string, target: ReferenceTarget, index: LibraryIndex): ReferenceResolution {
  if (!index.held.has(key(body, target.kind))) return { status: 'unknown', external: true };
  const lineage = index.lineages.get(key(body, target.kind, target.number));
  return lineage ? resolveInLineage(target, lineage) : { status: 'unknown', external: false };
}

/**
 * The revision names a meeting of other bodies: the citation is theirs,
 * whatever body the context suggested ("Resolution 23 (Rev. Buenos Aires,
 * 2017)" in a PP text is WTDC's). Where two bodies met together (RA and
 * WRC, WTSA and WCIT in Dubai in 2012) only a revision the library holds
 * tells whose it is; the year alone could pin it on the wrong one.
 */
function resolveAtMeeting(bodies: string[], target: ReferenceTarget, index: LibraryIndex): ReferenceResolution {
  if (bodies.length === 1) return { ...resolveInBody(bodies[0]!, target, index), body: bodies[0]! };
  const held = bodies.flatMap((b) => {
    const r = resolveInBody(b, target, index);
    return r.documentId !== undefined ? [{ b, r }] : [];
  });
  if (held.length === 1) return { ...held[0]!.r, body: held[0]!.b };
  const external = bodies.every((b) => !index.held.has(key(b, target.kind)));
  if (held.length > 1) return { status: 'ambiguous', candidates: held.map((h) => h.r.documentId!), external, body: '' };
  return { status: 'unknown', external, body: '' };
}

/** Several bodies could be meant; `held`: the library keeps texts of at least one of them (of that kind). */
function resolveAmong(lineageKeys: string[], target: ReferenceTarget, index: LibraryIndex, held: boolean): ReferenceResolution {
  if (!held) return { status: 'unknown', external: true };
  const results = lineageKeys.flatMap((k) => {
    const lineage = index.lineages.get(k);
    return lineage ? [resolveInLineage(target, lineage)] : [];
  });
  if (results.length <= 1) return results[0] ?? { status: 'unknown', external: false };
  // A revision held by one body only tells them apart ("Resolution 71 (Rev. Dubai, 2018)": PP met in Dubai that year, WTSA did not).
  const cited = citesRevision(target) ? results.filter((r) => r.documentId !== undefined) : [];
  if (cited.length === 1) return cited[0]!;
  const pool = cited.length > 1 ? cited : results;
  const candidates = pool.map((r) => r.documentId ?? r.current ?? r.candidates?.[0]).filter((id): id is number => id !== undefined);
  return { status: 'ambiguous', candidates, external: false };
}

function resolveInLineage(target: ReferenceTarget, lineage: LibraryDocument[]): ReferenceResolution {
  const current = lineage.find((d) => d.status === 'in_force');
  if (!citesRevision(target)) {
    // No revision named: the citation means the text as it stands, i.e. the revision in force.
    if (current) return { status: 'resolved', documentId: current.id, external: false };
    // Every revision superseded or suppressed: the lineage itself is gone.
    return { status: 'outdated', documentId: lineage[0]!.id, external: false };
  }
  const matches = revisionMatches(target, lineage);
  if (matches.length > 1) return { status: 'ambiguous', candidates: matches.map((d) => d.id), external: false };
  const [match] = matches;
  if (match) {
    if (match.status === 'in_force') return { status: 'resolved', documentId: match.id, external: false };
    return { status: 'outdated', documentId: match.id, ...(current && current.id !== match.id ? { current: current.id } : {}), external: false };
  }
  // The cited revision is not in the library, but its lineage is. When the
  // revision in force is from a later year, the cited text has since been
  // revised whether or not we hold it: outdated. When the citation is as new
  // as what we hold or newer (a 2022 text cited while we hold 2018), the
  // library is probably missing the newest revision: we cannot tell, so
  // unknown. UN resolutions (a bare year for revision) are never revised, so a
  // year that does not match is a wrong citation, not an old one: unknown.
  const citedYear = target.year ?? yearIn(target.revision ?? '');
  const currentYear = current ? yearOf(current) : null;
  if (current && citedYear !== null && currentYear !== null && citedYear < currentYear && isRevisable(current)) {
    return { status: 'outdated', current: current.id, external: false };
  }
  return { status: 'unknown', external: false };
}

const citesRevision = (t: ReferenceTarget) => Boolean(t.revision) || t.year !== undefined;

/**
 * The revisions a citation names. The revision text decides first ("Rev.
 * Dubai, 2018" = "Dubai, 2018": "Rev." only says it was not the first
 * version); failing that, the year, because a body meets at most once a year
 * and the place is what OCR and typists get wrong.
 */
function revisionMatches(target: ReferenceTarget, lineage: LibraryDocument[]): LibraryDocument[] {
  if (target.revision) {
    const wanted = revisionKey(target.revision);
    const exact = lineage.filter((d) => revisionKey(d.revision) === wanted);
    if (exact.length > 0) return exact;
  }
  const year = target.year ?? yearIn(target.revision ?? '');
  return year === null ? [] : lineage.filter((d) => yearOf(d) === year);
}

/** "Rev. Dubai, 2018", "Dubai 2018" and "rev. DUBAI, 2018" are one revision. */
export function revisionKey(revision: string): string {
  return revision
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^\s*rev(?:\.|ised)?\s*/, '')
    .replace(/[.,;()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Rev. Buenos Aires, 2017" → "buenos aires 2017"; null for what names no place ("1964", "C15, last amended C19"). */
function meetingKey(revision: string): string | null {
  const k = revisionKey(revision);
  return /\p{L}/u.test(k) && /^[^\d]+ \d{4}$/.test(k) ? k : null;
}

function yearIn(text: string): number | null {
  const years = text.match(/\b(?:1[89]\d\d|20\d\d)\b/g);
  return years ? Number(years[years.length - 1]) : null;
}

const yearOf = (d: LibraryDocument) => d.year ?? yearIn(d.revision);

/** ITU-style revisions name a place ("Rev. Dubai, 2018"); a bare year ("1964") is a UN resolution, adopted once. */
const isRevisable = (d: LibraryDocument) => !/^\s*\d{4}\s*$/.test(d.revision);
