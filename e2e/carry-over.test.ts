import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissing, openApp, type OpenApp, type RunningServer } from './harness.ts';

/**
 * Plan carry-over in a real browser against the demo library: some items of
 * the demo plan still cite WTSA Resolution 64 (Rev. Geneva, 2022), among them
 * "Organize IPv6 training and hands-on workshops in each region", whose clause
 * the New Delhi revision kept word for word.
 */
const ITEM = 'Organize IPv6 training and hands-on workshops in each region';
const OLDER = 'WTSA Resolution 64 (Rev. Geneva, 2022)';
const NEWER = 'WTSA Resolution 64 (Rev. New Delhi, 2024)';

describe.skipIf(chromiumMissing)('an editor carries the action plan over to a new revision', () => {
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

  it('goes from the comparison of the two revisions to the proposal', async () => {
    const docs = (await (await page.request.get(`${server.url}/api/documents?q=64`)).json()) as { items: { id: number; label: string }[] };
    const id = (label: string) => docs.items.find((d) => d.label === label)!.id;
    await page.goto(`${server.url}/documents/${id(NEWER)}/compare?against=${id(OLDER)}`);
    await page.getByRole('heading', { name: 'Compare revisions' }).waitFor();
    await page.getByRole('link', { name: 'Carry the plan over' }).click();

    await page.getByRole('heading', { name: 'Carry the plan over' }).waitFor();
    await expect.poll(() => page.locator('.page-header .subtitle').innerText()).toContain(`${OLDER} → ${NEWER}`);
    expect(page.url()).toContain(`/documents/${id(OLDER)}/carry-over?to=${id(NEWER)}`);
    const row = page.getByRole('row', { name: new RegExp(ITEM) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/High · 100 %\s+unchanged/);
    // Open items proposed with high confidence come ticked; superseded ones never do.
    expect(await row.getByRole('checkbox').isChecked()).toBe(true);
    for (const superseded of await page.getByRole('row', { name: /Superseded/ }).all()) expect(await superseded.getByRole('checkbox').isChecked()).toBe(false);
  });

  it('carries one item over and finds it citing the new revision, the old one kept', async () => {
    // Some rows are ticked: the header box ticks them all first, then clears them all.
    const all = page.getByLabel('Select every item with a target');
    await all.check();
    await all.uncheck();
    const row = page.getByRole('row', { name: new RegExp(ITEM) });
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Carry over 1 item', exact: true }).click();
    await page.getByText(`1 item now cites ${NEWER} as well.`).waitFor();
    // Carried over: no longer ticked, and said so.
    await expect.poll(() => row.innerText()).toContain('Carried over');
    expect(await row.getByRole('checkbox').isDisabled()).toBe(true);

    await row.getByRole('link', { name: /^A-\d+$/ }).click();
    await page.getByRole('heading', { name: ITEM }).waitFor();
    const sources = page.locator('section', { has: page.getByRole('heading', { name: 'Source clauses' }) });
    await expect.poll(() => sources.innerText()).toContain(`${NEWER} · instructs the Director of the Telecommunication Standardization Bureau 2`);
    expect(await sources.innerText()).toContain(`${OLDER} · instructs the Director of the Telecommunication Standardization Bureau 2`);
    expect(errors).toEqual([]);
  });
});
