import { Command } from 'commander';
import { REFERENCE_STATUSES, type ReferenceStatus } from '@mandate/shared';
import { reindexReferences } from '../modules/references/reindex-references.ts';
import { resolveReferences, resolverFor } from '../modules/references/references.service.ts';
import { CliError, DB_OPTION_HELP, printJson, withContext } from './cli-support.ts';
import { checkFile, countByStatus } from './refs-file.ts';
import { printReferenceTable, type TableRow } from './refs-table.ts';

/**
 * `mandate refs FILE` checks one file's citations against the library;
 * `mandate refs --all` reports on every citation stored in the library;
 * `mandate refs --reindex` extracts them again from the stored clause texts.
 * Both reports resolve against the library as it is now and, like the web
 * report, leave out citations of things the library keeps nothing of
 * (ITU-T Recommendations, UN symbols…) unless --external is given.
 */

interface Options {
  all?: boolean;
  json?: boolean;
  status?: string;
  external?: boolean;
  superseded?: boolean;
  reindex?: boolean;
  db?: string;
}

function parseStatuses(raw: string | undefined): ReferenceStatus[] | undefined {
  if (raw === undefined) return undefined;
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((s) => !(REFERENCE_STATUSES as readonly string[]).includes(s));
  if (list.length === 0 || bad.length > 0) throw new CliError(`--status: expected one or more of ${REFERENCE_STATUSES.join(', ')} (comma-separated), got "${raw}"`, 2);
  return list as ReferenceStatus[];
}

function summary(counts: Record<ReferenceStatus, number>, hiddenExternal: number): string {
  const parts = REFERENCE_STATUSES.map((s) => `${counts[s]} ${s}`).join(', ');
  return hiddenExternal > 0 ? `${parts}; ${hiddenExternal} citation(s) of texts the library does not keep left out (--external shows them)` : parts;
}

export function refsCommand() {
  return new Command('refs')
    .description('Check citations against the library: outdated (a newer revision is in force), unknown, ambiguous')
    .argument('[file]', 'a file to check (.txt, .docx, .pdf, Akoma Ntoso .xml); omit with --all')
    .option('--all', 'report on every citation stored in the library')
    .option('--status <list>', `only these statuses, comma-separated (${REFERENCE_STATUSES.join(', ')})`)
    .option('--external', 'include citations of texts the library keeps nothing of (ITU-T Recommendations, Questions, UN symbols…)')
    .option('--superseded', 'with --all: also citations in superseded and suppressed documents')
    .option('--reindex', 'extract the citations again from the stored clause texts first (after an upgrade)')
    .option('--json', 'print JSON')
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (file: string | undefined, opts: Options) => {
      if (file && opts.all) throw new CliError('give a FILE or --all, not both', 2);
      if (!file && !opts.all && !opts.reindex) throw new CliError('give a FILE to check, or --all for the whole library (see mandate refs --help)', 2);
      const status = parseStatuses(opts.status);
      await withContext(opts.db, async (ctx) => {
        if (opts.reindex) {
          const r = await reindexReferences(ctx.db.kysely);
          if (!file && !opts.all) return opts.json ? printJson(r) : console.log(`re-extracted ${r.references} citation(s) from ${r.documents} document(s)`);
        }
        const keep = (r: { status: ReferenceStatus; external: boolean }) => (opts.external || !r.external) && (!status || status.includes(r.status));
        if (file) {
          const checked = await checkFile(file, await resolverFor(ctx));
          const documents = checked.documents.map((d) => {
            const shown = d.references.filter((r) => opts.external || !r.external);
            return { ...d, counts: countByStatus(shown), hiddenExternal: d.references.length - shown.length, references: d.references.filter(keep) };
          });
          if (opts.json) return printJson({ ...checked, documents });
          for (const d of documents) {
            console.log(`${d.label} (${checked.file})`);
            printReferenceTable(d.references.map((r): TableRow => ({ ...r, clause: r.clausePath ?? `@${r.start}` })));
            console.log(summary(d.counts, d.hiddenExternal));
          }
          return;
        }
        const { items, counts } = await resolveReferences(ctx, { external: opts.external ? 'include' : 'exclude', citing: opts.superseded ? 'all' : 'in_force', status });
        if (opts.json) return printJson({ total: items.length, counts, items });
        printReferenceTable(items.map((i): TableRow => ({ ...i, clause: i.clausePath })));
        console.log(summary(counts, 0));
      });
    });
}
