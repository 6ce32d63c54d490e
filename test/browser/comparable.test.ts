import fs from 'node:fs';
import path from 'node:path';
import type { ComparableSchoolsResponse } from '@junheng/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage, SCREENSHOT_DIR, screenshot } from './helpers.ts';

/** Issue #14 point 3 on the demo city: comparable schools on a school profile, comparable counties on 差异系数. */
describe.skipIf(!browserAvailable())('comparable schools and counties', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A panel as it sits on the full page (an element shot of a tall panel catches the sticky header mid-page). */
  const panelShot = async (page: Page, locator: Locator, name: string) => {
    const box = await locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
    });
    // At the top the sticky header sits above the page, not over the panel.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, clip: box });
    keep(name);
  };

  /** Also kept beside the worktree's other screenshots when SHOTS_DIR is set (issue review). */
  const keep = (name: string) => {
    const dir = process.env.SHOTS_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(SCREENSHOT_DIR, `${name}.png`), path.join(dir, `${name}.png`));
  };

  it('should show the rule, the standing chart and the ten comparators of the API on a school profile', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/`);
    const { district, school } = await page.evaluate(async () => {
      const districts = (await (await fetch('/api/v1/districts')).json()) as { code: string }[];
      const code = districts[0]?.code ?? '';
      const balance = (await (await fetch(`/api/v1/districts/${code}/balance?year=2025&stage=primary`)).json()) as {
        schools: { code: string; schoolType: string }[];
      };
      return { district: code, school: balance.schools.find((s) => s.schoolType === 'primary')?.code ?? '' };
    });
    const api = await page.evaluate(
      async (code) =>
        (await (
          await fetch(`/api/v1/schools/${code}/comparable?year=2025&stage=primary`)
        ).json()) as ComparableSchoolsResponse,
      school,
    );
    expect(api.comparators).toHaveLength(10);

    await page.goto(`${baseUrl()}/schools/${school}?district=${district}&year=2025&stage=primary`);
    const panels = page.getByTestId('comparable-schools');
    const chart = panels.locator('section.chart-panel');
    await chart.getByRole('heading', { name: '本校与可比学校：各指标相对国家标准（2025 年小学）' }).waitFor();
    await chart.locator('canvas').waitFor({ timeout: 20_000 });
    const subtitle = (await chart.locator('.chart-panel-subtitle').textContent()) ?? '';
    expect(subtitle).toContain('同学段、同办学类型（小学）');
    expect(subtitle).toContain('|ln(学生数之比)| + 0.5 × 城乡分类相差级数');
    const found = (await panels.locator('section.table-panel .chart-panel-subtitle').textContent()) ?? '';
    expect(found).toContain(`范围内同类学校 ${api.candidates} 所，取 10 所`);
    expect((await chart.textContent()) ?? '').toContain('本校位次：');

    const table = panels.locator('section.table-panel');
    await table.getByRole('heading', { name: '可比学校一览（2025 年小学）' }).waitFor();
    const names = await table.locator('tbody tr td:first-child, tbody tr th:first-child').allTextContents();
    expect(names).toHaveLength(11);
    expect(names[0]).toContain(api.school.name);
    expect(names.slice(1)).toEqual(api.comparators.map((c) => c.name));
    expect(await table.getByRole('link', { name: api.comparators[0]?.name ?? '' }).getAttribute('href')).toContain(
      `/schools/${api.comparators[0]?.code}`,
    );

    // The standing as a table: one row per indicator with the school's rank.
    await chart.getByRole('button', { name: '以表格查看' }).click();
    await chart.getByRole('table').waitFor();
    expect(await chart.locator('tbody tr').count()).toBe(7);
    await chart.getByRole('button', { name: '以图表查看' }).click();
    await chart.locator('canvas').waitFor();
    await page.waitForTimeout(1200);
    await panelShot(page, panels, 'comparable-school-1440');
    await screenshot(page, 'comparable-school-page-1440');
    keep('comparable-school-page-1440');
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.waitForTimeout(1200);
    await panelShot(page, panels, 'comparable-school-1024');
    await screenshot(page, 'comparable-school-page-1024');
    keep('comparable-school-page-1024');
    expect(problems).toEqual([]);
    await close();
  });

  it('should list the comparable counties of the demo city as the API does, with the rule', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/balance?district=330999&year=2025&stage=primary`);
    const api = await page.evaluate(
      async () =>
        (await (await fetch('/api/v1/districts/330999/comparable?year=2025&stage=primary')).json()) as {
          comparators: { name: string }[];
        },
    );
    // The bundled demo is a city of five counties: 澄川县 has four peers.
    expect(api.comparators.length).toBeGreaterThan(0);
    const panel = page.getByTestId('comparable-counties');
    await panel.getByRole('heading', { name: '可比区县（2025 年小学）' }).waitFor();
    for (const comparator of api.comparators) await panel.getByText(comparator.name).first().waitFor();
    expect((await panel.textContent()) ?? '').toContain('|ln(义务教育学生数之比)| + 2 × |城区学生占比之差|');
    await panelShot(page, panel, 'comparable-counties-1440');
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.waitForTimeout(600);
    await panelShot(page, panel, 'comparable-counties-1024');

    await page.goto(`${baseUrl()}/method`);
    const section = page.locator('#method-comparable');
    await section.getByRole('heading', { name: '可比学校与可比区县' }).waitFor();
    const text = (await section.textContent()) ?? '';
    expect(text).toContain('取差距最小的 10 所');
    expect(text).toContain('QUARTILE.INC');
    await panelShot(page, section, 'comparable-method');
    expect(problems).toEqual([]);
    await close();
  });
});
