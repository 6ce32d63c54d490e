import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  type CountyComparisonResponse,
  CountyComparisonResponseSchema,
  type CountyComparisonRow,
  placeCountiesInGrid,
  QUALITY_INDICATOR_KEYS,
  qualityIndicatorValues,
} from '@junheng/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage, SCREENSHOT_DIR, screenshot } from './helpers.ts';

/** The demo city 澄州市: 澄川县 and four smaller peer counties (issue #14 point 2). */
const DEMO_CITY_COUNTIES = ['澄江区', '云岭县', '宁溪县', '梅山县', '澄川县'];

/** A province of 230 counties in three cities (100, 100 and 30 counties), as the API would answer for it. */
const PROVINCE_CITIES = [
  { code: '6101', name: '甲市', counties: 100 },
  { code: '6102', name: '乙市', counties: 100 },
  { code: '6103', name: '丙市', counties: 30 },
];

function provinceRows(): CountyComparisonRow[] {
  return PROVINCE_CITIES.flatMap((city) =>
    Array.from({ length: city.counties }, (_, i): CountyComparisonRow => {
      const n = Number(city.code) * 100 + i;
      const cvs = qualityIndicatorValues(
        Object.fromEntries(QUALITY_INDICATOR_KEYS.map((key, k) => [key, ((n * 7 + k * 13) % 90) / 100])),
      );
      const passes = n % 3 === 0;
      return {
        districtCode: String(n),
        districtName: `${city.name}第${i + 1}县`,
        year: 2025,
        schoolsCounted: 40 + (n % 50),
        studentsCounted: 20_000 + n,
        cvs,
        cvPasses: passes,
        blockingIndicators: [],
        schoolsPassing: 20,
        passes,
        cityCode: city.code,
        cityName: city.name,
        previousYear: 2024,
        previousCvs: cvs,
        previousPasses: n % 2 === 0,
        firstPassedYear: passes ? 2023 : null,
      };
    }),
  );
}

/**
 * Answers /api/v1/county-comparison with the province above as the server would (one city's counties when `city` is
 * asked, the first `first` of them when that is asked, with the count and the grid of them all). Every answer of all
 * the counties waits for `rest` (when given), so that the first screen can be looked at on its own. Answers the
 * requests' query strings.
 */
async function serveProvince(page: Page, rest?: Promise<void>): Promise<string[]> {
  const provinceRowsAll = provinceRows();
  const asked: string[] = [];
  await page.route('**/api/v1/county-comparison?*', async (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.get('format')) return route.fallback();
    asked.push(url.search);
    const city = url.searchParams.get('city');
    const first = url.searchParams.get('first');
    const measure = CountyComparisonResponseSchema.shape.measure.parse(url.searchParams.get('measure') ?? 'passes');
    const rows = city ? provinceRowsAll.filter((row) => row.cityCode === city) : provinceRowsAll;
    if (first === null) await rest;
    const body: CountyComparisonResponse = CountyComparisonResponseSchema.parse({
      stage: 'primary',
      includePrivate: true,
      year: 2025,
      years: [2024, 2025],
      cvLimit: 0.5,
      cities: PROVINCE_CITIES,
      city,
      measure,
      rows: first === null ? rows : rows.slice(0, Number(first)),
      total: rows.length,
      grid: placeCountiesInGrid(rows, measure, 0.5),
    });
    await route.fulfill({ json: body });
  });
  return asked;
}

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

  it('should page the table and scroll the heatmap of a province to its last county, narrow both to a city, and print every county', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    let releaseRest = () => {};
    const asked = await serveProvince(page, new Promise<void>((resolve) => (releaseRest = resolve)));
    await page.goto(`${baseUrl()}/counties?year=2025&stage=primary`);
    const table = page.locator('section.card', {
      has: page.getByRole('heading', { name: '各区县结论与首次达标年度' }),
    });
    const heatmap = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: /各区县差异系数/ }) });
    await table.locator('tbody tr').first().waitFor();

    // First the first screen: a hundred counties, both charts, the grid of all 230 from the server, and word that
    // the rest are coming; paging waits for them.
    await page.waitForFunction(() => document.querySelectorAll('section.chart-panel canvas').length >= 2);
    expect(asked[0]).toContain('first=100');
    const rest = table.getByTestId('counties-rest');
    await rest.getByText('正在载入其余 130 个区县', { exact: false }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(100);
    const firstPager = table.getByRole('navigation', { name: /分页/ });
    expect(await firstPager.getByText('第 1–100 个，共 230 个区县').count()).toBe(1);
    expect(await firstPager.getByRole('button', { name: '下一页' }).isDisabled()).toBe(true);
    expect(await heatmap.getByTestId('county-heatmap-scroll').getAttribute('aria-valuemax')).toBe('230');
    const grid = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: /状态 × 变化/ }) });
    await grid.getByRole('button', { name: '以表格查看' }).click();
    expect(await grid.locator('tbody tr').count()).toBe(100);
    await grid.getByRole('button', { name: '以图表查看' }).click();
    await page.waitForTimeout(300);
    await screenshot(page, 'counties-province-first-screen-1440');
    // Then every county, asked once the first screen is drawn.
    releaseRest();
    await rest.waitFor({ state: 'detached' });
    expect(asked.filter((query) => !query.includes('first='))).toHaveLength(1);

    // The table: a hundred counties a page, the pager reaching the last one.
    const names = () => table.locator('tbody tr > :first-child').allTextContents();
    expect(await names()).toHaveLength(100);
    expect((await names())[0]).toBe('甲市第1县');
    const pager = table.getByRole('navigation', { name: /分页/ });
    await expect.poll(() => pager.getByText('第 1–100 个，共 230 个区县').count()).toBe(1);
    await pager.getByRole('button', { name: '下一页' }).click();
    expect((await names())[0]).toBe('乙市第1县');
    await pager.getByRole('button', { name: '末页' }).click();
    expect(await names()).toEqual(Array.from({ length: 30 }, (_, i) => `丙市第${i + 1}县`));
    expect(await pager.getByRole('button', { name: '下一页' }).isDisabled()).toBe(true);
    await pager.getByRole('combobox', { name: '页码' }).selectOption({ label: '第 1 / 3 页' });
    expect((await names())[0]).toBe('甲市第1县');

    // The heatmap: thirty counties drawn at a time; its scroll bar (and the wheel over it) moves to the last ones.
    const scroll = heatmap.getByTestId('county-heatmap-scroll');
    expect(await scroll.getAttribute('aria-valuenow')).toBe('1');
    await heatmap.getByText('显示第 1–30 个区县，共 230 个', { exact: false }).waitFor();
    await heatmap.locator('.county-heatmap-chart').hover();
    await page.mouse.wheel(0, 26 * 10);
    await expect.poll(() => scroll.getAttribute('aria-valuenow')).toBe('11');
    await scroll.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await heatmap.getByText('显示第 201–230 个区县，共 230 个', { exact: false }).waitFor();
    expect(await scroll.getAttribute('aria-valuemax')).toBe('230');
    await page.waitForTimeout(300);
    await screenshot(page, 'counties-province-1440');

    // On paper: every county in the table, and the heatmap in page-sized charts (230 counties: 10 of at most 24).
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(230);
    await expect.poll(() => heatmap.locator('.echart').count()).toBe(10);
    expect(await heatmap.getByTestId('county-heatmap-scroll').count()).toBe(0);
    // Back on screen (media no longer emulated, so that page.pdf below prints with print media as a browser would).
    await page.emulateMedia({ media: null });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(100);
    // And on A4 as the print dialog lays it out: the last county of the last page is there.
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, 'counties-province.pdf');
    await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');
    for (const name of ['甲市第1县', '乙市第100县', '丙市第30县']) expect(text).toContain(name);
    // The charts go to paper as pictures of themselves (echart.tsx): the heatmap's 10 parts and the grid.
    const pictures = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim().split(/\s+/)[2] === 'image');
    expect(pictures.length).toBe(11);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(100);

    // A city: only its counties, on one page and in one chart without a scroll bar.
    const cityAsked = page.waitForRequest(
      (r) => r.url().includes('/api/v1/county-comparison?') && r.url().includes('city=6103'),
    );
    await page.getByTestId('county-city').selectOption('6103');
    await cityAsked;
    await expect.poll(() => table.locator('tbody tr').count()).toBe(30);
    expect(await names()).toEqual(Array.from({ length: 30 }, (_, i) => `丙市第${i + 1}县`));
    expect(await table.getByRole('navigation', { name: /分页/ }).count()).toBe(0);
    expect(await heatmap.getByTestId('county-heatmap-scroll').count()).toBe(0);
    await heatmap.getByRole('button', { name: '以表格查看' }).click();
    expect(await heatmap.locator('tbody tr').count()).toBe(30);
    // Another city of 100 counties: one page of the table, the heatmap scrolling from its first county.
    await page.getByTestId('county-city').selectOption('6102');
    await expect.poll(async () => (await names())[0]).toBe('乙市第1县');
    expect(await names()).toHaveLength(100);
    expect(problems).toEqual([]);
    await close();
  });
});
