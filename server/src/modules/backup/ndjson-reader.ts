import fs from 'node:fs';
import readline from 'node:readline';
import { BackupError } from './backup-error.ts';
import { parseBody, parseHeader, type DumpHeader, type RowRecord } from './ndjson-format.ts';

function lines(file: string) {
  return readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

/** Reads only the header, so a wrong or foreign file is refused before anything is touched. */
export async function readNdjsonHeader(file: string): Promise<DumpHeader> {
  const rl = lines(file);
  try {
    for await (const line of rl) return parseHeader(line);
    throw new BackupError(`${file} is empty`);
  } catch (err) {
    if (err instanceof BackupError && /^(line 1|not a Mandate)/.test(err.message)) {
      throw new BackupError(`${file} is not a Mandate backup (neither a SQLite database nor an NDJSON dump with a mandate-backup header)`);
    }
    throw err;
  } finally {
    rl.close();
  }
}

/**
 * Streams the rows of a dump, one line at a time. The trailer's counts are
 * checked against the rows actually read, and a missing trailer is an error:
 * the restore transaction then rolls back instead of committing half a file.
 */
export async function* readNdjsonRows(file: string): AsyncGenerator<RowRecord> {
  const seen = new Map<string, number>();
  let lineNo = 0;
  let ended = false;
  for await (const line of lines(file)) {
    lineNo += 1;
    if (lineNo === 1) {
      parseHeader(line);
      continue;
    }
    if (line.trim() === '') continue;
    if (ended) throw new BackupError(`line ${lineNo}: data after the end of the backup`);
    const rec = parseBody(line, lineNo);
    if ('end' in rec) {
      for (const [table, n] of Object.entries(rec.rows)) {
        if ((seen.get(table) ?? 0) !== n) throw new BackupError(`the backup says ${table} has ${n} rows but holds ${seen.get(table) ?? 0}; the file is damaged`);
      }
      ended = true;
      continue;
    }
    seen.set(rec.table, (seen.get(rec.table) ?? 0) + 1);
    yield rec;
  }
  if (lineNo === 0) throw new BackupError('the backup file is empty');
  if (!ended) throw new BackupError(`the backup ends at line ${lineNo} without its closing line: the file was cut short`);
}
