import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage } from './helpers.ts';

/** Every API request of the page, as path and query, in order. */
function recordApiRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) requests.push(`${url.pathname}${url.search}`);
  });
  return requests;
}

const repeated = (requests: readonly string[]) => requests.filter((request, i) => requests.indexOf(request) !== i);

/**
 * The route loaders (client/src/app/view-loaders.ts) start a view's reports at navigation; the view must then find
 * them in flight or cached: every report is asked for once.
 */
describe.skipIf(!browserAvailable())('view loaders', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should ask for each report once: on a first visit, after a filter change and when switching views', async () => {
    const { page, problems, close } = await openPage(browser);
    try {
      const requests = recordApiRequests(page);
      await page.goto(`${baseUrl()}/rankings?year=2025`);
      await page.locator('section.chart-panel canvas').first().waitFor({ timeout: 20_000 });
      expect(requests.some((request) => /\/rankings\?year=2025&stage=primary/.test(request))).toBe(true);

      // The other stage was fetched ahead while the browser was idle: the switch answers from the cache.
      await page.getByRole('button', { name: '初中', exact: true }).click();
      await page.waitForURL(/stage=junior/);
      await page.waitForLoadState('networkidle');
      await page.getByRole('link', { name: '差异系数' }).first().click();
      await page.locator('section.chart-panel canvas').first().waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');

      expect(requests.some((request) => /\/balance\?year=2025&stage=junior/.test(request))).toBe(true);
      expect(repeated(requests)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
