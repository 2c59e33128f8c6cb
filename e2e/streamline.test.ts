import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissing, openApp, type OpenApp, type RunningServer } from './harness.ts';
import { mandate } from '../server/src/test-support/cli.ts';
import { OVERLAP_FIXTURES } from '../server/src/modules/overlaps/test-fixtures.ts';

/**
 * The streamlining report in a real browser against the real server (demo
 * data, plus resolutions written for the tests that repeat each other): an
 * editor runs the analysis from the page, watches it finish, reads the
 * candidates and opens a pair side by side.
 */
describe.skipIf(chromiumMissing)('an editor streamlines the library', () => {
  let app: OpenApp;
  let server: RunningServer;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await openApp({ signIn: true });
    ({ server, page, errors } = app);
    // Added next to the demo library, through the CLI the way an operator would (SQLite takes a second writer).
    const files = OVERLAP_FIXTURES.map((f) => {
      const file = path.join(server.dir, f.name);
      fs.writeFileSync(file, f.content);
      return file;
    });
    const imported = await mandate(['import', ...files, '--db', path.join(server.dir, 'e2e.sqlite')]);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(() => app?.close());

  it('runs the analysis from the page and shows candidates with their reasons', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Streamline', exact: true }).click();
    await page.getByText('The library has not been analysed yet').waitFor();
    await page.getByRole('button', { name: 'Run analysis' }).click();
    // The run goes on in the server; the page polls it until it is done (the progress bar may come and go quickly).
    await page.getByRole('heading', { name: 'Candidates' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('progressbar', { name: 'Analysis progress' }).count()).toBe(0);
    await expect.poll(() => page.locator('.run-summary').innerText()).toMatch(/^Last analysis: .+, 31 documents\.$/);

    const merge = page.getByRole('region', { name: /^Merge/ });
    await expect.poll(() => merge.locator('.candidate-reason').first().innerText()).toMatch(/^They share \d+% and \d+% of their texts in \d+ passages?, and both address TSB Director\.$/);
    expect(await merge.getByRole('link', { name: 'WTSA Resolution 911 (Rev. Testville, 2026)' }).count()).toBe(1);
    const suppress = page.getByRole('region', { name: /^Suppress/ });
    expect(await suppress.innerText()).toContain('100% of its text already stands in WTSA Resolution 914 (Rev. Testville, 2026), which is in force.');

    // Pairs, strongest first, each with its containment bar: the imported ones, and the demo's Res. 50 / Res. 52 (17 %).
    const rows = page.locator('.pairs-table tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.first().innerText()).toMatch(/WTSA Resolution 913[\s\S]*WTSA Resolution 914[\s\S]*100%/);
    expect(await rows.last().innerText()).toMatch(/WTSA Resolution 50 [\s\S]*WTSA Resolution 52 /);
    // Revisions of one text are left out unless asked for.
    await page.getByLabel('Include revisions of the same text').check();
    await expect.poll(() => rows.count()).toBe(5);
    expect(page.url()).toMatch(/lineage=true/);
  });

  it('opens a pair side by side, with the same passage numbers on both sides', async () => {
    await page.getByRole('region', { name: /^Merge/ }).getByRole('link', { name: 'Compare passages' }).click();
    await page.getByRole('heading', { name: 'WTSA Resolution 911 (Rev. Testville, 2026) and WTSA Resolution 912 (Rev. Testville, 2026)' }).waitFor();
    const left = page.getByRole('region', { name: 'Text of WTSA Resolution 911 (Rev. Testville, 2026)' });
    const right = page.getByRole('region', { name: 'Text of WTSA Resolution 912 (Rev. Testville, 2026)' });
    const numbers = (side: typeof left) => side.locator('.passage-no').allInnerTexts();
    const count = (await numbers(left)).length;
    expect(count).toBeGreaterThan(0);
    expect(await numbers(right)).toEqual(await numbers(left));
    // The highlighted words are the same on both sides.
    const marked = async (side: typeof left) => (await side.locator('mark').allInnerTexts()).join(' ').replace(/\s+/g, ' ');
    expect(await marked(left)).toContain('fellowship programme that enables experts from developing countries');
    expect(await marked(right)).toContain('fellowship programme that enables experts from developing countries');

    await page.getByText(`Passage 1 of ${count}`).waitFor();
    if (count > 1) {
      await page.getByRole('button', { name: 'Next passage' }).click();
      await page.getByText(`Passage 2 of ${count}`).waitFor();
      expect(await left.locator('.passage-no[data-current]').innerText()).toBe('2');
      expect(await right.locator('.passage-no[data-current]').innerText()).toBe('2');
    }
    await page.getByRole('link', { name: 'Streamlining report' }).click();
    await page.getByRole('heading', { name: 'Candidates' }).waitFor();
    expect(errors).toEqual([]);
  });
});
