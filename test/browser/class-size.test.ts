import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage, SCREENSHOT_DIR, screenshot } from './helpers.ts';

/** The 大班额与大校额 view (issue #9 point 5) on the demo county: figures, trend, schools, and the same numbers as the API. */
describe.skipIf(!browserAvailable())('class-size view', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should show 大班额 and 大校额 per stage with the numbers of the API', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/class-size?year=2019`);
    await page.getByRole('heading', { level: 1, name: '大班额与大校额' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('section.chart-panel canvas').length >= 2, null, {
      timeout: 20_000,
    });
    const figures = page.getByRole('region', { name: /2019 年小学/ });
    await figures.waitFor();

    // The API's own figures for the same filters, read through the page's session (the county shown: the demo's
    // largest, 澄川县, beside the smaller counties of its city).
    const districtCode = await page.evaluate(async () => {
      const res = await fetch('/api/v1/districts');
      const list = (await res.json()) as { code: string; schools: number }[];
      return [...list].sort((a, b) => b.schools - a.schools)[0]?.code ?? '';
    });
    const report = await page.evaluate(async (code) => {
      const res = await fetch(`/api/v1/districts/${code}/class-size?year=2019&stage=primary`);
      return (await res.json()) as { largeClasses: number; hugeClasses: number; largeShare: number; classes: number };
    }, districtCode);
    expect(report.largeClasses + report.hugeClasses).toBeGreaterThan(0);
    const kpi = async (label: RegExp) =>
      (
        (await figures
          .locator('.kpi', { has: page.locator('dt', { hasText: label }) })
          .locator('dd')
          .textContent()) ?? ''
      ).trim();
    expect(await kpi(/^大班额班数/)).toBe(report.largeClasses.toLocaleString('zh-CN'));
    expect(await kpi(/^超大班额班数/)).toBe(report.hugeClasses.toLocaleString('zh-CN'));
    expect(await kpi(/^56人及以上占比/)).toContain(`${(report.largeShare * 100).toFixed(2)}%`);

    // The schools as a table: one row per school of the stage, those with 66+ first.
    const schools = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: /各校班额与规模/ }) });
    await schools.getByRole('button', { name: '以表格查看' }).click();
    await schools.getByRole('table').waitFor();
    expect(await schools.locator('tbody tr').count()).toBeGreaterThan(10);
    await page.waitForTimeout(600);
    await screenshot(page, 'class-size-1440');
    await page.setViewportSize({ width: 1024, height: 800 });
    await schools.getByRole('button', { name: '以图表查看' }).click();
    await page.waitForTimeout(1200);
    await screenshot(page, 'class-size-1024');
    expect(problems).toEqual([]);
    await close();
  });

  it('should state the class-size and blank-cell conventions on the method page', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/method`);
    const section = page.locator('#method-classSize');
    await section.getByRole('heading', { name: '空白数据、大班额与大校额' }).waitFor();
    const text = (await section.textContent()) ?? '';
    expect(text).toContain('空白不等于 0：确为 0 请填 0');
    expect(text).toContain('45 < M ≤ 50');
    expect(text).toContain('≤ 5%');
    await section.screenshot({ path: `${SCREENSHOT_DIR}/class-size-method.png` });
    expect(problems).toEqual([]);
    await close();
  });
});
