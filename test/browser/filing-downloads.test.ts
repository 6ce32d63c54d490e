import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage, screenshot } from './helpers.ts';

/** 下载督导评估表格 on the 差异系数 view (issue #12 point 2): the workbook and one CSV per table, in the UI's language. */
describe.skipIf(!browserAvailable())('filing-tables download', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should offer the filing workbook of the year shown and download it', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/balance?year=2025`);
    await page.getByRole('heading', { level: 1, name: '差异系数' }).waitFor();
    // Screenshots once the charts have drawn.
    await page.waitForFunction(() => document.querySelectorAll('section.chart-panel canvas').length >= 4, null, {
      timeout: 30_000,
    });
    const menu = page.locator('.filing-downloads details');
    await menu.locator('summary', { hasText: '下载督导评估表格' }).click();
    const links = menu.getByRole('link');
    expect(await links.count()).toBe(6);
    const workbook = menu.getByRole('link', { name: /全部表格（XLSX/ });
    expect(await workbook.getAttribute('href')).toMatch(
      /\/api\/v1\/districts\/\d{6}\/filing-tables\?year=2025&format=xlsx$/,
    );
    expect(await menu.getByRole('link', { name: /七项指标达标情况表/ }).getAttribute('href')).toMatch(
      /format=csv&table=compliance$/,
    );
    await page.waitForTimeout(800);
    await screenshot(page, 'filing-downloads-1440');

    const [download] = await Promise.all([page.waitForEvent('download'), workbook.click()]);
    expect(download.suggestedFilename()).toMatch(/_2025_督导评估标准表格\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path()) as string);
    expect(book.worksheets[0]?.name).toBe('校际均衡情况');

    await page.setViewportSize({ width: 1024, height: 800 });
    await page.waitForTimeout(800);
    await screenshot(page, 'filing-downloads-1024');
    expect(problems).toEqual([]);
    await close();
  });

  it('should label the menu and ask for English tables when the UI is English', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/balance?year=2025`);
    await page.getByRole('heading', { level: 1, name: '差异系数' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    const menu = page.locator('.filing-downloads details');
    await menu.locator('summary', { hasText: 'Download filing tables' }).click();
    expect(await menu.getByRole('link', { name: /All tables \(XLSX/ }).getAttribute('href')).toMatch(/&lang=en$/);
    await page.waitForTimeout(500);
    await screenshot(page, 'filing-downloads-en-1440');
    await close();
  });
});
