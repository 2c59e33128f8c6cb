/**
 * The labelling's own measure of shared wording between two texts. It shares
 * no code with the overlap engine (server/src/analysis/overlap/), so the
 * engine cannot grade itself: words are normalised, every run of at least
 * MIN_RUN identical words common to both texts is found, and the runs are
 * tiled greedily, longest first (greedy string tiling, Wise 1993).
 *
 * It only PROPOSES labels and prints evidence; the labels themselves were
 * confirmed by reading (see README.md).
 */

export interface Token {
  /** lower-cased word (letters and digits; a hyphen at a line end joins the halves) */
  w: string;
  start: number;
  end: number;
}

export const MIN_RUN = 8;

/** Words with their offsets. "estab-\nlished" is one word; other hyphens separate. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const prev = out[out.length - 1];
    const between = prev ? text.slice(prev.end, m.index) : '';
    if (prev && /^-[ \t]*\r?\n[ \t]*$/.test(between) && /\p{Ll}/u.test(m[0][0] ?? '')) {
      prev.w += m[0].toLowerCase();
      prev.end = m.index + m[0].length;
      continue;
    }
    out.push({ w: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export interface Tile {
  /** token index in a, in b, and length in tokens */
  i: number;
  j: number;
  len: number;
}

const gramKey = (t: Token[], i: number, n: number) => {
  let s = '';
  for (let k = i; k < i + n; k++) s += `${t[k]!.w} `;
  return s;
};

/** All n-grams of a token list, as a set. */
export function gramSet(t: Token[], n = MIN_RUN): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i + n <= t.length; i++) s.add(gramKey(t, i, n));
  return s;
}

/** Greedy string tiling: non-overlapping common runs of ≥ minRun words, longest first. */
export function tile(a: Token[], b: Token[], minRun = MIN_RUN): Tile[] {
  const where = new Map<string, number[]>();
  for (let j = 0; j + minRun <= b.length; j++) {
    const k = gramKey(b, j, minRun);
    const list = where.get(k);
    if (list) list.push(j);
    else where.set(k, [j]);
  }
  const matches: Tile[] = [];
  for (let i = 0; i + minRun <= a.length; i++) {
    const js = where.get(gramKey(a, i, minRun));
    if (!js) continue;
    for (const j of js) {
      // maximal runs only: skip a start that extends a run beginning one word earlier
      if (i > 0 && j > 0 && a[i - 1]!.w === b[j - 1]!.w) continue;
      let len = minRun;
      while (i + len < a.length && j + len < b.length && a[i + len]!.w === b[j + len]!.w) len++;
      matches.push({ i, j, len });
    }
  }
  matches.sort((x, y) => y.len - x.len || x.i - y.i || x.j - y.j);
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  const tiles: Tile[] = [];
  for (const m of matches) {
    // shrink the match to the part still free on both sides (keeps the tiling greedy but allows partial reuse)
    let s = 0;
    while (s < m.len && (usedA[m.i + s] || usedB[m.j + s])) s++;
    let e = s;
    while (e < m.len && !usedA[m.i + e] && !usedB[m.j + e]) e++;
    if (e - s < minRun) continue;
    for (let k = s; k < e; k++) {
      usedA[m.i + k] = 1;
      usedB[m.j + k] = 1;
    }
    tiles.push({ i: m.i + s, j: m.j + s, len: e - s });
  }
  return tiles.sort((x, y) => x.i - y.i);
}

/**
 * Generic wording: an n-gram is generic when documents of at least `minGroups`
 * different groups (regions of the world, template kinds) use it. "Adopted
 * unanimously at the … meeting", "United Kingdom of Great Britain and Northern
 * Ireland", "One member (China) did not participate in the voting" are generic;
 * "the stationing in Cyprus of the United Nations Peace-keeping Force" is not.
 */
export function genericGrams(docs: { tokens: Token[]; group: string }[], minGroups = 3, n = MIN_RUN): Set<string> {
  const groups = new Map<string, Set<string>>();
  for (const d of docs) {
    for (const g of gramSet(d.tokens, n)) {
      const s = groups.get(g);
      if (s) s.add(d.group);
      else groups.set(g, new Set([d.group]));
    }
  }
  const out = new Set<string>();
  for (const [g, s] of groups) if (s.size >= minGroups) out.add(g);
  return out;
}

export interface SharedEvidence {
  /** words in shared runs (all tiles) */
  sharedWords: number;
  /** words of shared runs not covered only by generic n-grams */
  specificWords: number;
  /** longest run of specific words inside one tile */
  longestSpecific: number;
  /** longest tile, in words */
  longestRun: number;
  tiles: (Tile & { specific: number })[];
}

/** Tiles between a and b, and how much of them is specific (not generic) wording. */
export function evidence(a: Token[], b: Token[], generic: Set<string>, n = MIN_RUN): SharedEvidence {
  const tiles = tile(a, b, n);
  let sharedWords = 0;
  let specificWords = 0;
  let longestSpecific = 0;
  let longestRun = 0;
  const out: SharedEvidence['tiles'] = [];
  for (const t of tiles) {
    sharedWords += t.len;
    longestRun = Math.max(longestRun, t.len);
    // a word is specific when at least one n-gram of the tile covering it is not generic
    const specific = new Uint8Array(t.len);
    for (let k = 0; k + n <= t.len; k++) {
      if (!generic.has(gramKey(a, t.i + k, n))) for (let q = k; q < k + n; q++) specific[q] = 1;
    }
    let count = 0;
    let run = 0;
    for (let k = 0; k < t.len; k++) {
      if (specific[k]) {
        count++;
        run++;
        longestSpecific = Math.max(longestSpecific, run);
      } else run = 0;
    }
    specificWords += count;
    out.push({ ...t, specific: count });
  }
  return { sharedWords, specificWords, longestSpecific, longestRun, tiles: out };
}

/** Longest common run of words of any length (for negatives: "nothing longer than k words in common"). */
export function longestCommonRun(a: Token[], b: Token[]): { len: number; i: number; j: number } {
  let best = { len: 0, i: 0, j: 0 };
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const v = a[i - 1]!.w === b[j - 1]!.w ? prev[j - 1]! + 1 : 0;
      cur[j] = v;
      if (v > best.len) best = { len: v, i: i - v, j: j - v };
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** The words of a token range, as plain text (for printing evidence). */
export const words = (t: Token[], from: number, len: number) =>
  t
    .slice(from, from + len)
    .map((x) => x.w)
    .join(' ');
