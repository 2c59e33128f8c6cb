import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissing, openApp, type OpenApp, type RunningServer } from './harness.ts';

/**
 * Revision diff in a real browser against the real server with demo data:
 * the demo library holds two revisions of WTSA Resolution 64 (Geneva, 2022
 * and New Delhi, 2024), all public, so a visitor without an account can compare them.
 */
describe.skipIf(chromiumMissing)('a visitor compares two revisions of a resolution', () => {
  let app: OpenApp;
  let server: RunningServer;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await openApp();
    ({ server, page, errors } = app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('goes from the reader’s revisions to the comparison and sees the inserted words', async () => {
    await page.goto(`${server.url}/documents?q=64`);
    await page.getByRole('link', { name: 'WTSA Resolution 64 (Rev. New Delhi, 2024)', exact: true }).click();
    await page.locator('#doc-title').waitFor();

    const revisions = page.getByRole('region', { name: 'Revisions' });
    await revisions.getByText('WTSA Resolution 64 (Rev. Geneva, 2022)').waitFor();
    await revisions.getByRole('link', { name: 'Compare with WTSA Resolution 64 (Rev. Geneva, 2022)' }).click();

    await page.getByRole('heading', { name: 'Compare revisions' }).waitFor();
    await expect.poll(() => page.locator('.page-header .subtitle').innerText()).toContain('WTSA Resolution 64 (Rev. Geneva, 2022) → WTSA Resolution 64 (Rev. New Delhi, 2024)');
    const summary = page.getByRole('list', { name: 'Summary of changes' });
    await expect.poll(() => summary.innerText()).toMatch(/3\s+Changed[\s\S]*6\s+Added[\s\S]*2\s+Removed/);

    // Study Group 13's instruction was reworded: the new words are an insertion, named for screen readers.
    const inserted = page.locator('ins', { hasText: 'the Internet of things and in future' });
    await inserted.waitFor();
    expect(await inserted.innerText()).toMatch(/^inserted:\s*the Internet of things/);
    expect(await page.locator('del', { hasText: 'next-generation' }).count()).toBe(1);
    expect(await page.locator('.diff-row[data-op="added"]').count()).toBe(6);
    expect(page.url()).toMatch(/\/documents\/\d+\/compare\?against=\d+/);
  });

  it('filters to changes only', async () => {
    expect(await page.locator('.diff-row[data-op="unchanged"]').count()).toBe(9);
    await page.getByLabel('Changes only').check();
    await expect.poll(() => page.locator('.diff-row[data-op="unchanged"]').count()).toBe(0);
    expect(page.url()).toMatch(/changes=true/);
    expect(await page.locator('.diff-row').count()).toBe(3 + 6 + 2);

    // The pickers show the two revisions; neither can be compared with itself.
    const older = page.getByLabel('Older revision');
    const newer = page.getByLabel('Newer revision');
    expect(await older.locator('option:checked').innerText()).toMatch(/Geneva, 2022/);
    expect(await newer.locator('option:checked').innerText()).toMatch(/New Delhi, 2024/);
    expect(await newer.locator('option[disabled]').innerText()).toMatch(/Geneva, 2022/);
    expect(errors).toEqual([]);
  });
});
