import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, E2E_ADMIN, launchBrowser, startServer, type RunningServer } from './harness.ts';

/**
 * Imported and typed text is data, never markup: a resolution, an action
 * item, a progress update and its evidence carrying script payloads are
 * shown on every page that displays them, as text, and nothing runs. Each
 * payload would set window.__pwned, request /pwned or open a dialog if it
 * ever executed; the DOM is also checked for injected elements and event
 * handlers, and the console for CSP refusals (which would mean markup got
 * in and only the CSP stopped it).
 */

const run = (tag: string) => `window.__pwned='${tag}';fetch('/pwned?${tag}');alert('${tag}')`;
const P = {
  script: `<script>${run('script')}</script>`,
  img: `<img src=x onerror="${run('img')}">`,
  svg: `<svg onload="${run('svg')}"></svg>`,
  link: `<a href="javascript:${run('link')}">click</a>`,
  iframe: `<iframe srcdoc="<script>${run('iframe')}</script>"></iframe>`,
  js: `javascript:${run('js-url')}`,
};

/** An ITU-layout resolution whose title, headings and clauses carry the payloads. */
const RESOLUTION = `RESOLUTION 977 (Rev. Testville, 2026)

Markup is text ${P.script}

The World Telecommunication Standardization Assembly (Testville, 2026),

considering

a) that ${P.img} is an image tag typed as text;

b) that ${P.svg} is a drawing typed as text,

resolves

1 to render ${P.link} inert;

2 that ${P.iframe} stays a string,

instructs the Director of the Telecommunication Standardization Bureau

1 to report ${P.script} annually to TSAG.
`;

describe.skipIf(chromiumMissing)('imported text renders inert in the web app', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let csrf: string;
  let documentId: number;
  let actionId: number;
  let importedId: number;
  const seen = { dialogs: [] as string[], pwnedRequests: [] as string[], cspViolations: [] as string[], pageErrors: [] as string[] };

  const api = (path: string) => `${server.url}${path}`;
  const write = { headers: () => ({ 'x-csrf-token': csrf }) };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('dialog', (d) => {
      seen.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (r.url().includes('/pwned')) seen.pwnedRequests.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) seen.cspViolations.push(m.text());
    });
    page.on('pageerror', (e) => seen.pageErrors.push(e.message));

    // Signed in through the API with the browser's own cookie jar, as the web app does.
    const login = await page.request.post(api('/api/auth/login'), { data: E2E_ADMIN });
    expect(login.status()).toBe(200);
    csrf = (await login.json()).csrfToken;

    const imported = await page.request.post(api('/api/imports'), { headers: write.headers(), multipart: { files: { name: 'payloads.txt', mimeType: 'text/plain', buffer: Buffer.from(RESOLUTION) } } });
    const summary = await imported.json();
    expect(summary).toMatchObject({ documents: 1, failed: [] });
    const docs = await (await page.request.get(api('/api/documents?q=977'))).json();
    documentId = docs.items[0].id;
    const detail = await (await page.request.get(api(`/api/documents/${documentId}`))).json();
    const clauseIds = detail.clauses.filter((c: { kind: string }) => c.kind === 'operative').map((c: { id: number }) => c.id);

    const created = await page.request.post(api('/api/actions'), {
      headers: write.headers(),
      data: { title: `Item ${P.img}`, description: `${P.script} ${P.iframe}`, status: 'in_progress', progress: 10, responsible: [`Unit ${P.svg}`], tags: ['<b onmouseover=alert(1)>tag</b>'], reportsTo: P.link, dueDate: '2020-01-01', clauseIds, isPublic: true },
    });
    expect(created.status()).toBe(201);
    const action = await created.json();
    actionId = action.id;
    // A javascript: link is refused as evidence over the API...
    const refused = await page.request.post(api(`/api/actions/${actionId}/updates`), { headers: { ...write.headers(), 'if-match': `"${action.version}"` }, data: { text: 'x', evidence: [{ label: 'bad', url: P.js }] } });
    expect(refused.status()).toBe(400);
    const update = await page.request.post(api(`/api/actions/${actionId}/updates`), {
      headers: { ...write.headers(), 'if-match': `"${action.version}"` },
      data: { text: `Progress ${P.script} ${P.img}`, date: '2026-01-15', evidence: [{ label: `Evidence ${P.img}`, url: 'https://example.org/?q=<script>alert(1)</script>' }] },
    });
    expect(update.status()).toBe(201);

    // ...but a plan file may still carry one as free text: it must be shown, never linked.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Action plan').addRows([['ref', 'title', 'status', 'responsible'], ['X-0977', `Imported ${P.svg}`, 'In progress', 'SG17']]);
    wb.addWorksheet('Progress updates').addRows([['ref', 'date', 'text', 'evidence'], ['X-0977', '2026-02-01', `Imported update ${P.iframe}`, `${P.js}; ${P.img} <https://example.org/ok>`]]);
    const plan = await page.request.post(api('/api/actions/import'), { headers: write.headers(), multipart: { file: { name: 'plan.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await wb.xlsx.writeBuffer()) } } });
    expect(plan.status()).toBe(200);
    const found = await (await page.request.get(api('/api/actions?q=X-0977&limit=50'))).json();
    importedId = found.items.find((a: { ref: string }) => a.ref === 'X-0977').id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Nothing ran, nothing was injected, and the payload is on screen as characters. */
  async function expectInert(where: string, visibleText?: string) {
    await page.waitForLoadState('networkidle');
    const dom = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: string }).__pwned,
      handlers: document.querySelectorAll('[onerror],[onload],[onmouseover],[onclick]').length,
      injected: document.querySelectorAll('main img[src="x"], main svg[onload], main iframe, main script').length,
      jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href')!.trim().toLowerCase().startsWith('javascript:')).length,
      foreignScripts: [...document.scripts].filter((s) => !s.src || new URL(s.src).origin !== location.origin).length,
    }));
    expect(dom, where).toEqual({ pwned: undefined, handlers: 0, injected: 0, jsLinks: 0, foreignScripts: 0 });
    if (visibleText) await expect.poll(() => page.getByText(visibleText, { exact: false }).first().isVisible(), { message: where }).toBe(true);
    expect(seen, where).toEqual({ dialogs: [], pwnedRequests: [], cspViolations: [], pageErrors: [] });
  }

  it('the reader shows the resolution with its payloads as text', async () => {
    await page.goto(`${server.url}/documents/${documentId}`);
    await page.locator('#doc-title').waitFor();
    await expectInert('reader', '<img src=x onerror=');
    await expectInert('reader', '<script>window.__pwned');
  });

  it('the library and the suggestions drawn from those clauses', async () => {
    await page.goto(`${server.url}/documents?q=977`);
    await page.locator('main').waitFor();
    await expectInert('library');
    await page.goto(`${server.url}/suggestions`);
    await page.locator('main').waitFor();
    await expectInert('suggestions');
  });

  it('the action plan lists the items as text', async () => {
    await page.goto(`${server.url}/actions?q=Item`);
    await page.locator('tbody tr').first().waitFor();
    await expectInert('plan', 'Item <img src=x onerror=');
    await page.goto(`${server.url}/actions?q=X-0977`);
    await page.locator('tbody tr').first().waitFor();
    await expectInert('plan (imported)', 'Imported <svg onload=');
  });

  it('the detail page shows description, update and evidence as text, and links only the web link', async () => {
    await page.goto(`${server.url}/actions/${actionId}`);
    await page.getByRole('heading', { name: /^Item </ }).waitFor();
    await expectInert('detail', 'Progress <script>');
    const evidence = page.locator('.evidence a');
    expect(await evidence.getAttribute('href')).toBe('https://example.org/?q=%3Cscript%3Ealert(1)%3C/script%3E');
    await page.goto(`${server.url}/actions/${importedId}`);
    await page.getByRole('heading', { name: /^Imported </ }).waitFor();
    await expectInert('detail (imported evidence)', 'javascript:window.__pwned');
    expect(await page.locator('.evidence a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['https://example.org/ok']);
  });

  it('the dashboard lists the overdue item as text', async () => {
    await page.goto(server.url);
    await page.locator('.legend').waitFor();
    await expectInert('dashboard', 'Item <img src=x onerror=');
  });
});
