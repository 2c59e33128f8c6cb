import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DocumentSummary } from '@mandate/shared';
import { chromiumMissing, openApp, type OpenApp, type RunningServer } from './harness.ts';
import { ZipArchive } from '../server/src/analysis/extract/zip.ts';

/** A consolidated draft of the demo library's two revisions of WTSA Resolution 64, in a real browser against the real server. */
describe.skipIf(chromiumMissing)('a counsellor prepares a consolidated draft', () => {
  let app: OpenApp;
  let server: RunningServer;
  let page: Page;
  let newer: DocumentSummary;
  let older: DocumentSummary;
  let errors: string[];

  beforeAll(async () => {
    app = await openApp({ signIn: true, acceptDownloads: true });
    ({ server, page, errors } = app);
    const docs = (await (await page.request.get(`${server.url}/api/documents?limit=500`)).json()).items as DocumentSummary[];
    const res64 = docs.filter((d) => d.number === '64').sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
    [newer, older] = [res64[0]!, res64[1]!];
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the draft from the reader with "Consolidate with…"', async () => {
    await page.goto(`${server.url}/documents/${newer.id}`);
    await page.getByRole('button', { name: 'Consolidate with…' }).click();
    await page.getByLabel('Find a document').fill(`64 ${older.revision}`);
    await page.getByLabel('Other document', { exact: true }).selectOption(String(older.id));
    await page.getByRole('button', { name: 'Open the draft' }).click();
    await page.waitForURL(`**/streamline/consolidate?ids=${newer.id},${older.id}`);
    await page.locator('.draft').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Consolidated draft');
  });

  it('shows each clause once with where it came from, and the changes from each revision', async () => {
    // The revisions share most clauses: merged ones name both.
    const merged = page.locator('.draft-clause', { has: page.locator('.origin-merged') });
    expect(await merged.count()).toBeGreaterThan(3);
    expect(await merged.first().locator('.origin-chip').allInnerTexts()).toEqual([expect.stringMatching(/^Res 64 \(2024\) §/), expect.stringMatching(/^Res 64 \(2022\) §/)]);
    await page.getByRole('tab', { name: 'Changes from Res 64 (2022)' }).click();
    await page.locator('.redline').waitFor();
    expect(await page.locator('.redline ins.word-insert').count()).toBeGreaterThan(0);
    expect(await page.locator('.redline del.word-delete').count()).toBeGreaterThan(0);
    // Named for screen readers, not told by colour alone.
    expect(await page.locator('.redline ins.word-insert .visually-hidden').first().textContent()).toBe('inserted: ');
  });

  it('downloads the DOCX with tracked changes against the older revision', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download DOCX (tracked changes)' }).click()]);
    expect(download.suggestedFilename()).toBe('consolidated-draft-vs-wtsa-resolution-64-rev-geneva-2022.docx');
    const file = path.join(server.dir, download.suggestedFilename());
    await download.saveAs(file);
    const xml = new TextDecoder().decode(new ZipArchive(fs.readFileSync(file)).read('word/document.xml')!);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Mandate"/);
    expect(xml).toContain('<w:delText');
    expect(errors).toEqual([]);
  });
});
