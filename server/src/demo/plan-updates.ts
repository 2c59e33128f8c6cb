import type { DemoAction } from './plan.ts';
import type { ActionSpec } from './plan-specs.ts';
import { PHRASES, type Phase, type Words } from './plan-phrases.ts';

export type { Phase } from './plan-phrases.ts';
export type Evidence = DemoAction['updates'][number]['evidence'][number];

/**
 * Progress updates of the demo plan: the narrator fills the phrasings of
 * `plan-phrases.ts` with meeting months, cities, counts and document numbers
 * drawn from the item's seeded random stream, and attaches evidence links in
 * the style of ITU document addresses.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MEETING_CITIES = ['Geneva', 'Geneva', 'Geneva', 'Seoul', 'Tokyo', 'Beijing', 'Ottawa', 'Paris', 'Rio de Janeiro', 'Kigali'];
const EVENT_CITIES = ['Nairobi', 'Addis Ababa', 'Dakar', 'Kigali', 'Cairo', 'Muscat', 'Tunis', 'Bangkok', 'Jakarta', 'New Delhi', 'Suva', 'Brasilia', 'Bogotá', 'Santiago', 'Port of Spain', 'Almaty', 'Tashkent', 'Tbilisi', 'Bucharest'];
const UNIT_ACRONYM = /^(SG\d+|TSB|TSAG|BDT|BR|GS|SCV|IRG-AVA|RO-.*)$/;

/** "A", "A and B", "A, B and C". */
function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function int(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function pickFrom<T>(list: readonly T[], rand: () => number): T {
  return list[int(rand, 0, list.length - 1)]!;
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

/** ITU-T document prefixes follow the study period that begins after each assembly: T22, T25, T29 (the 2029 period after WTSA-28)… */
function period(year: number): string {
  if (year < 2025) return 'T22';
  return `T${String(2025 + 4 * Math.floor((year - 2025) / 4)).slice(2)}`;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The document an update cites (TSAG TD, Council document, study group TD or liaison statement). */
function citedDocument(spec: ActionSpec, date: string, rand: () => number): Evidence {
  const year = Number(date.slice(0, 4));
  const p = period(year);
  const reportsTo = spec.to ?? 'TSAG';
  if (spec.work === 'report' && (reportsTo === 'Council' || reportsTo === 'PP')) {
    const yy = date.slice(2, 4);
    const n = int(rand, 20, 120);
    return { label: `C${yy}/${n}`, url: `https://www.itu.int/md/S${yy}-CL-C-${pad4(n)}/en` };
  }
  const sg = spec.lead.find((l) => /^SG\d+$/.test(l));
  if (spec.work === 'liaison') {
    const from = sg ?? 'TSAG';
    const n = int(rand, 1, 250);
    return { label: `${from}-LS ${n}`, url: `https://www.itu.int/md/${p}-${from}-LS-${pad4(n)}/en` };
  }
  if (sg && spec.work !== 'report' && spec.work !== 'procedure') {
    const n = int(rand, 10, 900);
    return { label: `${sg}-TD ${n}`, url: `https://www.itu.int/md/${p}-${sg}-TD-${pad4(n)}/en` };
  }
  const n = int(rand, 100, 950);
  return { label: `TSAG-TD ${n}`, url: `https://www.itu.int/md/${p}-TSAG-TD-${pad4(n)}/en` };
}

/** The thing a finished item produced: the Recommendation, the event page, the web resource or the report. */
function deliverable(spec: ActionSpec, date: string, rand: () => number): Evidence {
  const year = date.slice(0, 4);
  switch (spec.work) {
    case 'rec':
      return { label: `Recommendation ITU-T ${spec.rec}`, url: `https://www.itu.int/rec/T-REC-${spec.rec}` };
    case 'event':
      return { label: `Event page (${year})`, url: `https://www.itu.int/en/ITU-T/Workshops-and-Seminars/${year}/${date.slice(5, 7)}${date.slice(8, 10)}/Pages/default.aspx` };
    case 'tool':
      return { label: cap(spec.about), url: `https://www.itu.int/en/ITU-T/${slug(spec.about)}/Pages/default.aspx` };
    case 'study':
      return { label: `Publication: ${spec.about}`, url: `https://www.itu.int/pub/T-TUT-${slug(spec.about).toUpperCase()}-${year}` };
    case 'support':
    case 'outreach': {
      const n = int(rand, 200, 340);
      return { label: `TSB Circular ${n}`, url: `https://www.itu.int/md/${period(Number(year))}-TSB-CIR-${pad4(n)}/en` };
    }
    default:
      return citedDocument(spec, date, rand);
  }
}

const EVIDENCE_CHANCE: Record<Phase, number> = { note: 0.1, start: 0.45, progress: 0.6, cycle: 0.7, complete: 0.95, hold: 0.2, supersede: 0.5 };

/**
 * The voice of one item's timeline: picks the wording of each update and
 * rotates through a phase's phrasings so one item never repeats itself.
 */
export function narrator(spec: ActionSpec, rand: () => number) {
  const next = new Map<Phase, number>();
  const sg = spec.lead.find((l) => /^SG\d+$/.test(l));
  // Items addressed to (or watched across) every study group read differently from a single unit's task.
  const allGroups = [...spec.lead, ...(spec.with ?? [])].filter((u) => /^SG\d+$/.test(u)).length > 3;
  const unitOnly = spec.lead.length > 3;
  const unit = unitOnly ? 'the study groups' : spec.lead.join(' and ');
  const forum = sg ?? spec.lead.find((l) => l === 'TSAG' || l === 'SCV') ?? 'TSAG';
  const partner = (spec.with ?? []).find((w) => !UNIT_ACRONYM.test(w)) ?? null;
  const eventful = spec.work === 'event' || spec.work === 'support';

  return (phase: Phase, date: string, progress: number | null): { text: string; evidence: Evidence[] } => {
    const cited = citedDocument(spec, date, rand);
    const day = new Date(`${date}T00:00:00Z`).getTime();
    const monthOf = (offsetDays: number) => MONTHS[new Date(day + offsetDays * 86_400_000).getUTCMonth()]!;
    const w: Words = {
      unit,
      forum,
      sg: sg ?? spec.lead[0]!,
      allGroups,
      partner,
      parties: listOf([unit, ...(partner ? [partner] : [])].flatMap((u) => (u === unit && !unitOnly ? spec.lead : [u]))),
      about: spec.about,
      About: cap(spec.about),
      rec: spec.rec ?? '',
      to: spec.to ?? 'TSAG',
      month: monthOf(-int(rand, 7, 40)),
      nextMonth: monthOf(int(rand, 30, 75)),
      city: pickFrom(eventful ? EVENT_CITIES : MEETING_CITIES, rand),
      n: int(rand, 4, 40),
      m: int(rand, 6, 28),
      doc: cited.label,
      circular: int(rand, 200, 340),
      progress: progress ?? 0,
    };

    let text = '';
    if (phase === 'supersede') {
      text = `Closed as superseded: ${spec.note ?? 'replaced by a later item'}.`;
    } else {
      const options = PHRASES[spec.work][phase] ?? PHRASES[spec.work].progress!;
      // Rotate through the phrasings so one timeline never says the same thing twice in a row.
      const k = next.get(phase) ?? int(rand, 0, options.length - 1);
      for (let i = 0; i < options.length && !text; i++) {
        text = options[(k + i) % options.length]!(w) ?? '';
        next.set(phase, k + i + 1);
      }
      if (!text) text = `Work on ${spec.about} continued.`;
    }

    const evidence: Evidence[] = [];
    if (rand() < EVIDENCE_CHANCE[phase]) {
      evidence.push(phase === 'complete' ? deliverable(spec, date, rand) : cited);
      if (phase === 'complete' && rand() < 0.4) evidence.push(cited);
    }
    return { text, evidence };
  };
}
