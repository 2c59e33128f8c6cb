import { createHash } from 'node:crypto';
import { filterPassages, type StoredPair } from './passages.ts';

export type { StoredPair };

/**
 * Incremental runs: after documents are added or changed, only pairs that
 * involve them are recomputed; the others are kept from the previous run.
 *
 * The engine is run on the changed documents plus their possible partners:
 * documents sharing at least `minShared` word 5-grams with a changed one
 * that are rare in the library (in at most `maxDf` documents), and every document
 * the previous run paired with a changed one (so a pair that no longer
 * overlaps disappears). The engine cannot report a pair that shares no
 * 5-gram (its candidates come from shared 5-word shingles); a pair sharing
 * only very common ones is made of boilerplate, which the engine leaves out.
 * The whole text counts, enacting formula and headings included: a passage
 * in a few texts (up to `maxDf`) brings all of them into the subset, so the
 * engine sees it as often as in a full run and calls it boilerplate or not
 * the same way. (Partners by clause text only were fewer, but then the
 * formula every text of one assembly shares was shared content in the
 * subset and boilerplate in the full run, and containment differed.)
 *
 * What a subset cannot see is the whole library's boilerplate: a passage in
 * fifty texts may sit in only two of the subset. So passages of new pairs that
 * fall on a known boilerplate occurrence of the unchanged side (whose offsets
 * are still valid) are dropped. The boilerplate list itself is the last full
 * run's, minus occurrences in changed or removed documents; a full run
 * refreshes it.
 */

export interface RunDocument {
  id: number;
  text: string;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export interface Changes {
  /** New since the previous run, or their text changed. */
  changed: number[];
  /** In the previous run, gone from the library (or suppressed). */
  removed: number[];
}

export function diffSnapshots(previous: ReadonlyMap<number, string>, current: ReadonlyMap<number, string>): Changes {
  const changed = [...current].filter(([id, hash]) => previous.get(id) !== hash).map(([id]) => id);
  const removed = [...previous.keys()].filter((id) => !current.has(id));
  return { changed: changed.sort((a, b) => a - b), removed: removed.sort((a, b) => a - b) };
}

const SHINGLE = 5;

/** 32-bit hashes of a text's word 5-grams (accents and case folded, as the engine does). */
function shingles(text: string): Set<number> {
  const words = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + SHINGLE; k++) {
      const w = words[k]!;
      for (let c = 0; c < w.length; c++) h = Math.imul(h ^ w.charCodeAt(c), 0x01000193);
      h = Math.imul(h ^ 0x20, 0x01000193);
    }
    out.add(h >>> 0);
  }
  return out;
}

export interface PartnerOptions {
  minShared?: number;
  maxDf?: number;
}

/** Unchanged documents that may overlap a changed one (see above). */
export function findPartners(docs: readonly RunDocument[], changed: ReadonlySet<number>, opts: PartnerOptions = {}): Set<number> {
  const minShared = opts.minShared ?? 2;
  const maxDf = opts.maxDf ?? Math.max(50, Math.ceil(docs.length * 0.05));
  const sets = new Map(docs.map((d) => [d.id, shingles(d.text)]));
  // Which changed documents hold each shingle, and in how many documents it is.
  const holders = new Map<number, number[]>();
  for (const id of changed) for (const s of sets.get(id) ?? []) (holders.get(s) ?? holders.set(s, []).get(s)!).push(id);
  const df = new Map<number, number>();
  for (const set of sets.values()) for (const s of set) if (holders.has(s)) df.set(s, (df.get(s) ?? 0) + 1);
  const partners = new Set<number>();
  for (const [id, set] of sets) {
    if (changed.has(id)) continue;
    const hits = new Map<number, number>();
    for (const s of set) {
      const who = holders.get(s);
      if (!who || df.get(s)! > maxDf) continue;
      for (const c of who) {
        const n = (hits.get(c) ?? 0) + 1;
        hits.set(c, n);
        if (n >= minShared) partners.add(id);
      }
      if (partners.has(id)) break;
    }
  }
  return partners;
}

export interface Occurrence {
  id: number;
  start: number;
  end: number;
}

/** New pairs (from the subset run) without the passages that lie on known boilerplate of their unchanged document. */
export function dropKnownBoilerplate(pairs: readonly StoredPair[], texts: ReadonlyMap<number, string>, changed: ReadonlySet<number>, boilerplate: readonly Occurrence[]): StoredPair[] {
  const byDoc = new Map<number, Occurrence[]>();
  for (const o of boilerplate) if (!changed.has(o.id)) (byDoc.get(o.id) ?? byDoc.set(o.id, []).get(o.id)!).push(o);
  const onBoilerplate = (id: number, [s, e]: [number, number]) =>
    !changed.has(id) && (byDoc.get(id) ?? []).some((o) => Math.min(e, o.end) - Math.max(s, o.start) >= (e - s) / 2);
  return pairs
    .map((p) => filterPassages(p, (x) => !onBoilerplate(p.a, x.a) && !onBoilerplate(p.b, x.b), texts.get(p.a) ?? '', texts.get(p.b) ?? ''))
    .filter((p): p is StoredPair => p !== null);
}

/** Previous pairs untouched by the changes, plus the recomputed ones that involve a changed document. */
export function mergePairs<P extends { a: number; b: number }>(previous: readonly P[], recomputed: readonly P[], changes: Changes): P[] {
  const touched = new Set([...changes.changed, ...changes.removed]);
  const kept = previous.filter((p) => !touched.has(p.a) && !touched.has(p.b));
  const changed = new Set(changes.changed);
  const fresh = recomputed.filter((p) => changed.has(p.a) || changed.has(p.b));
  return [...kept, ...fresh].sort((x, y) => x.a - y.a || x.b - y.b);
}
