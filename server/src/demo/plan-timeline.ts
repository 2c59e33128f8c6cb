import type { DemoAction } from './plan.ts';
import type { ActionSpec } from './plan-specs.ts';
import { narrator, type Phase } from './plan-updates.ts';

/**
 * The life of one demo item: how many progress updates it has, when, with
 * which status changes and progress, and when it is due. Everything is an
 * offset from `today` (or from the plan's start), drawn from the item's
 * seeded stream, so the same input always tells the same story.
 */

type Status = DemoAction['status'];
export type Rand = () => number;

export const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Picks `count` items at random (seeded). */
export function sample<T>(items: T[], count: number, rand: Rand): Set<T> {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return new Set(pool.slice(0, count));
}

function phasesFor(status: Status, n: number): Phase[] {
  if (n === 0) return [];
  const middle = (p: Phase, k: number): Phase[] => Array.from({ length: Math.max(0, k) }, () => p);
  switch (status) {
    case 'not_started':
      return ['note'];
    case 'in_progress':
      return ['start', ...middle('progress', n - 1)];
    case 'ongoing':
      return ['start', ...middle('cycle', n - 1)];
    case 'completed':
      return ['start', ...middle('progress', n - 2), 'complete'];
    case 'on_hold':
      return ['start', ...middle('progress', n - 2), 'hold'];
    case 'superseded':
      return n === 1 ? ['supersede'] : ['start', 'supersede'];
  }
}

/** Non-decreasing multiples of 5, `count` long, rising roughly evenly to exactly `last`. */
function climb(count: number, last: number, rand: Rand): number[] {
  const values: number[] = [];
  for (let i = 1; i < count; i++) {
    const target = (last * i) / count + 5 * int(rand, -1, 1);
    values.push(Math.min(last, Math.max(values.at(-1) ?? 5, 5 * Math.round(target / 5))));
  }
  return [...values, last];
}

export interface Shape {
  status: Status;
  overdue: boolean;
  stale: boolean;
}

export function buildTimeline(spec: ActionSpec, shape: Shape, today: string, planStart: string, rand: Rand) {
  const { status } = shape;
  const n = { not_started: rand() < 0.45 ? 1 : 0, in_progress: int(rand, 1, 4), ongoing: int(rand, 2, 5), completed: int(rand, 2, 5), on_hold: int(rand, 2, 3), superseded: int(rand, 1, 2) }[status];
  const fromOldRevision = spec.from.some((f) => f.includes('@'));

  // When the last update happened decides "stale"; open items that are not meant to be stale stay well inside six months.
  let last: string;
  if (shape.stale) last = addDays(today, -int(rand, 200, 330));
  else if (status === 'superseded') last = fromOldRevision ? addDays(planStart, int(rand, 20, 60)) : addDays(today, -int(rand, 20, 200));
  else if (status === 'completed') last = addDays(today, -int(rand, 3, 320));
  else if (status === 'on_hold') last = addDays(today, -int(rand, 20, 150));
  else last = addDays(today, -int(rand, 2, status === 'not_started' ? 120 : 110));

  const earliest = addDays(planStart, fromOldRevision ? 1 : 15);
  const span = Math.round((Date.parse(last) - Date.parse(earliest)) / 86_400_000) - 5;
  const offsets = [...sample(Array.from({ length: Math.max(0, span) }, (_, i) => i), n - 1, rand)].sort((a, b) => a - b);
  const dates = n === 0 ? [] : [...offsets.map((o) => addDays(earliest, o)), last];

  const phases = phasesFor(status, dates.length);
  // Progress grows with the number of updates, so a single early update never claims 80 %.
  const reached = (steps: number) => 5 * Math.min(17, int(rand, 2 + steps, 4 + 3 * steps));
  const k = dates.length;
  const final = { not_started: 0, in_progress: reached(k), ongoing: reached(k), completed: 100, on_hold: reached(k - 1), superseded: k === 2 ? reached(1) : 0 }[status];
  let progress: (number | null)[];
  if (status === 'not_started' || (status === 'superseded' && k === 1)) progress = dates.map(() => null);
  else if (status === 'completed') progress = [...climb(k - 1, Math.min(90, reached(k - 1) + 10), rand), 100];
  else if (status === 'on_hold' || status === 'superseded') progress = [...climb(dates.length - 1, final, rand), null];
  else progress = climb(dates.length, final, rand);

  const opening: Status = status === 'ongoing' ? 'ongoing' : 'in_progress';
  const narrate = narrator(spec, rand);
  const updates = dates.map((date, i) => {
    const phase = phases[i]!;
    let statusTo: Status | null = null;
    if (i === dates.length - 1 && ['completed', 'on_hold', 'superseded'].includes(status)) statusTo = status;
    else if (i === 0 && status !== 'not_started') statusTo = opening;
    return { date, statusTo, progress: progress[i] ?? null, ...narrate(phase, date, progress[i] ?? null) };
  });
  return { updates, progress: final, lastDate: last };
}

export function dueDateFor(spec: ActionSpec, shape: Shape, lastDate: string, today: string, planStart: string, rand: Rand): string | null {
  // WTSA items are due a month before the next assembly, four years after the one that created them.
  if (spec.to === 'WTSA') return addDays(planStart, 4 * 365 - 30);
  if (shape.overdue) return addDays(today, -int(rand, 10, 200));
  if (spec.every && shape.status !== 'completed' && shape.status !== 'superseded') {
    const ahead = { annually: [15, 330], 'every TSAG meeting': [20, 200], 'every 4 years': [400, 1100] }[spec.every];
    return addDays(today, int(rand, ahead[0]!, ahead[1]!));
  }
  switch (shape.status) {
    case 'not_started':
      return rand() < 0.15 ? null : addDays(today, int(rand, 90, 720));
    case 'in_progress':
    case 'ongoing':
      return addDays(today, int(rand, 20, 600));
    case 'completed':
      return addDays(lastDate, int(rand, -90, 200));
    case 'on_hold':
      return rand() < 0.5 ? null : addDays(today, int(rand, 60, 400));
    case 'superseded':
      return rand() < 0.5 ? null : addDays(planStart, int(rand, 100, 400));
  }
}
