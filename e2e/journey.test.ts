import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, E2E_ADMIN, launchBrowser, startServer, type RunningServer } from './harness.ts';
import { ituDocx } from '../server/src/analysis/extract/test-fixtures.ts';

/** The journey of the foundation issue, in a real browser against the real server with demo data. */
describe.skipIf(chromiumMissing)('an editor keeps the action plan', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const kpi = async (label: string) => {
    const card = page.locator('.kpi', { hasText: label });
    return Number((await card.locator('.kpi-value').innerText()).replace(/[^\d]/g, ''));
  };
  const legendCount = async (status: string) =>
    Number(await page.locator('.legend li', { hasText: status }).locator('.legend-count').innerText());

  it('shows the public plan to a visitor without an account, with nothing to change', async () => {
    await page.goto(server.url);
    await page.locator('.legend').waitFor();
    // Asked without credentials, as the visitor's page does: public items only.
    const publicTotal = (await (await fetch(`${server.url}/api/actions?limit=1`)).json()).total;
    expect(publicTotal).toBeGreaterThan(10);
    await expect.poll(() => kpi('Action items')).toBe(publicTotal);
    expect(await kpi('Pending suggestions')).toBe(0);
    expect(await page.getByRole('link', { name: 'Import', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Suggestions', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Action plan', exact: true }).click();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByRole('button', { name: /new action/i }).count()).toBe(0);
    expect(await page.locator('select.status-select').count()).toBe(0);
    expect((await fetch(`${server.url}/api/suggestions`)).status).toBe(401);
  });

  it('signs in through the sign-in page', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(E2E_ADMIN.email);
    await page.getByLabel('Password').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    // The top bar now names the account and its role instead of offering to sign in.
    await page.locator('.user-menu > summary', { hasText: 'Admin' }).waitFor();
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(0);
  });

  it('opens the dashboard, accepts a suggestion from a clause, changes its status and sees the counts move', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.locator('.legend').waitFor();
    const actionsBefore = await kpi('Action items');
    const pendingBefore = await kpi('Pending suggestions');
    const completedBefore = await legendCount('Completed');
    expect(actionsBefore).toBeGreaterThanOrEqual(100);
    expect(pendingBefore).toBeGreaterThan(0);

    // Find a resolution with a pending suggestion, and open it from the library as a user would.
    // Asked with the browser's session: suggestions are internal.
    const pending = await (await page.request.get(`${server.url}/api/suggestions?status=pending&limit=1`)).json();
    const suggestion = pending.items[0];
    await page.getByRole('link', { name: 'Library', exact: true }).click();
    await page.getByRole('link', { name: suggestion.documentLabel, exact: true }).click();
    await page.locator('#doc-title').waitFor();

    await page.getByRole('button', { name: `Accept suggestion: ${suggestion.title}` }).click();
    const created = page.locator('.clause-margin a', { hasText: suggestion.title }).first();
    await created.waitFor();
    await created.click();
    await page.getByRole('heading', { name: suggestion.title }).waitFor();
    const ref = (await page.locator('text=/^A-\\d{4}$/').first().innerText()).trim();

    // The plan filtered by the new item's reference, as the top bar's search does.
    await page.getByRole('searchbox').first().fill(ref);
    await page.keyboard.press('Enter');
    const status = page.getByLabel(`Status of ${ref}`);
    await status.waitFor();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/actions/') && r.request().method() === 'PATCH' && r.status() === 200),
      status.selectOption('completed'),
    ]);

    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.locator('.legend').waitFor();
    await expect.poll(() => kpi('Action items')).toBe(actionsBefore + 1);
    expect(await kpi('Pending suggestions')).toBe(pendingBefore - 1);
    expect(await legendCount('Completed')).toBe(completedBefore + 1);
  });

  it('uploads a Word file on the import page and reads it in the library', async () => {
    await page.goto(`${server.url}/import`);
    await page.getByRole('heading', { name: 'Import' }).waitFor();
    const docx = { name: 'Resolution 64.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(await ituDocx()) };
    await page.locator('#import-files').setInputFiles(docx);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByRole('region', { name: /summary/i });
    await summary.waitFor();
    const counter = (label: string) => summary.locator('.kpi', { hasText: label }).locator('.kpi-value').innerText();
    expect(await counter('Documents')).toBe('1');
    expect(Number(await counter('Clauses'))).toBeGreaterThanOrEqual(5);
    await page.getByRole('link', { name: /open the library/i }).click();
    await page.getByRole('searchbox').first().fill('Non-discriminatory access');
    await page.getByRole('link', { name: /Resolution 64/ }).first().click();
    await page.getByText('to continue the studies under Question 4/20').waitFor();
  });

  it('downloads the plan as XLSX with the new item in it', async () => {
    await page.goto(`${server.url}/actions`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export XLSX' }).click()]);
    const file = path.join(server.dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Action plan')!;
    const statuses: string[] = [];
    sheet.eachRow((row, n) => n > 1 && statuses.push(String(row.getCell(4).value)));
    expect(statuses.length).toBeGreaterThanOrEqual(100);
    expect(statuses).toContain('Completed');
    expect(errors).toEqual([]);
  });
});
