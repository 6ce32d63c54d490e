import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage, screenshot } from './helpers.ts';

/** The demo city 澄州市: 澄川县 and four smaller peer counties (issue #14 point 2). */
const DEMO_CITY_COUNTIES = ['澄江区', '云岭县', '宁溪县', '梅山县', '澄川县'];

describe.skipIf(!browserAvailable())('多县对比 view', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should draw the counties × CVs heatmap and the status × change grid, filter by city and open a county’s 总览', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/`);
    // Shown in the navigation to someone who sees several counties.
    await page.getByRole('navigation').getByRole('link', { name: '多县对比' }).click();
    await page.getByRole('heading', { level: 1, name: '多县对比' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('section.chart-panel canvas').length >= 2, null, {
      timeout: 30_000,
    });
    await page.getByRole('heading', { name: /各区县差异系数（2025 年小学，限值 0\.500）/ }).waitFor();
    await page.getByRole('heading', { name: /状态 × 变化（资源配置结论）/ }).waitFor();

    // The verdict table beside the grid: one line per county, with the verdicts of the API.
    const table = page.locator('section.card', {
      has: page.getByRole('heading', { name: '各区县结论与首次达标年度' }),
    });
    await table.locator('tbody tr').first().waitFor();
    const names = await table.locator('tbody tr > :first-child').allTextContents();
    expect(names).toEqual(DEMO_CITY_COUNTIES);
    const api = await page.evaluate(async () => {
      const res = await fetch('/api/v1/county-comparison?stage=primary');
      return (await res.json()) as {
        rows: { districtName: string; passes: boolean | null; firstPassedYear: number | null }[];
      };
    });
    const verdicts = await table.locator('tbody tr > :nth-child(5)').allTextContents();
    expect(verdicts).toEqual(api.rows.map((r) => (r.passes ? '达标' : '未达标')));
    const firstPassed = await table.locator('tbody tr > :nth-child(6)').allTextContents();
    expect(firstPassed).toEqual(
      api.rows.map((r) => (r.firstPassedYear === null ? '尚未达标' : String(r.firstPassedYear))),
    );

    // The heatmap as a table has the same counties.
    const heatmap = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: /各区县差异系数/ }) });
    await heatmap.getByRole('button', { name: '以表格查看' }).click();
    expect(await heatmap.locator('tbody tr').count()).toBe(DEMO_CITY_COUNTIES.length);
    await heatmap.getByRole('button', { name: '以图表查看' }).click();
    await heatmap.locator('canvas').first().waitFor();

    // City filter: the demo's one city, by name and code; choosing it asks the server for that city only.
    const city = page.getByTestId('county-city');
    expect(await city.locator('option').allTextContents()).toEqual(['全部地市', '澄州市（3309，5）']);
    const filtered = page.waitForResponse(
      (r) => r.url().includes('/api/v1/county-comparison?') && r.url().includes('city=3309'),
    );
    await city.selectOption('3309');
    expect((await filtered).status()).toBe(200);
    expect(page.url()).toContain('city=3309');
    expect(await table.locator('tbody tr').count()).toBe(DEMO_CITY_COUNTIES.length);

    // Another measure: the grid redraws for one CV.
    await page.getByLabel('状态 × 变化 按').selectOption('sports_area_per_student');
    await page.getByRole('heading', { name: /状态 × 变化（生均体育运动场馆面积）/ }).waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, 'counties-1440');
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.waitForTimeout(1200);
    await screenshot(page, 'counties-1024');

    // A county opens its 总览 with that county selected, the year and stage kept.
    await table.getByRole('button', { name: '打开 云岭县 的总览' }).click();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('district') === '330992');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2025');
    await page.getByRole('combobox', { name: '选择区县' }).waitFor();
    expect(await page.getByRole('combobox', { name: '选择区县' }).inputValue()).toBe('330992');
    expect(problems).toEqual([]);
    await close();
  });
});
