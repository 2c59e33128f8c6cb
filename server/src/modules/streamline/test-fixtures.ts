import type { AppContext } from '../../http/context.ts';
import { ITU_FIXTURE } from '../../test-support/fixtures.ts';
import { patchDocument } from '../library/document-patch.service.ts';
import { importDocuments } from '../library/import.service.ts';

/** A second public resolution, sharing a recital with ITU_FIXTURE, so a merge has two documents anyone may read. */
export const MERGE_FIXTURE = ITU_FIXTURE.replace('RESOLUTION 901 (Rev. Testville, 2026)', 'RESOLUTION 902 (Testville, 2026)')
  .replace('Keeping test fixtures honest', 'Sharing test fixtures')
  .replace('(Testville, 2022; Testville, 2026)\n\n', '')
  .replace('1 to keep fixtures short;', '1 to share fixtures between projects;');

const created = new WeakMap<object, Promise<number>>();

/** Imports MERGE_FIXTURE once per database and makes it public; returns its id. */
export function publicMergeFixture(system: AppContext): Promise<number> {
  let id = created.get(system.db);
  if (!id) {
    id = (async () => {
      await importDocuments(system, [{ name: 'merge-fixture.txt', content: Buffer.from(MERGE_FIXTURE) }]);
      const row = await system.db.kysely.selectFrom('documents').select('id').where('number', '=', '902').executeTakeFirstOrThrow();
      await patchDocument(system, row.id, { isPublic: true });
      return row.id;
    })();
    created.set(system.db, id);
  }
  return id;
}
