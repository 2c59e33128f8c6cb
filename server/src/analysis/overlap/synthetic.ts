import { rng } from './hash.ts';
import type { OverlapDocument } from './types.ts';

/**
 * Deterministic synthetic corpus for benchmarks and tests: resolution-like
 * documents (paragraphs of log-normal length, median ~40 words, wrapped lines,
 * some end-of-line hyphenation), Zipf-distributed words, formula sentences
 * shared by many documents (boilerplate), and planted near-duplicates: a share
 * of documents are edited copies (0–20 % of words substituted, inserted or
 * deleted, a paragraph dropped or added) of a recent document, like renewals.
 */
export interface SyntheticOptions {
  paragraphs: number;
  seed?: number;
  /** Share of documents that are edited copies of an earlier one (default 0.15). */
  duplicates?: number;
  /** Largest word edit rate of a copy (default 0.2). */
  maxEdits?: number;
}

export interface SyntheticCorpus {
  documents: OverlapDocument[];
  paragraphs: number;
  /** [copy, original] document indices. */
  planted: [number, number][];
}

const FUNCTION_WORDS = 'the of and to in a that for on by with as its is be this all which at from are or has have an it not their was were other such any these'.split(' ');
const FORMULAS = [
  'Decides to remain seized of the matter.',
  'Decides to remain actively seized of the matter.',
  'Requests the Secretary-General to report to the Council on the implementation of the present resolution.',
  'Calls upon all States to comply fully with the provisions of this resolution.',
  'Expresses its appreciation to the Secretary-General for his report.',
  'Reaffirms its commitment to the sovereignty, independence and territorial integrity of the country.',
  'Instructs the Director of the Bureau to take the necessary measures to implement this resolution.',
  'Invites Member States and Sector Members to contribute to this work.',
];
const SYLLABLES = 'ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zi zo ar er ir or ur an en in on un al el il ol ul st tr pr'.split(' ');

function vocabulary(size: number, next: () => number): string[] {
  const words = new Set<string>(FUNCTION_WORDS);
  while (words.size < size) {
    const n = 2 + (next() % 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[next() % SYLLABLES.length];
    words.add(w);
  }
  return [...words];
}

export function syntheticCorpus(opts: SyntheticOptions): SyntheticCorpus {
  const next = rng(opts.seed ?? 42);
  const uniform = () => next() / 4294967296;
  const dupShare = opts.duplicates ?? 0.15;
  const maxEdits = opts.maxEdits ?? 0.2;
  const vocab = vocabulary(30_000, next);
  // Zipf (s = 1) by inverse transform over a cumulative table.
  const cumulative = new Float64Array(vocab.length);
  let total = 0;
  for (let i = 0; i < vocab.length; i++) cumulative[i] = total += 1 / (i + 1);
  const word = () => {
    const x = uniform() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo]!;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform() || 1e-12)) * Math.cos(2 * Math.PI * uniform());
  const paragraphWords = (): string[] => {
    const n = Math.max(5, Math.min(400, Math.round(Math.exp(Math.log(40) + 0.6 * normal()))));
    return Array.from({ length: n }, word);
  };
  const edit = (words: string[], rate: number): string[] => {
    const out: string[] = [];
    for (const w of words) {
      if (uniform() >= rate) out.push(w);
      else {
        const r = uniform();
        if (r < 0.4) out.push(word());
        else if (r < 0.7) out.push(w, word());
        // else deleted
      }
    }
    return out;
  };
  const render = (paras: string[][]): string =>
    paras
      .map((ws) => {
        let line = '';
        let text = '';
        ws.forEach((w, i) => {
          const token = i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w;
          if (line.length + token.length > 64) {
            if (token.length > 6 && uniform() < 0.1) {
              text += `${line} ${token.slice(0, 3)}-\n`;
              line = token.slice(3);
              return;
            }
            text += `${line}\n`;
            line = token;
          } else line = line ? `${line} ${token}` : token;
        });
        return `${text}${line}${/[.,;:]$/.test(line) ? '' : ';'}`;
      })
      .join('\n\n');

  const documents: OverlapDocument[] = [];
  const planted: [number, number][] = [];
  const bodies: string[][][] = [];
  let paragraphs = 0;
  while (paragraphs < opts.paragraphs) {
    const d = documents.length;
    let paras: string[][];
    if (d > 0 && uniform() < dupShare) {
      const original = Math.max(0, d - 1 - (next() % Math.min(d, 1000)));
      const rate = uniform() * maxEdits;
      paras = bodies[original]!.map((p) => edit(p, rate));
      if (paras.length > 2 && uniform() < 0.3) paras.splice(next() % paras.length, 1);
      if (uniform() < 0.3) paras.splice(next() % (paras.length + 1), 0, paragraphWords());
      planted.push([d, original]);
    } else {
      const n = 1 + (next() % 9);
      paras = Array.from({ length: n }, paragraphWords);
      for (const f of FORMULAS) if (uniform() < 0.12) paras.push(f.split(' '));
    }
    bodies.push(paras);
    if (d >= 1000) bodies[d - 1000] = []; // only recent documents are copied: memory stays flat
    paragraphs += paras.length;
    documents.push({ id: `doc${String(d).padStart(7, '0')}`, text: render(paras) });
  }
  return { documents, paragraphs, planted };
}
