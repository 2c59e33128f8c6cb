import type { Kysely } from 'kysely';
import type { Database } from '../server/src/db/schema.ts';
import { ACTION_STATUSES } from '../shared/src/enums.ts';
import { mulberry32 } from '../server/src/demo/plan.ts';
import { DEMO_ACTION_SPECS } from '../server/src/demo/plan-specs.ts';

/**
 * Titles and descriptions come from the demo plan's 145 hand-written items, so
 * words occur about as often as in a real plan (a search for "IPv6" matches a
 * few per cent of items), not as in a dozen phrases repeated 100,000 times.
 */
const SPECS = DEMO_ACTION_SPECS;
const REGIONS = ['Africa', 'the Americas', 'the Arab States', 'Asia and the Pacific', 'the CIS region', 'Europe'];
const UNITS = ['TSB', 'SG2', 'SG3', 'SG5', 'SG11', 'SG12', 'SG13', 'SG15', 'SG16', 'SG17', 'SG20', 'TSAG', 'BDT', 'BR', 'General Secretariat'];
const PARTNERS = ['IETF', 'ISO', 'IEC', 'ICANN', 'UNEP', 'WHO', 'UNESCO', 'UNDP', 'GSMA', 'IEEE'];
const TAGS = ['cybersecurity', 'climate', 'accessibility', 'bridging-the-gap', 'IoT', 'AI', 'numbering', 'conformance', 'e-health', 'capacity-building'];

const DOCUMENTS = 40;
const CLAUSES_PER_DOCUMENT = 25;

/**
 * Inserts `count` synthetic action items with responsible units, partners,
 * tags and one or two source clauses (of 40 resolutions), in batches: a real
 * plan's items cite the clauses they implement, and the list shows them.
 */
export async function seedActions(db: Kysely<Database>, count: number, today = '2026-06-15'): Promise<void> {
  const rand = mulberry32(42); // deterministic: every benchmark run seeds the same plan
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  await db.transaction().execute(async (trx) => {
    const orgIds = new Map<string, number>();
    const orgs: [string, 'unit' | 'partner'][] = [...UNITS.map((u): [string, 'unit'] => [u, 'unit']), ...PARTNERS.map((p): [string, 'partner'] => [p, 'partner'])];
    for (const [name, type] of orgs) {
      const row = await trx.insertInto('organisations').values({ name, acronym: '', type }).returning('id').executeTakeFirstOrThrow();
      orgIds.set(name, row.id);
    }
    const clauseIds: number[][] = [];
    for (let d = 1; d <= DOCUMENTS; d++) {
      const doc = await trx
        .insertInto('documents')
        .values({ body: 'WTSA', kind: 'resolution', number: String(d), revision: 'Rev. New Delhi, 2024', year: 2024, place: 'New Delhi', title: `Resolution ${d}`, status: 'in_force', preamble: '', source_format: 'text', source_name: `res${d}.txt`, created_at: `${today}T00:00:00.000Z`, updated_at: `${today}T00:00:00.000Z` })
        .returning('id')
        .executeTakeFirstOrThrow();
      const clauses = Array.from({ length: CLAUSES_PER_DOCUMENT }, (_, i) => ({ document_id: doc.id, seq: i + 1, kind: 'operative', heading: 'resolves', addressee: null, num: String(i + 1), path: `resolves/${i + 1}`, text: `to continue the work on item ${i + 1};` }));
      clauseIds.push((await trx.insertInto('clauses').values(clauses).returning('id').execute()).map((c) => c.id));
    }
    const BATCH = 500;
    for (let start = 0; start < count; start += BATCH) {
      const n = Math.min(BATCH, count - start);
      const rows = Array.from({ length: n }, (_, i) => {
        const k = start + i + 1;
        const spec = pick(SPECS);
        const due = rand() < 0.6 ? `20${25 + Math.floor(rand() * 4)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-15` : null;
        return {
          ref: `A-${String(k).padStart(6, '0')}`,
          title: `${spec.title} (${pick(REGIONS)}, ${2025 + (k % 4)})`,
          description: `Work on ${spec.about}, with ${pick(PARTNERS)}; reported to ${pick(['TSAG', 'Council'])}.`,
          status: pick(ACTION_STATUSES),
          progress: Math.floor(rand() * 101),
          reports_to: pick(['TSAG', 'Council', 'WTSA']),
          due_date: due,
          recurrence: due ? '' : pick(['', 'annually']),
          last_update: rand() < 0.8 ? `2026-0${1 + Math.floor(rand() * 6)}-10` : null,
          created_at: `${today}T00:00:00.000Z`,
          updated_at: `${today}T00:00:00.000Z`,
        };
      });
      const ids = await trx.insertInto('actions').values(rows).returning('id').execute();
      await trx
        .insertInto('action_parties')
        .values(ids.flatMap(({ id }) => [
          { action_id: id, organisation_id: orgIds.get(pick(UNITS))!, role: 'responsible' as const },
          { action_id: id, organisation_id: orgIds.get(pick(PARTNERS))!, role: 'collaborator' as const },
        ]))
        .execute();
      await trx.insertInto('action_tags').values(ids.map(({ id }) => ({ action_id: id, tag: pick(TAGS) }))).execute();
      await trx
        .insertInto('action_clauses')
        .values(ids.flatMap(({ id }) => {
          const clauses = pick(clauseIds);
          const first = Math.floor(rand() * (CLAUSES_PER_DOCUMENT - 1));
          return (rand() < 0.5 ? [first] : [first, first + 1]).map((i) => ({ action_id: id, clause_id: clauses[i]! }));
        }))
        .execute();
    }
  });
}
