import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { granularity, panScores, plagdet, precision, recall, type Annotation } from './pan-metrics.ts';

const ann = (suspSpan: [number, number], srcSpan: [number, number], susp = 'susp', src = 'src'): Annotation => ({ susp, src, suspSpan, srcSpan });

describe('PAN text-alignment scores', () => {
  const plagCase = ann([100, 200], [1000, 1100]);

  it('perfect detection scores 1 everywhere', () => {
    const s = panScores([plagCase], [ann([100, 200], [1000, 1100])]);
    expect(s).toMatchObject({ precision: 1, recall: 1, granularity: 1, plagdet: 1, detectedCases: 1 });
  });

  it('a case split into two exact halves: precision and recall 1, granularity 2, plagdet 1/log2(3)', () => {
    const halves = [ann([100, 150], [1000, 1050]), ann([150, 200], [1050, 1100])];
    const s = panScores([plagCase], halves);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(1);
    expect(s.granularity).toBe(2);
    expect(s.plagdet).toBeCloseTo(1 / Math.log2(3), 12);
  });

  it('nothing detected: recall and precision 0, granularity 1, plagdet 0', () => {
    expect(panScores([plagCase], [])).toMatchObject({ precision: 0, recall: 0, granularity: 1, plagdet: 0, detectedCases: 0 });
  });

  it('no cases and no detections: 1 (reference implementation)', () => {
    expect(panScores([], [])).toMatchObject({ precision: 1, recall: 1, plagdet: 1 });
  });

  it('a detection on a clean pair has precision 0', () => {
    expect(precision([], [ann([0, 10], [0, 10])])).toBe(0);
  });

  it('half the case found: recall 0.5, precision 1', () => {
    const s = panScores([plagCase], [ann([100, 150], [1000, 1050])]);
    expect(s.recall).toBe(0.5);
    expect(s.precision).toBe(1);
    expect(s.granularity).toBe(1);
    expect(s.plagdet).toBeCloseTo(2 / 3, 12);
  });

  it('counts characters of both documents: suspicious side exact, source side twice too long', () => {
    // |r| = 100 + 200; r ∩ s = 100 + 100
    const s = panScores([plagCase], [ann([100, 200], [950, 1150])]);
    expect(s.recall).toBe(1);
    expect(s.precision).toBeCloseTo(200 / 300, 12);
  });

  it('a detection must overlap the case in BOTH documents, in the same document pair', () => {
    expect(recall([plagCase], [ann([100, 200], [5000, 5100])])).toBe(0); // right place in susp, wrong in source
    expect(recall([plagCase], [ann([100, 200], [1000, 1100], 'susp', 'other-src')])).toBe(0);
    expect(recall([plagCase], [ann([100, 200], [1000, 1100], 'other-susp')])).toBe(0);
    expect(granularity([plagCase], [ann([100, 200], [5000, 5100])])).toBe(1);
  });

  it('overlapping detections are counted once (union), but each counts for granularity', () => {
    const dets = [ann([100, 180], [1000, 1080]), ann([120, 200], [1020, 1100])];
    const s = panScores([plagCase], dets);
    expect(s.recall).toBe(1);
    expect(s.precision).toBe(1);
    expect(s.granularity).toBe(2);
  });

  it('macro-averages over cases and over detections', () => {
    const cases = [plagCase, ann([500, 600], [3000, 3100])];
    // the first case found in full; the second missed; one false detection elsewhere
    const dets = [ann([100, 200], [1000, 1100]), ann([800, 900], [4000, 4100])];
    const s = panScores(cases, dets);
    expect(s.recall).toBe(0.5);
    expect(s.precision).toBe(0.5);
    expect(s.detectedCases).toBe(1);
  });

  it('one detection spanning two cases: both detected, precision by the union of the cases', () => {
    const cases = [ann([100, 200], [1000, 1100]), ann([300, 400], [1300, 1400])];
    const s = panScores(cases, [ann([100, 400], [1000, 1400])]);
    expect(s.recall).toBe(1);
    expect(s.granularity).toBe(1);
    // |r| = 300 (suspicious) + 400 (source); covered by the two cases: 200 + 200
    expect(s.precision).toBeCloseTo(400 / 700, 12);
  });

  it('plagdet is 0 when precision and recall are both 0', () => {
    expect(plagdet(0, 0, 1)).toBe(0);
    expect(plagdet(1, 1, 1)).toBe(1);
  });

  it('agrees with a brute-force character-set implementation of the definitions', () => {
    // characters as "doc:side:offset" strings; s ⊓ r and the unions computed literally
    const chars = (a: Annotation) => [
      ...Array.from({ length: a.suspSpan[1] - a.suspSpan[0] }, (_, i) => `${a.susp}:s:${a.suspSpan[0] + i}`),
      ...Array.from({ length: a.srcSpan[1] - a.srcSpan[0] }, (_, i) => `${a.src}:r:${a.srcSpan[0] + i}`),
    ];
    const hit = (x: Annotation, y: Annotation) =>
      x.susp === y.susp && x.src === y.src && x.suspSpan[0] < y.suspSpan[1] && y.suspSpan[0] < x.suspSpan[1] && x.srcSpan[0] < y.srcSpan[1] && y.srcSpan[0] < x.srcSpan[1];
    const share = (x: Annotation, ys: Annotation[]) => {
      const mine = new Set(chars(x));
      const covered = new Set<string>();
      for (const y of ys) if (hit(x, y)) for (const c of chars(y)) if (mine.has(c)) covered.add(c);
      return covered.size / mine.size;
    };
    const span = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 })).map(([a, l]) => [a, a + l] as [number, number]);
    const annotation = fc.record({ susp: fc.constantFrom('s1', 's2'), src: fc.constantFrom('r1', 'r2'), suspSpan: span, srcSpan: span });
    fc.assert(
      fc.property(fc.array(annotation, { minLength: 1, maxLength: 5 }), fc.array(annotation, { minLength: 1, maxLength: 6 }), (cases, dets) => {
        const rec = cases.reduce((t, c) => t + share(c, dets), 0) / cases.length;
        const prec = dets.reduce((t, d) => t + share(d, cases), 0) / dets.length;
        const found = cases.map((c) => dets.filter((d) => hit(c, d)).length).filter((n) => n > 0);
        const gran = found.length ? found.reduce((a, b) => a + b, 0) / found.length : 1;
        expect(recall(cases, dets)).toBeCloseTo(rec, 10);
        expect(precision(cases, dets)).toBeCloseTo(prec, 10);
        expect(granularity(cases, dets)).toBeCloseTo(gran, 10);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
