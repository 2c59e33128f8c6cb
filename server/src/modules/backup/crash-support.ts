import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { SHARED_DATA } from '../../test-support/test-db.ts';

export const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../bin/mandate.mjs');

/**
 * A large Akoma Ntoso documentCollection: the PP-18 Final Acts repeated
 * `copies` times, each copy renumbered (Resolution 2 → 1002, 2002, …) so every
 * document is new. One file is one import transaction, so a kill anywhere
 * inside it must leave all of these documents or none.
 */
export function writeLargeCollection(file: string, copies: number): void {
  const src = fs.readFileSync(path.join(SHARED_DATA, 'itu-pp18/pp18_final_acts_akn.xml'), 'utf8');
  const start = src.indexOf('<components>') + '<components>'.length;
  const end = src.indexOf('</components>');
  const components = src.slice(start, end);
  const parts = [src.slice(0, start)];
  for (let i = 1; i <= copies; i++) parts.push(components.replace(/<docNumber>(\d+)/g, (_, n: string) => `<docNumber>${i * 1000 + Number(n)}`));
  parts.push(src.slice(end));
  fs.writeFileSync(file, parts.join(''));
}

export function spawnImport(file: string, db: string): ChildProcess {
  return spawn(process.execPath, [BIN, 'import', file, '--db', db, '--json'], { stdio: 'ignore', env: { ...process.env, DATABASE_URL: '' } });
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `test` every few milliseconds until it holds (true), the child exits
 * (false) or the time runs out (false).
 */
export async function until(test: () => boolean | Promise<boolean>, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    if (await test()) return true;
    await sleep(2);
  }
  return false;
}

/**
 * True while another connection holds SQLite's write lock, i.e. the import's
 * transaction has started writing and not yet committed. BEGIN IMMEDIATE with
 * no busy timeout fails at once in that case; otherwise we release it at once.
 */
export function sqliteWriterActive(probe: SQLite.Database): boolean {
  try {
    probe.exec('begin immediate');
    probe.exec('rollback');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  }
}

export interface SqliteHealth {
  integrity: string;
  foreignKeyViolations: number;
  documents: number;
  clauses: number;
  preexisting: number;
}

/** Opens the database as the next process would (recovering the WAL) and checks it. */
export function checkSqlite(file: string, sourceName: string, preexistingName: string): SqliteHealth {
  const db = new SQLite(file);
  try {
    const one = (q: string, ...p: unknown[]) => db.prepare(q).pluck().get(...p) as number;
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      foreignKeyViolations: (db.pragma('foreign_key_check') as unknown[]).length,
      documents: one('select count(*) from documents where source_name = ?', sourceName),
      clauses: one('select count(*) from clauses c join documents d on d.id = c.document_id where d.source_name = ?', sourceName),
      preexisting: one('select count(*) from documents where source_name = ?', preexistingName),
    };
  } finally {
    db.close();
  }
}
