/**
 * A PAN-style passage benchmark for the overlap engine, generated deterministically
 * (seeded PRNG) from the shared data: UN Security Council resolutions 1946–1979 and the
 * ITU PP-18 Final Acts.
 *
 * Some documents become "suspicious": a host text into which 1–3 passages from other,
 * unrelated documents (the sources) are pasted as paragraphs of their own, after
 * 0, 5, 10 or 20 % random word edits (insertions, deletions and substitutions with words
 * of the host; word order otherwise kept). Other hosts stay untouched (negatives). The
 * true spans (suspicious offsets, source offsets) are recorded as PAN cases.
 *
 * Rules that keep the truth clean (anything else the engine could rightly find between a
 * suspicious document and a designated source would count against it):
 * - a source is unrelated to its host and to the host's other sources: no common run of
 *   8 words, and no near-identical clause (uncommon common runs — not formulas found in
 *   over 20 documents — of 6 words, or more than 10 words of them);
 * - every 8-word run of a chosen passage occurs in its source document and nowhere
 *   else in the collection (so the engine cannot rightly call it boilerplate), and no
 *   clause of it nearly repeats elsewhere in the source (same test);
 * - a source document gives one passage at most.
 * The collection handed to the engine is every document that is not a host, plus the
 * suspicious documents; only the designated (suspicious, source) pairs are scored, as in
 * PAN's text-alignment task: each host's true sources, one unrelated decoy source per
 * injected host and two per untouched host.
 *
 *   node server/bin/run-ts.mjs eval/overlap-passages.ts [--out FILE]   # summary, or the whole benchmark as JSON
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAkn } from '../server/src/analysis/akn/parse-akn.ts';
import { body } from './labels/overlap/families.ts';
import { gramSet, tile, tokenize, type Token } from './labels/overlap/shared-runs.ts';
import type { Annotation } from './pan-metrics.ts';
import { prng } from './prng.ts';

const DATA = path.resolve(import.meta.dirname, '../../shared/data');
export const UNSC_DIR = path.join(DATA, 'unsc-resolutions/texts');
export const PP18_FILE = path.join(DATA, 'itu-pp18/pp18_final_acts_akn.xml');

export const RATES = [0, 0.05, 0.1, 0.2] as const;
export const LENGTHS = { short: [30, 59], medium: [60, 119], long: [120, 250] } as const;
export type LengthBucket = keyof typeof LENGTHS;
const SETTINGS = { seed: 2014, hostsPerRate: 25, cleanHosts: 40, minHostWords: 120, maxHostWords: 600, casesPerHost: [1, 1, 2, 2, 3], gram: 8 };

export interface TextDoc {
  id: string;
  text: string;
}

export interface PassageCase extends Annotation {
  id: string;
  rate: number;
  length: LengthBucket;
  /** words of the source passage */
  words: number;
  /** word edits applied */
  edits: number;
}

export interface DesignatedPair {
  susp: string;
  src: string;
  /** edit rate of the suspicious document's cases; null for an untouched host */
  rate: number | null;
}

export interface PassageBenchmark {
  seed: number;
  /** the collection to run the engine on */
  documents: TextDoc[];
  pairs: DesignatedPair[];
  cases: PassageCase[];
}

/** The UNSC texts (id = file name) and the PP-18 documents (title, preamble and clauses as paragraphs). */
export function loadTexts(): TextDoc[] {
  const unsc = readdirSync(UNSC_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((id) => ({ id, text: readFileSync(path.join(UNSC_DIR, id), 'utf8') }));
  const { documents } = parseAkn(readFileSync(PP18_FILE, 'utf8'));
  const seen = new Set<string>();
  const pp18: TextDoc[] = [];
  for (const d of documents) {
    const id = `PP18_${d.kind}_${d.number.replace(/[^\w-]/g, '_')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    pp18.push({ id, text: [d.title, d.preamble, ...d.clauses.map((c) => c.text)].filter(Boolean).join('\n\n') });
  }
  return [...unsc, ...pp18];
}

interface Prepared extends TextDoc {
  tokens: Token[];
  /** tokens of the part that may give passages or take them (no UNSC header, votes or footnotes) */
  bodyTokens: Token[];
  grams: Set<string>;
  grams5: Set<string>;
}

/** Offsets where a paragraph starts inside the body ("\n\n" before it). */
function paragraphStarts(d: Prepared): number[] {
  const first = d.bodyTokens[0]?.start ?? 0;
  const last = d.bodyTokens[d.bodyTokens.length - 1]?.end ?? d.text.length;
  const out: number[] = [];
  const re = /\n[ \t]*\n\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(d.text))) {
    const at = m.index + m[0].length;
    if (at > first && at < last) out.push(at);
  }
  return out;
}

/** A clause starts after . ; : or a blank line; it ends before them. */
const startsClause = (text: string, prev: Token | undefined, t: Token) => !prev || /[.;:]|\n[ \t]*\n/.test(text.slice(prev.end, t.start));
const endsClause = (text: string, t: Token, next: Token | undefined) => /^[^\p{L}\p{N}]*[.;:,]/u.test(text.slice(t.end, next ? next.start : text.length));

/**
 * Word edits at `rate`: round(rate × words) operations, each an insertion, a deletion or a
 * substitution (equally likely) at a random position; new words come from `vocabulary`.
 * Whitespace and punctuation between words are kept with the word before them.
 */
export function editWords(text: string, tokens: Token[], rate: number, vocabulary: string[], rnd: ReturnType<typeof prng>): { text: string; edits: number } {
  const items = tokens.map((t, i) => ({ w: text.slice(t.start, t.end), sep: text.slice(t.end, tokens[i + 1]?.start ?? t.end) }));
  const edits = Math.round(rate * tokens.length);
  for (let e = 0; e < edits; e++) {
    const op = rnd.int(0, 2);
    const at = rnd.int(0, items.length - 1);
    const word = rnd.pick(vocabulary);
    if (op === 0) items.splice(at, 0, { w: word, sep: ' ' });
    else if (op === 1 && items.length > 3) {
      const [gone] = items.splice(at, 1);
      // keep a line break or punctuation that ended the removed word
      if (gone && at > 0 && /[^\s]|\n/.test(gone.sep) && items[at - 1]) items[at - 1]!.sep = gone.sep;
    } else {
      let w = word;
      for (let k = 0; k < 5 && w.toLowerCase() === items[at]!.w.toLowerCase(); k++) w = rnd.pick(vocabulary);
      items[at]!.w = w;
    }
  }
  return { text: items.map((x) => x.w + x.sep).join('').trimEnd(), edits };
}

export function buildPassageBenchmark(seed = SETTINGS.seed): PassageBenchmark {
  const rnd = prng(seed);
  const docs: Prepared[] = loadTexts().map((d) => {
    const tokens = tokenize(d.text);
    const bodyTokens = d.id.startsWith('S_RES_') ? tokenize(body(d.text)) : tokens;
    return { ...d, tokens, bodyTokens, grams: gramSet(tokens, SETTINGS.gram), grams5: gramSet(tokens, 5) };
  });
  // in how many documents each 8-word run occurs
  const df = new Map<string, number>();
  for (const d of docs) for (const g of d.grams) df.set(g, (df.get(g) ?? 0) + 1);
  const df5 = new Map<string, number>();
  for (const d of docs) for (const g of d.grams5) df5.set(g, (df5.get(g) ?? 0) + 1);
  /**
   * Unrelated: no common run of 8 words; no uncommon common run (one not made of formulas
   * found in over 20 documents) of 6 words, and at most 10 words in uncommon runs of 5.
   * (A detector that bridges gaps rightly finds near-identical clauses made of shorter runs,
   * so "no common 8-word run" is not enough: two ITU texts that say "on encouraging the
   * creation of national [computer incident response teams (]CIRTs), particularly for
   * developing", or two resolutions with "The representatives of Albania and Bulgaria
   * [are / will be] invited to", do overlap, and that would not be in the truth.)
   */
  /** Uncommon common runs (see below) of 6 words, or over 10 words of them: the two texts nearly share a clause. */
  const closeRuns = (a: Token[], b: Token[]) => {
    const uncommon = tile(a, b, 5).filter((t) => {
      for (let k = t.i; k + 5 <= t.i + t.len; k++) {
        const g = a
          .slice(k, k + 5)
          .map((x) => `${x.w} `)
          .join('');
        if ((df5.get(g) ?? 0) <= 20) return true;
      }
      return false;
    });
    return uncommon.some((t) => t.len >= 6) || uncommon.reduce((n, t) => n + t.len, 0) > 10;
  };
  // uncommon 5-word runs of each document (in 20 documents or fewer: not a formula)
  const uncommon5 = new Map(docs.map((d) => [d, new Set([...d.grams5].filter((g) => (df5.get(g) ?? 0) <= 20))]));
  const meets = (x: Set<string>, y: Set<string>) => {
    const [small, large] = x.size < y.size ? [x, y] : [y, x];
    for (const g of small) if (large.has(g)) return true;
    return false;
  };
  const unrelatedCache = new Map<string, boolean>();
  const unrelated = (a: Prepared, b: Prepared) => {
    const k = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
    let v = unrelatedCache.get(k);
    if (v === undefined) {
      // set lookups settle most pairs: no shared 8-word run, and no shared uncommon 5-word run, or only short ones
      v = !meets(a.grams, b.grams) && (!meets(uncommon5.get(a)!, uncommon5.get(b)!) || !closeRuns(a.tokens, b.tokens));
      unrelatedCache.set(k, v);
    }
    return v;
  };

  const order = rnd.shuffle([...docs]);
  // hosts are mid-sized texts; the long ones stay sources (they can give the long passages)
  const hostable = order.filter(
    (d) => d.bodyTokens.length >= SETTINGS.minHostWords && d.bodyTokens.length <= SETTINGS.maxHostWords && paragraphStarts(d).length >= 3,
  );
  const injectedHosts = hostable.slice(0, SETTINGS.hostsPerRate * RATES.length);
  const cleanHosts = hostable.slice(injectedHosts.length, injectedHosts.length + SETTINGS.cleanHosts);
  const hostIds = new Set([...injectedHosts, ...cleanHosts].map((d) => d.id));
  const sourcePool = order.filter((d) => !hostIds.has(d.id));
  const usedSources = new Set<string>();

  /** A passage of about `want` words from `src` whose 8-word runs occur in `src` only. */
  const passage = (src: Prepared, want: number): [number, number] | null => {
    const t = src.bodyTokens;
    const starts: number[] = [];
    for (let i = 0; i + want <= t.length; i++) if (startsClause(src.text, t[i - 1], t[i]!)) starts.push(i);
    for (const s of rnd.shuffle(starts).slice(0, 40)) {
      let e = -1;
      for (let j = s + want - 1; j < Math.min(t.length, s + want + 25); j++) {
        if (endsClause(src.text, t[j]!, t[j + 1])) {
          e = j;
          break;
        }
      }
      if (e < 0) continue;
      // its 8-word runs occur in no other document
      let unique = true;
      for (let k = s; k + SETTINGS.gram <= e + 1 && unique; k++) {
        const g = t
          .slice(k, k + SETTINGS.gram)
          .map((x) => `${x.w} `)
          .join('');
        if ((df.get(g) ?? 0) > 1) unique = false;
      }
      // and nothing in it nearly repeats elsewhere in the source: a source that says "to encourage
      // the development of IoT and SSCCs" and, elsewhere, "to promote the development of IoT and
      // SSCCs" has two true places for that clause
      if (unique) {
        const inside = t.slice(s, e + 1);
        const outside = src.tokens.filter((x) => x.end <= inside[0]!.start || x.start >= inside[inside.length - 1]!.end);
        const rare = uncommon5.get(src)!;
        const insideRare = new Set([...gramSet(inside, 5)].filter((g) => rare.has(g)));
        if (!meets(insideRare, gramSet(outside, 5)) || !closeRuns(inside, outside)) return [s, e];
      }
    }
    return null;
  };

  const documents: TextDoc[] = sourcePool.map(({ id, text }) => ({ id, text }));
  const pairs: DesignatedPair[] = [];
  const cases: PassageCase[] = [];
  const buckets = Object.keys(LENGTHS) as LengthBucket[];
  let caseNo = 0;
  let suspNo = 0;

  /** An unrelated decoy source that gives no passage anywhere. */
  const decoyFor = (host: Prepared, others: Prepared[]) => {
    for (const s of rnd.shuffle([...sourcePool])) if (!usedSources.has(s.id) && unrelated(s, host) && others.every((o) => unrelated(s, o))) return s;
    return null;
  };

  injectedHosts.forEach((host, h) => {
    const rate = RATES[h % RATES.length]!;
    const k = rnd.pick(SETTINGS.casesPerHost);
    const vocabulary = host.bodyTokens.map((t) => host.text.slice(t.start, t.end)).filter((w) => /\p{L}{3,}/u.test(w));
    const points = rnd.shuffle(paragraphStarts(host)).slice(0, k).sort((a, b) => a - b);
    const pastes: { at: number; text: string; src: Prepared; srcSpan: [number, number]; words: number; edits: number; length: LengthBucket }[] = [];
    for (const at of points) {
      // lengths in turn; when no source can give the wanted length any more, the next length
      let found: { src: Prepared; span: [number, number] } | null = null;
      let length: LengthBucket = 'short';
      for (let b = 0; b < buckets.length && !found; b++) {
        length = buckets[(caseNo + b) % buckets.length]!;
        const [lo, hi] = LENGTHS[length];
        const want = rnd.int(lo, hi);
        for (const cand of sourcePool) {
          if (usedSources.has(cand.id) || cand.bodyTokens.length < want || !unrelated(cand, host)) continue;
          // the sources of one suspicious document are unrelated to each other too
          if (pastes.some((p) => !unrelated(cand, p.src))) continue;
          const span = passage(cand, want);
          if (span) {
            found = { src: cand, span };
            break;
          }
        }
      }
      if (!found) continue;
      const { src } = found;
      usedSources.add(src.id);
      const [s, e] = found.span;
      const toks = src.bodyTokens.slice(s, e + 1);
      const srcSpan: [number, number] = [toks[0]!.start, toks[toks.length - 1]!.end];
      const local = toks.map((t) => ({ ...t, start: t.start - srcSpan[0], end: t.end - srcSpan[0] }));
      const edited = editWords(src.text.slice(srcSpan[0], srcSpan[1]), local, rate, vocabulary, rnd);
      pastes.push({ at, text: edited.text, src, srcSpan, words: toks.length, edits: edited.edits, length });
      caseNo++;
    }
    if (pastes.length === 0) return;
    const id = `SUSP_${String(++suspNo).padStart(3, '0')}_${host.id.replace(/\.txt$/, '')}`;
    let out = '';
    let from = 0;
    const local: Omit<PassageCase, 'susp'>[] = [];
    for (const p of pastes) {
      out += host.text.slice(from, p.at);
      const start = out.length;
      out += p.text;
      local.push({ id: `case-${String(cases.length + local.length + 1).padStart(3, '0')}`, src: p.src.id, suspSpan: [start, out.length], srcSpan: p.srcSpan, rate, length: p.length, words: p.words, edits: p.edits });
      out += '\n\n';
      from = p.at;
    }
    out += host.text.slice(from);
    documents.push({ id, text: out });
    for (const c of local) cases.push({ ...c, susp: id });
    for (const src of new Set(local.map((c) => c.src))) pairs.push({ susp: id, src, rate });
    const decoy = decoyFor(host, pastes.map((p) => p.src));
    if (decoy) pairs.push({ susp: id, src: decoy.id, rate });
  });

  cleanHosts.forEach((host) => {
    const id = `SUSP_${String(++suspNo).padStart(3, '0')}_${host.id.replace(/\.txt$/, '')}`;
    documents.push({ id, text: host.text });
    const decoys = rnd.shuffle(sourcePool.filter((s) => unrelated(s, host))).slice(0, 2);
    for (const d of decoys) pairs.push({ susp: id, src: d.id, rate: null });
  });

  return { seed, documents, pairs, cases };
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  const b = buildPassageBenchmark();
  const outAt = process.argv.indexOf('--out');
  if (outAt > 0 && process.argv[outAt + 1]) writeFileSync(process.argv[outAt + 1]!, `${JSON.stringify(b)}\n`);
  const count = <T>(xs: T[], f: (x: T) => string) => xs.reduce<Record<string, number>>((m, x) => ((m[f(x)] = (m[f(x)] ?? 0) + 1), m), {});
  console.log(
    JSON.stringify(
      {
        seed: b.seed,
        documents: b.documents.length,
        suspicious: b.documents.filter((d) => d.id.startsWith('SUSP_')).length,
        pairs: b.pairs.length,
        cases: b.cases.length,
        casesByRate: count(b.cases, (c) => String(c.rate)),
        casesByLength: count(b.cases, (c) => c.length),
        casesBySourceCorpus: count(b.cases, (c) => (c.src.startsWith('PP18') ? 'PP18' : 'UNSC')),
        hostsByCorpus: count(b.documents.filter((d) => d.id.startsWith('SUSP_')), (d) => (d.id.includes('PP18') ? 'PP18' : 'UNSC')),
        words: { min: Math.min(...b.cases.map((c) => c.words)), max: Math.max(...b.cases.map((c) => c.words)) },
      },
      null,
      2,
    ),
  );
}
