import type { I32 } from './buffers.ts';

/**
 * Units: the paragraphs candidate pairs are made of. A paragraph ends at a
 * blank line; a short one (a heading, "The Security Council,") is joined to
 * the next, and a very long one (a file with no blank lines) is cut into
 * equal pieces, so every unit has between `minUnit` and `maxUnit` words (a
 * whole document shorter than `minUnit` is one unit) and aligning a pair of
 * units is bounded work.
 */
export function buildUnits(brk: Uint8Array, n: number, minUnit: number, maxUnit: number, out: I32): void {
  out.n = 0;
  const emit = (s: number, e: number) => {
    out.push(s);
    out.push(e);
  };
  let cur = 0; // start of the unit being gathered
  let lastStart = -1;
  let lastEnd = -1;
  const close = (s: number, e: number) => {
    if (lastEnd >= 0) emit(lastStart, lastEnd);
    lastStart = s;
    lastEnd = e;
  };
  let p = 0;
  while (p < n) {
    let q = p + 1;
    while (q < n && (brk[q]! & 1) === 0) q++;
    // paragraph [p, q)
    if (q - p > maxUnit) {
      if (cur < p) close(cur, p);
      const pieces = Math.ceil((q - p) / maxUnit);
      const size = Math.ceil((q - p) / pieces);
      for (let s = p; s < q; s += size) close(s, Math.min(q, s + size));
      cur = q;
    } else if (q - cur > maxUnit) {
      close(cur, p);
      cur = p;
      if (q - cur >= minUnit) {
        close(cur, q);
        cur = q;
      }
    } else if (q - cur >= minUnit) {
      close(cur, q);
      cur = q;
    }
    p = q;
  }
  if (cur < n) {
    if (lastEnd === cur && n - lastStart <= maxUnit) lastEnd = n;
    else close(cur, n);
  }
  if (lastEnd >= 0) emit(lastStart, lastEnd);
}
