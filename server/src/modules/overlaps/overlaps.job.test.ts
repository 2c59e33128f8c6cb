import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { OverlapStatus } from '@mandate/shared';
import type { OverlapResult } from '../../analysis/overlap/index.ts';
import { OverlapInputError } from '../../analysis/overlap/index.ts';
import { DIALECTS, FIXED_NOW, type TestDb } from '../../test-support/test-db.ts';
import { testApp } from '../../test-support/api.ts';
import { signIn, type Caller } from '../../test-support/auth.ts';
import { withCaller, type AppContext } from '../../http/context.ts';
import { importDocuments } from '../library/import.service.ts';
import type { OverlapEngine } from './overlaps.job.ts';
import { getOverlapStatus, runOverlapsNow, startOverlapRun, waitForOverlapJobs } from './overlaps.service.ts';
import { getRun } from './overlaps.repository.ts';
import { failDeadRuns, INTERRUPTED, OWNER } from './run-liveness.ts';
import { OVERLAP_FIXTURES } from './test-fixtures.ts';

const EMPTY: OverlapResult = { documents: 0, pairs: [], boilerplate: [] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An engine that reports progress and waits until released: the run stays "running" meanwhile. */
function gatedEngine() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const engine: OverlapEngine = async (docs, opts) => {
    for (let i = 0; i <= 100; i++) opts.onProgress?.({ phase: 'align', done: i, total: 100 });
    await gate;
    return { ...EMPTY, documents: docs.length };
  };
  return { engine, release };
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.skip)(`overlap runs on ${dialect.name}`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Caller;
    let editorCtx: AppContext;

    beforeAll(async () => {
      t = await dialect.open(FIXED_NOW);
      app = await testApp(t);
      editor = await signIn(app, t.ctx, 'editor');
      editorCtx = withCaller(t.ctx, { actor: { kind: 'user', userId: editor.user!.id, label: editor.user!.email, role: 'editor', units: [], regions: [] }, requestId: 'test' });
      await importDocuments(t.ctx, OVERLAP_FIXTURES.map((f) => ({ name: f.name, content: Buffer.from(f.content) })));
    });
    afterAll(async () => {
      await waitForOverlapJobs();
      await app?.close();
      await t?.cleanup();
    });

    it('writes progress while the engine works, refuses a second run with 409, then finishes', async () => {
      const { engine, release } = gatedEngine();
      const run = await startOverlapRun(editorCtx, { mode: 'full' }, { engine, progressEveryMs: 10 });
      expect(run.status).toBe('queued');
      let seen: OverlapStatus['run'] = null;
      for (let i = 0; i < 200 && seen?.phase !== 'align'; i++) {
        await sleep(10);
        seen = (await getOverlapStatus(t.ctx)).run;
      }
      // Throttled: the last report may not be written yet, but the engine's phase is.
      expect(seen).toMatchObject({ id: run.id, status: 'running', phase: 'align', total: 100 });

      const res = await editor.inject({ method: 'POST', url: '/api/overlaps/runs', payload: {} });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ title: 'Conflict', detail: expect.stringMatching(/already running \(started by .*editor/), run: { id: run.id } });

      release();
      await waitForOverlapJobs();
      expect((await getOverlapStatus(t.ctx)).run).toMatchObject({ id: run.id, status: 'done', pairs: 0 });
    });

    it('fails a run with a message for the user, never a stack, and stores nothing', async () => {
      const bad: OverlapEngine = async () => {
        throw new OverlapInputError('shingle must be a whole number from 1 to 32 (got 0)');
      };
      expect(await runOverlapsNow(t.ctx, 'full', { engine: bad })).toMatchObject({ status: 'failed', active: null, error: 'shingle must be a whole number from 1 to 32 (got 0)' });

      const broken: OverlapEngine = async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      };
      const quiet = console.error;
      console.error = () => undefined;
      const failed = await runOverlapsNow(t.ctx, 'full', { engine: broken }).finally(() => (console.error = quiet));
      expect(failed.error).toMatch(/^The analysis failed unexpectedly/);
      expect(failed.error).not.toMatch(/TypeError|at .*\.ts/);
      const stored = await t.db.kysely.selectFrom('overlap_run_documents').select('run_id').where('run_id', '=', failed.id).execute();
      expect(stored).toEqual([]);
      // The report still shows the last run that finished.
      expect((await getOverlapStatus(t.ctx)).report?.status).toBe('done');
    });

    it('fails runs left by a process that is gone, and lets a new run start', async () => {
      const db = t.db.kysely;
      const now = t.ctx.now();
      const insert = (owner: string, heartbeat: string) =>
        db.insertInto('overlap_runs').values({ status: 'running', active: 1, started_by: 'x', started_at: now, heartbeat_at: heartbeat, owner }).returning('id').executeTakeFirstOrThrow();
      // Left by this process's pid but not running here (a container restarted with the same pid).
      const ours = await insert(OWNER, now);
      expect(await failDeadRuns(t.ctx)).toBe(1);
      expect(await getRun(db, ours.id)).toMatchObject({ status: 'failed', active: null, error: INTERRUPTED });
      // Another machine whose heartbeat stopped long ago: failed when a run is asked for, which then goes ahead.
      const silent = await insert('elsewhere:4242', '2026-06-15T09:00:00.000Z');
      expect(await runOverlapsNow(t.ctx, 'auto', { engine: async () => EMPTY })).toMatchObject({ status: 'done' });
      expect((await getRun(db, silent.id))!.status).toBe('failed');
      // Another machine still beating: left alone, and it blocks new runs.
      const alive = await insert('elsewhere:4243', now);
      await expect(runOverlapsNow(t.ctx, 'auto', { engine: async () => EMPTY })).rejects.toMatchObject({ status: 409 });
      expect((await getRun(db, alive.id))!.status).toBe('running');
      await db.updateTable('overlap_runs').set({ status: 'failed', active: null }).where('id', '=', alive.id).execute();
    });

    it('marks its own runs interrupted when the server stops', async () => {
      const other = await testApp(t);
      const { engine, release } = gatedEngine();
      const run = await startOverlapRun(editorCtx, { mode: 'full' }, { engine });
      const closing = other.close();
      while ((await getRun(t.db.kysely, run.id))!.status !== 'failed') await sleep(5);
      release();
      await closing;
      await waitForOverlapJobs();
      // The job noticed it was ended: it stored nothing and stays failed.
      expect(await getRun(t.db.kysely, run.id)).toMatchObject({ status: 'failed', error: INTERRUPTED });
    });
  });
}
