import { child, elements, find, type XNode } from '../akn/xml.ts';

/**
 * Word stores list numbers ("1", "a)") as numbering definitions, not as text,
 * and converters such as mammoth keep only "this is an ordered list item at
 * level n" — dropping the very labels our clause paths are built from. So
 * the numbers are recomputed here from numbering.xml: each w:num points at an
 * abstract definition whose levels give a format (decimal, lowerLetter …),
 * a template ("%1.", "%2)") and a start value.
 */

interface Level {
  format: string;
  template: string;
  start: number;
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb …
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'decimalZero': return String(n).padStart(2, '0');
    default: return String(n);
  }
}

const val = (n: XNode | undefined) => n?.attrs.val;

export class Numbering {
  private readonly abstract = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  constructor(root: XNode | null) {
    if (!root) return;
    for (const a of elements(root, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of elements(a, 'lvl')) {
        levels.set(Number(l.attrs.ilvl ?? 0), {
          format: val(child(l, 'numFmt')) ?? 'decimal',
          template: val(child(l, 'lvlText')) ?? '',
          start: Number(val(child(l, 'start')) ?? 1),
        });
      }
      this.abstract.set(a.attrs.abstractNumId ?? '', levels);
    }
    for (const n of elements(root, 'num')) {
      const starts = new Map<number, number>();
      for (const o of elements(n, 'lvlOverride')) {
        const s = val(find(o, 'startOverride'));
        if (s !== undefined) starts.set(Number(o.attrs.ilvl ?? 0), Number(s));
      }
      this.nums.set(n.attrs.numId ?? '', { abstractId: val(child(n, 'abstractNumId')) ?? '', starts });
    }
  }

  /** The printed label of the next paragraph in list `numId` at `level`, or "" for bullets and unknown lists. */
  next(numId: string, level: number): string {
    const num = this.nums.get(numId);
    const levels = num && this.abstract.get(num.abstractId);
    const def = levels?.get(level);
    if (!num || !levels || !def || def.format === 'bullet' || def.format === 'none') return '';
    const counts = this.counters.get(numId) ?? [];
    for (let l = 0; l <= level; l++) {
      const start = num.starts.get(l) ?? levels.get(l)?.start ?? 1;
      if (counts[l] === undefined) counts[l] = start;
      else if (l === level) counts[l] = counts[l]! + 1;
    }
    counts.length = level + 1; // deeper levels restart
    this.counters.set(numId, counts);
    return def.template.replace(/%([1-9])/g, (_m, d: string) => {
      const l = Number(d) - 1;
      return format(counts[l] ?? 1, levels.get(l)?.format ?? 'decimal');
    });
  }
}
