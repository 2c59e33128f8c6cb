/**
 * Clause labels ("3", "1.2", "b)", "(iv)") and where a new label fits in the
 * chain of labels that are currently open. Parsers use the fit to tell a real
 * item start from a number that merely begins a wrapped line, and to split
 * items that PDF conversion glued together.
 */

export type LabelStyle = 'number' | 'dotted' | 'letter' | 'roman' | 'none';

export interface Label {
  style: LabelStyle;
  /** Printed value without punctuation: "3", "1.2", "b", "iv", "". */
  value: string;
  /** Position in its sequence (a=1, iv=4, 1.2 → 2). */
  ordinal: number;
}

export const NO_LABEL: Label = { style: 'none', value: '', ordinal: 0 };

const ROMAN_RE = /^(?=[ivxl]+$)(xl|l?x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };

function romanValue(s: string): number | null {
  if (!ROMAN_RE.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_DIGITS[s[i]!]!;
    const next = i + 1 < s.length ? ROMAN_DIGITS[s[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

function letterValue(s: string): number | null {
  if (/^[a-z]$/.test(s)) return s.charCodeAt(0) - 96;
  // "aa", "bb" … continue a sequence past z in some texts.
  if (/^([a-z])\1$/.test(s)) return 26 + s.charCodeAt(0) - 96;
  return null;
}

/** Strips the punctuation around a printed label: "(b)" → "b", "3." → "3", "iv)" → "iv". */
export function labelValue(token: string): string {
  return token.trim().replace(/^\(/, '').replace(/[).:]+$/, '').toLowerCase();
}

/** Every reading a printed label admits ("i)" is both the ninth letter and roman one). */
export function readLabel(token: string): Label[] {
  const value = labelValue(token);
  if (value === '') return [NO_LABEL];
  if (/^\d{1,3}$/.test(value)) return [{ style: 'number', value, ordinal: Number(value) }];
  if (/^\d{1,3}(\.\d{1,3})+$/.test(value)) {
    const parts = value.split('.');
    return [{ style: 'dotted', value, ordinal: Number(parts[parts.length - 1]) }];
  }
  const out: Label[] = [];
  const letter = letterValue(value);
  if (letter !== null) out.push({ style: 'letter', value, ordinal: letter });
  const roman = romanValue(value);
  if (roman !== null) out.push({ style: 'roman', value, ordinal: roman });
  return out;
}

function dottedPrefix(value: string): string {
  return value.slice(0, value.lastIndexOf('.'));
}

function isNextSibling(prev: Label, next: Label, gapMin: number, gapMax: number): boolean {
  if (prev.style !== next.style || prev.style === 'none') return false;
  if (prev.style === 'dotted' && dottedPrefix(prev.value) !== dottedPrefix(next.value)) return false;
  const gap = next.ordinal - prev.ordinal;
  return gap >= gapMin && gap <= gapMax;
}

function isFirstChild(parent: Label | undefined, chain: readonly Label[], child: Label, maxOrdinal: number): boolean {
  // Only a lettered sequence may have lost its first item; a number must start at 1.
  const max = child.style === 'letter' || child.style === 'roman' ? maxOrdinal : 1;
  if (child.ordinal < 1 || child.ordinal > max) return false;
  if (child.style === 'dotted') return parent?.style === 'number' && dottedPrefix(child.value) === parent.value;
  // A style already open higher up cannot open again below it.
  return !chain.some((l) => l.style === child.style);
}

export interface Placement {
  depth: number;
  label: Label;
}

export interface PlaceOptions {
  /** Largest accepted jump in a sequence (1 = strictly the next label). */
  maxGap?: number;
  /** Accept any first label when nothing is open (a block starting at "2" after a lost "1"). */
  anyFirst?: boolean;
  /** Accept the same label again (sources that repeat "c)"), as a sibling. */
  allowRepeat?: boolean;
  /** Accept a first child that starts at "b)"/"2" (a lost first sub-item). */
  lostFirstChild?: boolean;
}

/**
 * Where `token` fits after the open `chain`. In order of preference: the
 * next sibling of the deepest level that accepts it, the first child of the
 * last label, then (when options allow) a sibling after a gap or a repeat.
 * So "i)" after "h)" is a letter, and "i)" after "f)" is a roman sub-item,
 * not a letter that skipped g and h.
 */
export function placeLabel(chain: readonly Label[], token: string, opts: PlaceOptions = {}): Placement | null {
  const readings = readLabel(token);
  const siblingAt = (gapMin: number, gapMax: number): Placement | null => {
    for (let depth = chain.length - 1; depth >= 0; depth--) {
      const open = chain[depth]!;
      for (const r of readings) if (isNextSibling(open, r, gapMin, gapMax)) return { depth, label: r };
    }
    return null;
  };
  const exact = siblingAt(1, 1);
  if (exact) return exact;
  const last = chain[chain.length - 1];
  const firstMax = opts.lostFirstChild ? 2 : 1;
  for (const r of readings) if (isFirstChild(last, chain, r, firstMax)) return { depth: chain.length, label: r };
  const loose = siblingAt(opts.allowRepeat ? 0 : 2, opts.maxGap ?? 1);
  if (loose) return loose;
  if (chain.length === 0 && opts.anyFirst && readings[0]) return { depth: 0, label: readings[0] };
  return null;
}

/** Printed form used when rendering a label back to text ("3", "1.2", "b)", "iv)"). */
export function printLabel(value: string): string {
  if (value === '') return '';
  return /^\d+(\.\d+)*$/.test(value) ? value : `${value})`;
}
