import { EXPANSIONS, EXPANSION_BASE, FOLD, HYPHEN, IDEOGRAPH, IGNORE, SEP, SURROGATE, foldClass, foldCodePoint } from './normalise.ts';
import { FNV_OFFSET, FNV_PRIME, fmix32 } from './hash.ts';

/**
 * Words of a text as 32-bit hashes of their folded form, with the character
 * offsets of each word in the original text (so passages map back exactly)
 * and whether a paragraph break (a blank line) comes before it.
 * Hashing the folded characters directly, instead of looking words up in a
 * vocabulary, keeps tokenising allocation-free and identical in every worker.
 */
export class Tokens {
  n = 0;
  hash: Uint32Array;
  start: Int32Array;
  end: Int32Array;
  /** bit 0: a paragraph break (blank line) comes before the word; bit 1: the word has a digit. */
  brk: Uint8Array;

  constructor(capacity = 4096) {
    this.hash = new Uint32Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.brk = new Uint8Array(capacity);
  }

  grow(): void {
    const cap = this.hash.length * 2;
    const hash = new Uint32Array(cap);
    hash.set(this.hash);
    const start = new Int32Array(cap);
    start.set(this.start);
    const end = new Int32Array(cap);
    end.set(this.end);
    const brk = new Uint8Array(cap);
    brk.set(this.brk);
    this.hash = hash;
    this.start = start;
    this.end = end;
    this.brk = brk;
  }
}

/** Hash shingles use for any word with a digit: "the 949th meeting" and "the 972nd meeting" make the same shingles. */
export const NUMBER_HASH = 0x2a2a2a2a;

/** Word hashes as shingles see them (numbers masked), into `out`. */
export function shingleWords(t: Tokens, out: Uint32Array): Uint32Array {
  const dst = out.length >= t.n ? out : new Uint32Array(Math.max(t.n, out.length * 2));
  for (let i = 0; i < t.n; i++) dst[i] = t.brk[i]! & 2 ? NUMBER_HASH : t.hash[i]!;
  return dst;
}

/** Code units of a text: a string's copy in a (Shared)ArrayBuffer, read by every worker. */
export type Codes = Uint16Array;

const LINE_BREAKS = (c: number): number => (c === 10 || c === 0x2028 || c === 0x85 ? 1 : c === 0x2029 || c === 12 || c === 11 ? 2 : 0);

function wordish(cls: number): boolean {
  return cls >= 0 || cls <= EXPANSION_BASE;
}

/**
 * Tokenises codes[from, to) into `out` (appending). Offsets are relative to `base`
 * (the document's first code unit), so they index the document's own string.
 */
export function tokenise(codes: Codes, from: number, to: number, base: number, out: Tokens): void {
  let inWord = false;
  let h = FNV_OFFSET;
  let ws = 0;
  let nl = 2;
  let digit = 0;
  let i = from;
  while (i < to) {
    const c = codes[i]!;
    let cls = FOLD[c]!;
    if (cls >= 0) {
      if (!inWord) {
        inWord = true;
        ws = i;
        h = FNV_OFFSET;
        digit = 0;
      }
      h = Math.imul(h ^ cls, FNV_PRIME);
      if (cls <= 0x39 && cls >= 0x30) digit = 2;
      i++;
      continue;
    }
    if (cls === -1) cls = foldClass(c);
    let width = 1;
    if (cls === SURROGATE) {
      const lo = i + 1 < to ? codes[i + 1]! : 0;
      if (c < 0xdc00 && lo >= 0xdc00 && lo <= 0xdfff) {
        cls = foldCodePoint(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
        width = 2;
      } else cls = SEP;
    }
    if (cls >= 0 || cls <= EXPANSION_BASE) {
      if (!inWord) {
        inWord = true;
        ws = i;
        h = FNV_OFFSET;
        digit = 0;
      }
      if (cls <= 0x39 && cls >= 0x30) digit = 2;
      if (cls >= 0) h = Math.imul(h ^ cls, FNV_PRIME);
      else for (const e of EXPANSIONS[EXPANSION_BASE - cls]!) h = Math.imul(h ^ e, FNV_PRIME);
      i += width;
      continue;
    }
    if (cls === IGNORE) {
      i += width;
      continue;
    }
    if (cls === HYPHEN && inWord) {
      // Joins word characters on both sides, also across one line end.
      let j = i + 1;
      while (j < to && (codes[j] === 32 || codes[j] === 9)) j++;
      if (j < to && codes[j] === 13) j++;
      if (j < to && codes[j] === 10) j++;
      while (j < to && (codes[j] === 32 || codes[j] === 9)) j++;
      if (j < to) {
        const n = codes[j]!;
        const nc = FOLD[n] === -1 ? foldClass(n) : FOLD[n]!;
        if (wordish(nc)) {
          i = j;
          continue;
        }
      }
    }
    if (inWord) {
      push(out, fmix32(h), ws - base, i - base, nl, digit);
      nl = 0;
      inWord = false;
    }
    if (cls === IDEOGRAPH) {
      let ih = FNV_OFFSET;
      for (let k = i; k < i + width; k++) ih = Math.imul(ih ^ codes[k]!, FNV_PRIME);
      push(out, fmix32(ih), i - base, i + width - base, nl, 0);
      nl = 0;
    } else if (cls === SEP || cls === HYPHEN) {
      if (c === 13) {
        if (i + 1 >= to || codes[i + 1] !== 10) nl++;
      } else if (c < 0x20 || c >= 0x85) nl += LINE_BREAKS(c);
    }
    i += width;
  }
  if (inWord) push(out, fmix32(h), ws - base, to - base, nl, digit);
}

function push(out: Tokens, hash: number, start: number, end: number, nl: number, digit: number): void {
  if (out.n === out.hash.length) out.grow();
  const n = out.n++;
  out.hash[n] = hash;
  out.start[n] = start;
  out.end[n] = end;
  out.brk[n] = (nl >= 2 ? 1 : 0) | digit;
}

/** Copies strings into one code-unit array (shared with workers when `shared`). */
export function packTexts(texts: string[], shared: boolean): { codes: Codes; offsets: Float64Array } {
  const offsets = new Float64Array(texts.length + 1);
  let total = 0;
  for (let i = 0; i < texts.length; i++) {
    offsets[i] = total;
    total += texts[i]!.length;
  }
  offsets[texts.length] = total;
  const buffer = shared ? new SharedArrayBuffer(Math.max(2, total * 2)) : new ArrayBuffer(Math.max(2, total * 2));
  const bytes = Buffer.from(buffer);
  // utf16le writes each UTF-16 code unit as it is (lone surrogates included): offsets stay string indices.
  for (let i = 0; i < texts.length; i++) if (texts[i]!.length) bytes.write(texts[i]!, offsets[i]! * 2, 'utf16le');
  return { codes: new Uint16Array(buffer, 0, total), offsets };
}

/** Tokenises one string (tests, small jobs). */
export function tokeniseString(text: string): Tokens {
  const { codes } = packTexts([text], false);
  const out = new Tokens(Math.max(16, text.length >> 2));
  tokenise(codes, 0, text.length, 0, out);
  return out;
}

