import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage, screenshot, sessionFor } from './helpers.ts';

/**
 * Waits until the page shows at least `min` chart panels and every one of them has drawn its canvas or says it has
 * nothing to show (a plan panel when every CV is within its limit); at least one canvas is required.
 */
async function waitForCharts(page: Page, min: number): Promise<number> {
  await page.waitForFunction(
    (expected) => {
      const all = [...document.querySelectorAll('section.chart-panel')];
      return (
        all.length >= expected &&
        all.every((panel) => panel.querySelector('canvas') !== null || panel.querySelector('.empty-state') !== null) &&
        all.some((panel) => panel.querySelector('canvas') !== null)
      );
    },
    min,
    { timeout: 20_000 },
  );
  return page.locator('section.chart-panel canvas').count();
}

/** The text of the subtitle of the chart panel titled `title`. */
async function panelSubtitle(page: Page, title: RegExp): Promise<string> {
  const panel = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: title }) });
  return (await panel.locator('.chart-panel-subtitle').first().textContent()) ?? '';
}

const VIEWS = [
  { path: '/?year=2025', heading: '总览', name: 'core-overview', panels: 3 },
  { path: '/compliance?year=2025', heading: '资源配置达标', name: 'core-compliance', panels: 1 },
  { path: '/balance?year=2025', heading: '差异系数', name: 'core-balance', panels: 3 },
  { path: '/rankings?year=2025', heading: '学校排名', name: 'core-rankings', panels: 1 },
  // 2021: the primary backbone-teacher CV is over its limit, so the plan chart is drawn too.
  { path: '/improve?year=2021', heading: '补短板：距离达标与模拟调整', name: 'core-improve', panels: 2 },
] as const;

describe.skipIf(!browserAvailable())('core views (overview, compliance, balance, rankings, improve, data)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const view of VIEWS) {
    it(`should draw every chart of ${view.path} without console errors or external requests`, async () => {
      const { page, problems, close } = await openPage(browser);
      await page.goto(`${baseUrl()}${view.path}`);
      await page.getByRole('heading', { level: 1, name: view.heading }).waitFor();
      const canvases = await waitForCharts(page, view.panels);
      expect(canvases).toBeGreaterThanOrEqual(view.panels);
      await screenshot(page, view.name);
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('should show the import history and the county-year inputs form on the data page', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/data`);
    const history = page.getByRole('region', { name: '导入历史' });
    await history.getByRole('table').waitFor();
    expect(await history.getByText('示例数据').count()).toBe(1);
    await page.getByLabel('初中三年巩固率', { exact: true }).waitFor();
    await screenshot(page, 'core-data');

    // A percentage over 100 is refused next to its field, and nothing is sent.
    await page.getByLabel('初中三年巩固率', { exact: true }).fill('970');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('百分数应在 0 到 100 之间').waitFor();

    await page.getByLabel('初中三年巩固率', { exact: true }).fill('97.5');
    await page.getByLabel('学校规划布局合理', { exact: true }).selectOption('yes');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/上次保存：/).waitFor();
    const saved = await (await sessionFor()).json<{ values: unknown }>('/api/v1/districts/330999/inputs?year=2025');
    expect(saved.values).toEqual({ consolidation_rate: 0.975, layout_planning: true });
    expect(problems).toEqual([]);
    await close();
  });

  it('should filter by township: the charts and the URL change, and a reload keeps the filter', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/balance?year=2025`);
    await waitForCharts(page, 3);
    const before = await panelSubtitle(page, /小学优质均衡七项指标差异系数/);
    expect(before).toContain('计入 75 所学校');

    const filterBar = page.getByRole('region', { name: '筛选条件' });
    await filterBar.getByRole('button', { name: /乡镇（街道）/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('checkbox', { name: /青石镇/ })
      .check();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.waitForURL(/[?&]township=\d{9}(&|$)/);
    const township = new URL(page.url()).searchParams.get('township');
    // The panel keeps the county's figures on screen (dimmed) until the township's report arrives.
    await expect
      .poll(() => panelSubtitle(page, /小学优质均衡七项指标差异系数/), { timeout: 20_000 })
      .not.toEqual(before);
    const after = await panelSubtitle(page, /小学优质均衡七项指标差异系数/);
    expect(after).not.toEqual(before);
    expect(after).toMatch(/计入 \d+ 所学校/);

    await page.reload();
    await waitForCharts(page, 3);
    expect(new URL(page.url()).searchParams.get('township')).toBe(township);
    expect(await panelSubtitle(page, /小学优质均衡七项指标差异系数/)).toEqual(after);
    expect(await page.locator('.view-context').textContent()).toContain('青石镇');
    // The print header names the township, not its code.
    await page.emulateMedia({ media: 'print' });
    // Township names come with the filter options, which may still be on their way.
    await page.locator('.print-context', { hasText: '青石镇' }).waitFor({ state: 'attached' });
    await screenshot(page, 'core-balance-township');
    expect(problems).toEqual([]);
    await close();
  });

  it('should filter to a township by clicking its bar on the overview', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/?year=2025`);
    await waitForCharts(page, 3);
    const panel = page.locator('section.chart-panel', { hasText: '各乡镇资源配置达标学校' });
    await panel.getByRole('button', { name: '以表格查看' }).click();
    await panel.getByRole('button', { name: '城南街道' }).click();
    await page.waitForURL(/[?&]township=330999003(&|$)/);
    expect(problems).toEqual([]);
    await close();
  });

  it('should download an Excel CSV with exactly the rows of the panel table', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/rankings?year=2025`);
    await waitForCharts(page, 1);
    const panel = page.locator('section.chart-panel').first();
    await panel.getByRole('button', { name: '以表格查看' }).click();
    const table = panel.getByRole('table');
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
      );
    expect(rows.length).toBeGreaterThan(10);

    await panel.locator('summary', { hasText: '下载' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('link', { name: /Excel 用 CSV/ }).click(),
    ]);
    const bytes = fs.readFileSync((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('\r\n');
    const lines = text.split('\r\n').filter((line) => line !== '');
    const csvRows = lines.slice(1).map((line) => line.split(','));
    expect(csvRows).toHaveLength(rows.length);
    // Same order, same schools: rank and name of the first, a middle and the last row.
    for (const index of [0, Math.floor(rows.length / 2), rows.length - 1]) {
      expect(csvRows[index]?.[0]).toBe(rows[index]?.[0]);
      expect(csvRows[index]?.[2]).toBe(rows[index]?.[1]);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('should switch the interface to English', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/balance?year=2025`);
    await waitForCharts(page, 3);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Balance (CV)' }).waitFor();
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link', { name: 'Overview' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: '总览' }).count()).toBe(0);
    await page.goto(`${baseUrl()}/improve?year=2021&lang=en`);
    await page.getByRole('heading', { level: 1, name: /Closing the gaps/ }).waitFor();
    await waitForCharts(page, 2);
    await screenshot(page, 'core-improve-en');
    expect(problems).toEqual([]);
    await close();
  });

  it('should compute a what-if scenario, keep it in the URL and reproduce it after a reload', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/improve?year=2025`);
    await waitForCharts(page, 2);
    const editor = page.getByRole('region', { name: /模拟调整/ });
    await editor.getByRole('button', { name: '添加一项调整' }).click();
    const row = editor.locator('li.whatif-row').first();
    await row.getByLabel('调出学校').selectOption('2133990101');
    await row.getByLabel('调入学校').selectOption('2133990138');
    await row.getByLabel('教师数（人）').fill('3');
    await row.getByLabel('骨干教师').check();
    await page.waitForURL(/[?&]changes=/);
    await editor.getByRole('button', { name: '计算', exact: true }).click();

    const result = editor.locator('.whatif-result section.chart-panel');
    await result.locator('canvas').waitFor();
    await result.getByRole('button', { name: '以表格查看' }).click();
    const backbone = result.getByRole('row', { name: /骨干教师/ });
    const cells = await backbone.locator('td').allTextContents();
    expect(cells[0]).toMatch(/^0\.\d{3}$/);
    expect(cells[1]).toMatch(/^0\.\d{3}$/);
    expect(cells[0]).not.toBe(cells[1]);
    expect(await editor.getByText('不写入数据库').count()).toBeGreaterThan(0);
    const scenarioUrl = page.url();

    await page.reload();
    await editor.locator('.whatif-result canvas').waitFor();
    expect(page.url()).toBe(scenarioUrl);
    const reloaded = editor.locator('li.whatif-row').first();
    expect(await reloaded.getByLabel('调出学校').inputValue()).toBe('2133990101');
    expect(await reloaded.getByLabel('调入学校').inputValue()).toBe('2133990138');
    expect(await reloaded.getByLabel('教师数（人）').inputValue()).toBe('3');
    expect(await reloaded.getByLabel('骨干教师').isChecked()).toBe(true);
    await screenshot(page, 'core-improve-whatif');

    // A change the server rejects is explained next to its row.
    await editor.getByRole('button', { name: '添加一项调整' }).click();
    const second = editor.locator('li.whatif-row').nth(1);
    await second.getByLabel('调出学校').selectOption('2133990138');
    await second.getByLabel('调入学校').selectOption('2133990101');
    await second.getByLabel('教师数（人）').fill('5000');
    await editor.getByRole('button', { name: '计算', exact: true }).click();
    await second.locator('.whatif-error').waitFor();
    expect(await editor.locator('li.whatif-row').first().locator('.whatif-error').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });
});
