import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage, screenshot } from './helpers.ts';

/** Pixels of the school-change marker colour (#6b4fa0, SCHOOL_EVENT_COLOR) on the panel's chart canvas. */
async function markerPixels(panel: Locator): Promise<number> {
  return panel
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
        if (Math.abs(r - 107) < 24 && Math.abs(g - 79) < 24 && Math.abs(b - 160) < 24) n++;
      }
      return n;
    });
}

/**
 * Issue #13 (school identity across years) on the demo county: 柳溪乡中心小学 was renamed 柳溪镇中心小学 in 2022. The
 * trend of the 差异系数 view marks 2022 on its chart and lists the change below it; the school's profile lists its
 * former name and the change.
 */
describe.skipIf(!browserAvailable())('school changes on the trends and the profile', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should mark the year of a rename on the CV trend and list it, at 1440 and 1024 px', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/balance?year=2025`);
    const panel = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: /^历年走势/ }) });
    await panel.first().waitFor({ timeout: 30_000 });
    const trend = panel.first();
    const list = trend.getByRole('region', { name: '学校变动（更名、撤并、撤销、新设）' });
    await list.waitFor({ timeout: 30_000 });
    const items = list.locator('li');
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('data-year')).toBe('2022');
    expect(await items.first().getAttribute('data-kind')).toBe('renamed');
    expect((await items.first().textContent()) ?? '').toContain('「柳溪乡中心小学」更名为「柳溪镇中心小学」');
    expect((await list.textContent()) ?? '').toContain('撤并的学校自该年起不再单独统计');
    await trend.locator('canvas').first().waitFor();
    await page.waitForTimeout(1200);
    expect(await markerPixels(trend)).toBeGreaterThan(40);
    await trend.scrollIntoViewIfNeeded();
    await screenshot(page, 'school-events-trend-1440');
    await trend.screenshot({ path: `${process.env.SHOTS_DIR ?? '/tmp'}/school-events-trend-panel-1440.png` });

    await page.setViewportSize({ width: 1024, height: 800 });
    await page.waitForTimeout(1200);
    expect(await markerPixels(trend)).toBeGreaterThan(40);
    await screenshot(page, 'school-events-trend-1024');
    await trend.screenshot({ path: `${process.env.SHOTS_DIR ?? '/tmp'}/school-events-trend-panel-1024.png` });
    expect(problems).toEqual([]);
    await close();
  });

  it('should list the former name and the change on the school profile', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/balance?year=2025`);
    const code = await page.evaluate(async () => {
      const districts = (await (await fetch('/api/v1/districts')).json()) as { code: string; schools: number }[];
      const county = [...districts].sort((a, b) => b.schools - a.schools)[0]?.code ?? '';
      const trends = (await (
        await fetch(`/api/v1/districts/${county}/trends?stage=primary&indicator=higher_degree_teachers_per100`)
      ).json()) as { schoolEvents: { schoolCode: string }[] };
      return trends.schoolEvents[0]?.schoolCode ?? '';
    });
    expect(code).toMatch(/^\d{10}$/);
    await page.goto(`${baseUrl()}/schools/${code}`);
    await page.getByRole('heading', { level: 1, name: '柳溪镇中心小学' }).waitFor({ timeout: 30_000 });
    await page.getByText('曾用名：柳溪乡中心小学（至 2021 年）').waitFor();
    const events = page.getByRole('region', { name: '本校变动' });
    expect((await events.locator('li').first().textContent()) ?? '').toContain('2022');
    await page.waitForTimeout(800);
    await screenshot(page, 'school-events-profile-1440');
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.waitForTimeout(800);
    await screenshot(page, 'school-events-profile-1024');
    expect(problems).toEqual([]);
    await close();
  });
});
