/**
 * Builds eval/labels/overlap/pairs.json: labelled UNSC document pairs for
 * `npm run eval:overlap`. Shares no code with the overlap engine.
 *
 *   node server/bin/run-ts.mjs eval/labels/overlap/build-pairs.ts            # writes pairs.json
 *   node server/bin/run-ts.mjs eval/labels/overlap/build-pairs.ts --review   # prints evidence to read
 *
 * 1. Candidates: consecutive resolutions of one subject family (families.ts),
 *    other pairs with long specific shared runs, and negatives sampled across
 *    regions (random; same year and both short; sharing only generic wording).
 * 2. A proposal from the shared-run measure (shared-runs.ts).
 * 3. The verdicts of a person who read the evidence (eye-checks.json) override
 *    the proposal and are recorded in the output. Re-running is deterministic.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prng } from '../../prng.ts';
import { FAMILIES, body, familyOf, type Family } from './families.ts';
import { evidence, genericGrams, gramSet, longestCommonRun, tokenize, words, type SharedEvidence, type Token } from './shared-runs.ts';

const HERE = import.meta.dirname;
const DIR = path.resolve(HERE, '../../../../shared/data/unsc-resolutions/texts');
const OUT = path.join(HERE, 'pairs.json');
const EYE = path.join(HERE, 'eye-checks.json');

/** Proposal thresholds (words of the shared-run measure). */
export const RULE = {
  /** overlap: at least this many words of specific (non-generic) shared runs… */
  overlapSpecific: 20,
  /** unrelated: fewer than this many specific shared words… */
  unrelatedSpecific: 8,
  /** …and fewer than this many shared words in all (generic included) */
  unrelatedShared: 20,
  /** "short" for the same-year hard negatives */
  shortWords: 200,
};
const COUNTS = { random: 140, sameYearShort: 45, boilerplate: 50, otherReusePerFamily: 5, crossFamily: 30 };

export type Label = 'overlap' | 'unrelated' | 'unscored';
export interface LabelledPair {
  a: string;
  b: string;
  label: Label;
  category: string;
  why: string;
  evidence: { sharedWords: number; specificWords: number; longestSpecific: number; longestCommonRun: number };
  proposal: Label;
  eye?: { verdict: Label; note: string };
}

interface Doc {
  id: string;
  n: number;
  year: number;
  text: string;
  tokens: Token[];
  family?: Family;
  group: string;
}

function loadDocs(): Doc[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((id) => {
      const text = readFileSync(path.join(DIR, id), 'utf8');
      const [, , n, y] = id.split('_');
      // the measure reads the resolution only: not the adoption line, votes and footnotes ("One member (China) did not participate…")
      const tokens = tokenize(body(text));
      const family = familyOf(text, Number(y), tokens.length);
      return { id, n: Number(n), year: Number(y), text, tokens, family, group: family?.region ?? `solo-${n}` };
    });
}

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const short = (d: Doc) => `${d.n} (${d.year})`;

function propose(e: SharedEvidence): Label {
  if (e.specificWords >= RULE.overlapSpecific) return 'overlap';
  if (e.specificWords < RULE.unrelatedSpecific && e.sharedWords < RULE.unrelatedShared) return 'unrelated';
  return 'unscored';
}

export function build() {
  const docs = loadDocs();
  const byId = new Map(docs.map((d) => [d.id, d]));
  const generic = genericGrams(docs);

  // every pair sharing at least one 8-word run, through an inverted index
  const postings = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const g of gramSet(d.tokens)) {
      const l = postings.get(g);
      if (l) l.push(i);
      else postings.set(g, [i]);
    }
  });
  const sharing = new Set<string>();
  for (const l of postings.values()) for (let x = 0; x < l.length; x++) for (let y = x + 1; y < l.length; y++) sharing.add(key(docs[l[x]!]!.id, docs[l[y]!]!.id));

  const evCache = new Map<string, SharedEvidence>();
  const ev = (a: Doc, b: Doc) => {
    const k = key(a.id, b.id);
    let e = evCache.get(k);
    if (!e) {
      const [x, y] = a.id < b.id ? [a, b] : [b, a];
      e = sharing.has(k) ? evidence(x.tokens, y.tokens, generic) : { sharedWords: 0, specificWords: 0, longestSpecific: 0, longestRun: 0, tiles: [] };
      evCache.set(k, e);
    }
    return e;
  };

  const chosen = new Map<string, { a: Doc; b: Doc; category: string; note: string }>();
  const add = (a: Doc, b: Doc, category: string, note: string) => {
    const k = key(a.id, b.id);
    if (!chosen.has(k)) chosen.set(k, a.id < b.id ? { a, b, category, note } : { a: b, b: a, category, note });
  };

  // A. consecutive resolutions of one family
  for (const f of FAMILIES) {
    if (f.template) continue;
    const members = docs.filter((d) => d.family === f);
    for (let i = 1; i < members.length; i++) {
      add(members[i - 1]!, members[i]!, f.renewal ? 'consecutive-renewal' : 'consecutive-same-subject', `consecutive ${f.key} resolutions`);
    }
  }

  // B. other reuse: non-consecutive pairs with long specific runs (a few per family, and across families)
  const rnd = prng(20260611);
  const otherSame = new Map<string, [Doc, Doc][]>();
  const cross: [Doc, Doc][] = [];
  for (const k of [...sharing].sort()) {
    if (chosen.has(k)) continue;
    const [ia, ib] = k.split('|') as [string, string];
    const a = byId.get(ia)!;
    const b = byId.get(ib)!;
    if (a.family?.template || b.family?.template) continue;
    const e = ev(a, b);
    if (e.specificWords < RULE.overlapSpecific || e.longestSpecific < 15) continue;
    if (a.family && a.family === b.family) otherSame.set(a.family.key, [...(otherSame.get(a.family.key) ?? []), [a, b]]);
    else cross.push([a, b]);
  }
  for (const [fam, list] of [...otherSame].sort()) {
    for (const [a, b] of rnd.shuffle(list).slice(0, COUNTS.otherReusePerFamily)) add(a, b, 'other-reuse-same-subject', `non-consecutive ${fam} resolutions`);
  }
  for (const [a, b] of rnd.shuffle(cross).slice(0, COUNTS.crossFamily)) {
    add(a, b, 'other-reuse-cross-subject', `${a.family?.key ?? 'unclassified'} and ${b.family?.key ?? 'unclassified'}`);
  }

  // C. negatives, always across regions and never templates
  const plain = docs.filter((d) => !d.family?.template);
  const apart = (a: Doc, b: Doc) => a.group !== b.group;
  const clean = (a: Doc, b: Doc) => propose(ev(a, b)) === 'unrelated';
  for (let tries = 0, got = 0; got < COUNTS.random && tries < 100_000; tries++) {
    const a = rnd.pick(plain);
    const b = rnd.pick(plain);
    if (a === b || !apart(a, b) || chosen.has(key(a.id, b.id)) || !clean(a, b)) continue;
    add(a, b, 'negative-random', `different regions (${a.group} / ${b.group})`);
    got++;
  }
  const shortDocs = plain.filter((d) => d.tokens.length < RULE.shortWords);
  const sameYear: [Doc, Doc][] = [];
  for (let i = 0; i < shortDocs.length; i++)
    for (let j = i + 1; j < shortDocs.length; j++) {
      const a = shortDocs[i]!;
      const b = shortDocs[j]!;
      if (a.year === b.year && apart(a, b) && !chosen.has(key(a.id, b.id)) && clean(a, b)) sameYear.push([a, b]);
    }
  for (const [a, b] of rnd.shuffle(sameYear).slice(0, COUNTS.sameYearShort)) add(a, b, 'negative-same-year-short', `same year ${a.year}, both under ${RULE.shortWords} words, different regions`);

  // sharing only generic wording: a common run of ≥ 6 words, yet nothing specific
  const boiler: [Doc, Doc, number][] = [];
  for (let i = 0; i < plain.length; i++)
    for (let j = i + 1; j < plain.length; j++) {
      const a = plain[i]!;
      const b = plain[j]!;
      if (!apart(a, b) || chosen.has(key(a.id, b.id)) || !clean(a, b)) continue;
      const quick = ev(a, b);
      if (quick.sharedWords === 0 && !hasSixGram(a, b)) continue;
      const run = longestCommonRun(a.tokens, b.tokens).len;
      if (run >= 6) boiler.push([a, b, run]);
    }
  // the hardest first: the longest common run, ties in seeded random order
  const boilerOrder = rnd.shuffle(boiler).sort((x, y) => y[2] - x[2]);
  const uses = new Map<Doc, number>();
  let taken = 0;
  for (const [a, b, run] of boilerOrder) {
    if (taken >= COUNTS.boilerplate) break;
    // at most two pairs per resolution, so one formula-rich text does not dominate the category
    if ((uses.get(a) ?? 0) >= 2 || (uses.get(b) ?? 0) >= 2) continue;
    uses.set(a, (uses.get(a) ?? 0) + 1);
    uses.set(b, (uses.get(b) ?? 0) + 1);
    add(a, b, 'negative-boilerplate-only', `different regions; longest common run ${run} words, all generic`);
    taken++;
  }

  const eyeFile = (existsSync(EYE) ? JSON.parse(readFileSync(EYE, 'utf8')) : {}) as {
    pairs?: Record<string, { verdict: Label; note: string }>;
    negativesRead?: { note: string; keys: string[] };
  };
  const eye = eyeFile.pairs ?? {};
  const negativesRead = new Set(eyeFile.negativesRead?.keys ?? []);
  const pairs: LabelledPair[] = [];
  for (const [, { a, b, category, note }] of [...chosen].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const e = ev(a, b);
    const lcr = longestCommonRun(a.tokens, b.tokens).len;
    const proposal = propose(e);
    const nk = `${a.n}|${b.n}`;
    const check = eye[nk] ?? (negativesRead.has(nk) && proposal === 'unrelated' ? { verdict: 'unrelated' as const, note: eyeFile.negativesRead!.note } : undefined);
    const label = check?.verdict ?? proposal;
    const cat = category.startsWith('consecutive') && label === 'unrelated' ? 'negative-same-subject-no-reuse' : category;
    pairs.push({
      a: a.id,
      b: b.id,
      label,
      category: cat,
      why: `${short(a)} / ${short(b)}: ${note}; ${e.specificWords} specific shared words (longest ${e.longestSpecific}), ${e.sharedWords} shared in all${check ? `; read: ${check.note}` : ''}`,
      evidence: { sharedWords: e.sharedWords, specificWords: e.specificWords, longestSpecific: e.longestSpecific, longestCommonRun: lcr },
      proposal,
      ...(check ? { eye: check } : {}),
    });
  }
  return { docs, pairs, ev: (a: string, b: string) => ev(byId.get(a)!, byId.get(b)!), byId };

  function hasSixGram(a: Doc, b: Doc) {
    const s = gramSet(a.tokens, 6);
    for (let i = 0; i + 6 <= b.tokens.length; i++) if (s.has(words(b.tokens, i, 6) + ' ')) return true;
    return false;
  }
}

function review() {
  const { pairs, ev, byId } = build();
  const head = (d: { text: string }) => body(d.text).replace(/\s+/g, ' ').replace(/^.*?The Security Council,?\s*/, '').slice(0, 110);
  for (const p of pairs) {
    const a = byId.get(p.a)!;
    const b = byId.get(p.b)!;
    const e = ev(p.a, p.b);
    console.log(`\n## ${a.n}|${b.n} ${p.category} proposal=${p.proposal}${p.eye ? ` eye=${p.eye.verdict}` : ''} spec=${e.specificWords} shared=${e.sharedWords} lcr=${p.evidence.longestCommonRun}`);
    console.log(`  A ${head(a)}\n  B ${head(b)}`);
    const tiles = [...e.tiles].sort((x, y) => y.specific - x.specific).slice(0, 3);
    for (const t of tiles) console.log(`  [${t.len}w ${t.specific}s] ${words(a.tokens, t.i, Math.min(t.len, 45))}${t.len > 45 ? ' …' : ''}`);
    if (!tiles.length && p.evidence.longestCommonRun >= 4) {
      const r = longestCommonRun(a.tokens, b.tokens);
      console.log(`  [lcr] ${words(a.tokens, r.i, r.len)}`);
    }
  }
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  if (process.argv.includes('--review')) review();
  else {
    const { pairs } = build();
    const count = (l: Label) => pairs.filter((p) => p.label === l).length;
    const byCategory: Record<string, Record<string, number>> = {};
    for (const p of pairs) (byCategory[p.category] ??= {})[p.label] = (byCategory[p.category]?.[p.label] ?? 0) + 1;
    const out = {
      about: 'Labelled UNSC document pairs for npm run eval:overlap; see README.md. Built by build-pairs.ts; eye verdicts from eye-checks.json.',
      rule: RULE,
      counts: { overlap: count('overlap'), unrelated: count('unrelated'), unscored: count('unscored'), eyeChecked: pairs.filter((p) => p.eye).length, byCategory },
      pairs,
    };
    // one pair per line: reviewable diffs
    const { pairs: list, ...head } = out;
    const headJson = JSON.stringify(head, null, 1).replace(/\n}$/, '');
    writeFileSync(OUT, `${headJson},\n "pairs": [\n${list.map((p) => `  ${JSON.stringify(p)}`).join(',\n')}\n ]\n}\n`);
    console.log(JSON.stringify(out.counts, null, 2));
  }
}
