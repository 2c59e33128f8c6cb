import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissing, openApp, type OpenApp, type RunningServer } from './harness.ts';

/** The references report and the reader's citations panel, in a real browser against the demo library. */
describe.skipIf(chromiumMissing)('a secretariat officer checks the library’s citations', () => {
  let app: OpenApp;
  let server: RunningServer;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    app = await openApp({ signIn: true });
    ({ server, page, errors } = app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists outdated citations with the revision now in force, and filters by status', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'References', exact: true }).click();
    await page.getByRole('heading', { name: 'References' }).waitFor();
    const row = page.locator('tbody tr', { hasText: 'WTSA Resolution 52 (Rev. New Delhi, 2024)' });
    await row.waitFor();
    expect(await row.locator('.ref-pill').innerText()).toBe('Outdated');
    expect(await row.innerText()).toContain('WTSA Resolution 50 (Rev. Geneva, 2022)');
    expect(await row.getByRole('link', { name: 'WTSA Resolution 50 (Rev. New Delhi, 2024)' }).count()).toBe(1);
    const csv = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(csv).toMatch(/^\/api\/references\/export\?.*format=csv/);

    const before = await page.locator('tbody tr').count();
    await page.getByRole('button', { name: /^Resolved/ }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(before);
    expect(page.url()).toContain('status=outdated,unknown,ambiguous,resolved');
  });

  it('follows a citation to the text in force and shows its citations panel and graph', async () => {
    await page.goto(`${server.url}/references`);
    const row = page.locator('tbody tr', { hasText: 'WTSA Resolution 52 (Rev. New Delhi, 2024)' });
    await row.getByRole('link', { name: 'WTSA Resolution 50 (Rev. New Delhi, 2024)' }).click();
    await page.locator('#doc-title').waitFor();
    const panel = page.getByRole('region', { name: 'Citations' });
    await panel.locator('svg.citation-graph').waitFor();
    const citing = panel.locator('.citation-list li', { hasText: 'WTSA Resolution 52 (Rev. New Delhi, 2024)' });
    expect(await citing.locator('.ref-pill').innerText()).toBe('Outdated');
    expect(await citing.innerText()).toContain('cites WTSA Resolution 50 (Rev. Geneva, 2022)');
    // The graph links the citing text; the list links it too, for keyboards.
    expect(await panel.locator('svg.citation-graph a').count()).toBeGreaterThan(0);
    await citing.getByRole('link', { name: 'WTSA Resolution 52 (Rev. New Delhi, 2024)' }).click();
    await page.locator('#doc-title').waitFor();
    expect(page.url()).toMatch(/\/documents\/\d+$/);
    expect(errors).toEqual([]);
  });
});
