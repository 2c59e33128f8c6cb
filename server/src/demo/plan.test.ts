import { describe, expect, it } from 'vitest';
import { CLOSED_STATUSES, ACTION_STATUSES } from '@mandate/shared';
import { parseResolutionText } from '../analysis/text/parse-text.ts';
import { diffRevisions } from '../analysis/lineage/diff-revisions.ts';
import { staleCutoff } from '../modules/actions/action-filters.ts';
import { loadDemoCorpus } from './corpus.ts';
import { addDays, buildDemoPlan, unresolvedDemoSources, type DemoAction } from './plan.ts';

const TODAY = '2026-03-15';
const corpus = loadDemoCorpus();
const docs = corpus.map((f) => parseResolutionText(f.text, { fileName: f.name }));
const plan = buildDemoPlan(docs, TODAY);

const isOpen = (a: DemoAction) => !CLOSED_STATUSES.includes(a.status);
const lastUpdate = (a: DemoAction) => a.updates.at(-1)?.date;

describe('demo corpus', () => {
  it('holds 24 New Delhi resolutions and two older Geneva revisions', () => {
    expect(corpus).toHaveLength(26);
    expect(corpus.map((f) => f.name)).toEqual([...corpus.map((f) => f.name)].sort());
    expect(docs.filter((d) => d.revision === 'Rev. New Delhi, 2024')).toHaveLength(24);
    expect(docs.filter((d) => d.revision === 'Rev. Geneva, 2022').map((d) => d.number).sort()).toEqual(['64', '73']);
  });

  it('parses every file cleanly into preambular and operative clauses', () => {
    for (const d of docs) {
      expect(d.problems, `${d.number} (${d.revision})`).toEqual([]);
      expect(d.body).toBe('WTSA');
      expect(d.kind).toBe('resolution');
      expect(d.title.length).toBeGreaterThan(5);
      expect(d.clauses.filter((c) => c.kind === 'preambular').length, d.number).toBeGreaterThanOrEqual(2);
      expect(d.clauses.filter((c) => c.kind === 'operative').length, d.number).toBeGreaterThanOrEqual(3);
    }
    expect(docs.reduce((n, d) => n + d.clauses.length, 0)).toBeGreaterThan(250);
  });
});

describe('demo plan', () => {
  it('is deterministic and moves with today', () => {
    expect(buildDemoPlan(docs, TODAY)).toEqual(plan);
    const later = buildDemoPlan(docs, addDays(TODAY, 10));
    expect(later.actions[0]!.updates.map((u) => u.date)).toEqual(plan.actions[0]!.updates.map((u) => addDays(u.date, 10)));
  });

  it('resolves every source phrase to exactly one operative clause', () => {
    expect(unresolvedDemoSources(docs)).toEqual([]);
  });

  it('has at least 120 items in every status, with overdue and stale ones', () => {
    expect(plan.actions.length).toBeGreaterThanOrEqual(120);
    const count = (s: DemoAction['status']) => plan.actions.filter((a) => a.status === s).length;
    for (const s of ACTION_STATUSES) expect(count(s), s).toBeGreaterThan(0);
    expect(count('in_progress')).toBeGreaterThan(count('not_started'));
    const overdue = plan.actions.filter((a) => isOpen(a) && a.dueDate !== null && a.dueDate < TODAY);
    const stale = plan.actions.filter((a) => isOpen(a) && (lastUpdate(a) ?? TODAY) < staleCutoff(TODAY));
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(stale.length).toBeGreaterThanOrEqual(5);
    expect(plan.actions.some((a) => a.sources.length === 2)).toBe(true);
  });

  it('points every source at a real clause of the parsed documents', () => {
    for (const a of plan.actions) {
      expect(a.sources.length, a.title).toBeGreaterThan(0);
      for (const s of a.sources) {
        const doc = docs.find((d) => d.body === s.body && d.number === s.number && d.revision === s.revision);
        expect(doc?.clauses.some((c) => c.path === s.clausePath && c.kind === 'operative'), `${a.title} → ${s.number} ${s.clausePath}`).toBe(true);
      }
    }
    // Items on an older revision are superseded ones, or open ones not yet carried over: the clauses
    // of those still stand in the 2024 revision, so the carry-over page has something to propose.
    const old = plan.actions.filter((a) => a.sources.some((s) => s.revision !== 'Rev. New Delhi, 2024'));
    expect(old.some((a) => a.status === 'superseded')).toBe(true);
    const notCarried = old.filter((a) => a.status !== 'superseded');
    expect(notCarried.length).toBeGreaterThan(0);
    for (const a of notCarried) {
      for (const s of a.sources) {
        const revisions = docs.filter((d) => d.number === s.number).sort((x, y) => (x.year ?? 0) - (y.year ?? 0));
        const entry = diffRevisions(revisions[0]!.clauses, revisions.at(-1)!.clauses).clauses.find((c) => c.old?.path === s.clausePath);
        expect(entry?.op, `${a.title} → ${s.number} ${s.clausePath}`).not.toBe('removed');
      }
    }
  });

  it('names only registered organisations, with units responsible', () => {
    const types = new Map(plan.organisations.map((o) => [o.name, o.type]));
    expect(types.size).toBe(plan.organisations.length);
    for (const a of plan.actions) {
      expect(a.responsible.length, a.title).toBeGreaterThan(0);
      for (const n of a.responsible) expect(types.get(n), n).toBe('unit');
      for (const n of a.collaborators) expect(types.has(n), n).toBe(true);
    }
    expect(plan.organisations.some((o) => o.type === 'partner')).toBe(true);
  });

  it('keeps fields within the plan vocabulary', () => {
    for (const a of plan.actions) {
      expect(['TSAG', 'Council', 'WTSA', 'PP']).toContain(a.reportsTo);
      expect(['', 'annually', 'every TSAG meeting', 'every 4 years']).toContain(a.recurrence);
      if (a.status === 'ongoing') expect(a.recurrence, a.title).not.toBe('');
      expect(a.tags.length).toBeGreaterThan(0);
      expect(a.dueDate === null || /^\d{4}-\d{2}-\d{2}$/.test(a.dueDate)).toBe(true);
    }
  });

  it('tells each item a timeline consistent with its status and progress', () => {
    for (const a of plan.actions) {
      expect(a.updates.length, a.title).toBeLessThanOrEqual(5);
      let status: DemoAction['status'] = 'not_started';
      let progress = 0;
      let previous = '';
      for (const u of a.updates) {
        expect(u.date > previous && u.date <= TODAY, `${a.title} ${u.date}`).toBe(true);
        previous = u.date;
        if (u.statusTo) status = u.statusTo;
        if (u.progress !== null) {
          expect(u.progress, a.title).toBeGreaterThanOrEqual(progress);
          progress = u.progress;
        }
        expect(u.text.length).toBeGreaterThan(20);
        for (const e of u.evidence) expect(e.url).toMatch(/^https:\/\/www\.itu\.int\//);
      }
      expect(status, a.title).toBe(a.status);
      expect(progress, a.title).toBe(a.progress);
      if (a.status === 'completed') expect(a.progress).toBe(100);
      if (a.status === 'not_started') expect(a.progress).toBe(0);
    }
    expect(plan.actions.some((a) => a.updates.some((u) => u.evidence.length > 0))).toBe(true);
  });
});
