import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage, screenshot } from './helpers.ts';

/** A school of the demo county with statistics every year and rotations (澄川县实验小学). */
const SCHOOL = '2133990101';

/** Waits until the page shows `panels` chart panels and every one of them has drawn its canvas. */
async function waitForCharts(page: Page, panels: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const all = [...document.querySelectorAll('section.chart-panel')];
      return all.length === expected && all.every((panel) => panel.querySelector('canvas') !== null);
    },
    panels,
    { timeout: 20_000 },
  );
}

describe.skipIf(!browserAvailable())('analysis views (urban–rural, rotation, school profile, method)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should draw every urban–rural chart', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/urban-rural`);
    await page.getByRole('heading', { level: 1, name: '城乡差距' }).waitFor();
    await waitForCharts(page, 5);
    await page
      .getByText(/来自城乡之间/)
      .first()
      .waitFor();
    await screenshot(page, 'urban-rural');
    expect(problems).toEqual([]);
    await close();
  });

  it('should filter to a locale class on click, keep it in the URL and after a reload', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/urban-rural?stage=junior`);
    await waitForCharts(page, 5);
    const rural = page.locator('button.ur-class[data-locale="rural"]');
    await rural.click();
    await page.waitForURL(/[?&]locale=rural(&|$)/);
    expect(new URL(page.url()).searchParams.get('stage')).toBe('junior');
    expect(await rural.getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await waitForCharts(page, 5);
    expect(new URL(page.url()).searchParams.get('locale')).toBe('rural');
    expect(await page.locator('button.ur-class[data-locale="rural"]').getAttribute('aria-pressed')).toBe('true');
    // The filter bar reads the same URL: its 乡村 toggle is on too.
    const filterBar = page.getByRole('region', { name: '筛选条件' });
    expect(await filterBar.getByRole('button', { name: '乡村', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await screenshot(page, 'urban-rural-rural');

    // A second click on the only selected class clears the filter.
    await page.locator('button.ur-class[data-locale="rural"]').click();
    await page.waitForURL((url) => !url.searchParams.has('locale'));
    expect(problems).toEqual([]);
    await close();
  });

  it('should draw the rotation charts, switch the Sankey level in the URL and keep it after a reload', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/rotation`);
    await page.getByRole('heading', { level: 1, name: '教师交流轮岗' }).waitFor();
    await waitForCharts(page, 2);
    await page.getByText('交流比例（≥ 10%）').waitFor();
    await screenshot(page, 'rotation');

    await page.getByRole('button', { name: '城区 → 镇区 → 乡村' }).click();
    await page.waitForURL(/[?&]flow=locale(&|$)/);
    await page
      .getByRole('columnheader', { name: /净流入/ })
      .getByRole('button')
      .click();
    await page.waitForURL(/[?&]sort=net(&|$)/);
    await page.reload();
    await waitForCharts(page, 2);
    expect(await page.getByRole('button', { name: '城区 → 镇区 → 乡村' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('columnheader', { name: /净流入/ }).getAttribute('aria-sort')).toBe('descending');
    await screenshot(page, 'rotation-locale');
    expect(problems).toEqual([]);
    await close();
  });

  it('should switch the rotation conventions in the URL and carry them into the downloads', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/rotation`);
    await waitForCharts(page, 2);
    await page.getByLabel('多年交流').selectOption('every_year');
    await page.waitForURL(/[?&]multiYear=every_year(&|$)/);
    await page.getByLabel('交流比例计入').selectOption('all');
    await page.waitForURL(/[?&]ratioSchools=all(&|$)/);
    await page.getByText(/按当前口径本年计入/).waitFor();
    const xlsx = page.getByRole('link', { name: 'Excel 工作簿（XLSX）' }).first();
    await expect.poll(() => xlsx.getAttribute('href')).toContain('ratioSchools=all');
    const download = await xlsx.getAttribute('href');
    expect(download).toContain('multiYear=every_year');
    await page.reload();
    await waitForCharts(page, 2);
    expect(await page.getByLabel('多年交流').inputValue()).toBe('every_year');
    await screenshot(page, 'rotation-conventions');
    expect(problems).toEqual([]);
    await close();
  });

  it('should list schools and open a profile from the list', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/schools`);
    await page.getByRole('link', { name: '澄川县实验小学' }).waitFor();
    await page.getByRole('searchbox').fill('实验小学');
    await page.waitForURL(/[?&]q=/);
    await screenshot(page, 'schools');
    await page.getByRole('link', { name: '澄川县实验小学' }).click();
    await page.waitForURL(new RegExp(`/schools/${SCHOOL}`));
    await page.getByRole('heading', { level: 1, name: '澄川县实验小学' }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  it('should draw the school profile and keep the compared schools after a reload', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/schools/${SCHOOL}`);
    await page.getByRole('heading', { level: 1, name: '澄川县实验小学' }).waitFor();
    // Bullets, trend, ranks and the comparable-schools standing (issue #14).
    await waitForCharts(page, 5);
    await page
      .getByText(/第 \d+ \/ \d+ 名/)
      .first()
      .waitFor();

    await page.getByRole('button', { name: /城东街道第一小学/ }).click();
    await page.waitForURL(/[?&]compare=2133990138(&|$)/);
    await page.getByRole('button', { name: '移除 城东街道第一小学' }).waitFor();

    await page.reload();
    await waitForCharts(page, 5);
    expect(new URL(page.url()).searchParams.get('compare')).toBe('2133990138');
    await page.getByRole('button', { name: '移除 城东街道第一小学' }).waitFor();
    await screenshot(page, 'school-profile');
    expect(problems).toEqual([]);
    await close();
  });

  it('should show the method with the worked example an inspector can check', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/method`);
    await page.getByRole('heading', { level: 1, name: '方法说明' }).waitFor();
    await page.getByText('0.515257').first().waitFor();
    for (const text of ['6.334437', '3.263861', '58.504', '9,711.6', '13,514.4']) {
      await page.getByText(text).first().waitFor();
    }
    await screenshot(page, 'method');

    await page.goto(`${baseUrl()}/method?lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Method' }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });
});
