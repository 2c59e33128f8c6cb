import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The demo library: resolutions of WTSA (New Delhi, 2024) written by this
 * project in the ITU plain-text layout, plus two older revisions (Geneva,
 * 2022) so the library shows lineage and superseded documents.
 *
 * Files are read from disk next to this module (not bundled as strings) so
 * they stay reviewable as ordinary text and can be imported by hand too.
 * Sorted by name: the older `wtsa20-*` revisions come before `wtsa24-*`.
 */
export function loadDemoCorpus(): { name: string; text: string }[] {
  const dir = new URL('./corpus/', import.meta.url);
  return fs
    .readdirSync(fileURLToPath(dir))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(new URL(name, dir), 'utf8') }));
}
