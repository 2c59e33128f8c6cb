import type { ParsedClause, ParsedDocument } from '../analysis/types.ts';
import { DEMO_ORGANISATIONS, organisation } from './plan-organisations.ts';
import { DEMO_ACTION_SPECS, type ActionSpec } from './plan-specs.ts';
import { addDays, buildTimeline, dueDateFor, sample, type Rand, type Shape } from './plan-timeline.ts';

export { addDays } from './plan-timeline.ts';

export interface DemoOrganisation {
  name: string;
  acronym: string;
  type: 'unit' | 'partner';
}

export interface DemoAction {
  title: string;
  description: string;
  sources: { body: string; number: string; revision: string; clausePath: string }[];
  /** Organisation names (not acronyms): the action service matches parties on `name`. */
  responsible: string[];
  collaborators: string[];
  reportsTo: string;
  dueDate: string | null;
  recurrence: string;
  status: 'not_started' | 'in_progress' | 'ongoing' | 'on_hold' | 'completed' | 'superseded';
  progress: number;
  tags: string[];
  updates: {
    date: string;
    text: string;
    statusTo: DemoAction['status'] | null;
    progress: number | null;
    evidence: { label: string; url: string }[];
  }[];
}

export interface DemoPlan {
  organisations: DemoOrganisation[];
  actions: DemoAction[];
}

type Status = DemoAction['status'];
interface Source {
  doc: ParsedDocument;
  clause: ParsedClause;
}

const SEED = 0x5eed2024;

/** Small, well-known seeded PRNG: the demo must come out identical on every start. */
export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each item gets its own stream (seeded by its title), so editing one spec leaves the others unchanged. */
function streamFor(key: string): Rand {
  let h = SEED;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return mulberry32(h);
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const revisionKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

// ---------------------------------------------------------------- sources

/** The WTSA document a source phrase points at: the newest revision unless "@<revision>" names another. */
function documentFor(docs: ParsedDocument[], number: string, revision: string | undefined): ParsedDocument | undefined {
  const lineage = docs.filter((d) => d.body === 'WTSA' && d.number === number);
  if (revision) return lineage.find((d) => revisionKey(d.revision) === revisionKey(revision));
  return lineage.reduce<ParsedDocument | undefined>((best, d) => (!best || (d.year ?? 0) >= (best.year ?? 0) ? d : best), undefined);
}

/** The one operative clause containing `phrase`; when a parent clause repeats its children's text, the child wins. */
function clauseFor(doc: ParsedDocument, phrase: string): ParsedClause | string {
  const wanted = norm(phrase);
  const hits = doc.clauses.filter((c) => c.kind === 'operative' && norm(c.text).includes(wanted));
  const leaves = hits.filter((c) => !hits.some((d) => d !== c && d.path.startsWith(`${c.path}/`)));
  if (leaves.length === 1) return leaves[0]!;
  return `${leaves.length} operative clauses of Resolution ${doc.number} (${doc.revision}) contain "${phrase}"`;
}

function resolveSources(docs: ParsedDocument[], spec: ActionSpec): Source[] | string {
  const sources: Source[] = [];
  for (const ref of spec.from) {
    const m = /^(\d+)(?:@([^:]+))?:\s*(.+)$/.exec(ref);
    if (!m) return `malformed source "${ref}"`;
    const doc = documentFor(docs, m[1]!, m[2]);
    if (!doc) return `no WTSA Resolution ${m[1]}${m[2] ? ` (${m[2]})` : ''} among the parsed documents`;
    const clause = clauseFor(doc, m[3]!);
    if (typeof clause === 'string') return clause;
    sources.push({ doc, clause });
  }
  return sources;
}

/** Source phrases of the demo plan that do not resolve to exactly one clause: empty when corpus, parser and specs agree. */
export function unresolvedDemoSources(docs: ParsedDocument[]): string[] {
  return DEMO_ACTION_SPECS.flatMap((spec) => {
    const r = resolveSources(docs, spec);
    return typeof r === 'string' ? [`${spec.title}: ${r}`] : [];
  });
}

/** "Resolution 64 (Rev. New Delhi, 2024) instructs the Director … to publish …." — the clause read as one sentence. */
function describeSource({ doc, clause }: Source): string {
  const parent = doc.clauses
    .filter((c) => clause.path.startsWith(`${c.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const body = [parent?.text, clause.text]
    .filter((t): t is string => !!t)
    .map((t) => t.trim().replace(/[;,.:]+$/, ''))
    .join(' ');
  const heading = clause.heading.charAt(0).toLowerCase() + clause.heading.slice(1);
  return `Resolution ${doc.number} (${doc.revision}) ${heading} ${body}.`;
}

// ---------------------------------------------------------------- plan

/**
 * The demo action plan over the parsed demo corpus: one item per spec whose
 * source clauses resolve (see `unresolvedDemoSources`), with a status mix,
 * overdue and stale items and dated progress updates, all relative to `today`
 * and identical for the same input.
 */
export function buildDemoPlan(docs: ParsedDocument[], today: string): DemoPlan {
  // The plan began shortly after the assembly; dates stay plausible whatever today is.
  const planStart = addDays(today, -400);
  const resolved = DEMO_ACTION_SPECS.map((spec) => ({ spec, sources: resolveSources(docs, spec) })).filter(
    (r): r is { spec: ActionSpec; sources: Source[] } => typeof r.sources !== 'string',
  );

  // About a tenth of the plan overdue and a tenth stale, spread over the open statuses.
  const pick = mulberry32(SEED);
  const withStatus = (s: Status, f: (spec: ActionSpec) => boolean = () => true) => resolved.filter((r) => r.spec.status === s && f(r.spec)).map((r) => r.spec);
  const canSlip = (spec: ActionSpec) => spec.to !== 'WTSA' && !spec.every;
  const overdue = new Set<ActionSpec>();
  for (const [status, share] of [['not_started', 0.25], ['in_progress', 0.16], ['on_hold', 0.45]] as const) {
    const pool = withStatus(status, canSlip);
    for (const s of sample(pool, Math.round(pool.length * share), pick)) overdue.add(s);
  }
  const stale = new Set<ActionSpec>();
  for (const [status, share] of [['in_progress', 0.2], ['on_hold', 0.6]] as const) {
    const pool = withStatus(status);
    for (const s of sample(pool, Math.round(pool.length * share), pick)) stale.add(s);
  }

  const actions = resolved.map(({ spec, sources }): DemoAction => {
    const rand = streamFor(spec.title);
    const shape: Shape = { status: spec.status, overdue: overdue.has(spec), stale: stale.has(spec) };
    const timeline = buildTimeline(spec, shape, today, planStart, rand);
    return {
      title: spec.title,
      description: sources.map(describeSource).join('\n\n'),
      sources: sources.map(({ doc, clause }) => ({ body: doc.body, number: doc.number, revision: doc.revision, clausePath: clause.path })),
      responsible: spec.lead.map((a) => organisation(a).name),
      collaborators: (spec.with ?? []).map((a) => organisation(a).name),
      reportsTo: spec.to ?? 'TSAG',
      dueDate: dueDateFor(spec, shape, timeline.lastDate, today, planStart, rand),
      recurrence: spec.every ?? '',
      status: spec.status,
      progress: timeline.progress,
      tags: [...spec.tags],
      updates: timeline.updates,
    };
  });
  return { organisations: DEMO_ORGANISATIONS.map((o) => ({ ...o })), actions };
}
