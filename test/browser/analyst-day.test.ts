import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage, screenshot, sessionFor } from './helpers.ts';

const NARROW = { width: 1024, height: 800 };

/** Waits until every chart panel on the page has drawn its canvas or says it has nothing to show. */
async function waitForPanels(page: Page, min: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const all = [...document.querySelectorAll('section.chart-panel')];
      return (
        all.length >= expected &&
        all.every((panel) => panel.querySelector('canvas') !== null || panel.querySelector('.empty-state') !== null)
      );
    },
    min,
    { timeout: 20_000 },
  );
}

interface BalanceSchool {
  code: string;
  name: string;
  students: number;
  values: Record<string, number | null>;
  met: Record<string, boolean | null>;
}

describe.skipIf(!browserAvailable())('an analyst’s day: narrow screens, English, what-if and focus', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should keep every overview KPI inside its tile at 1024 px ("0.171 ≤ 0.65")', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: NARROW });
    await page.goto(`${baseUrl()}/?year=2025`);
    await page.locator('.kpi dd').nth(5).waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.kpi dd')].every((dd) => !dd.textContent?.includes('…')),
    );
    const overflows = await page.locator('.kpi').evaluateAll((tiles) =>
      tiles
        .map((tile) => {
          const box = tile.getBoundingClientRect();
          const dd = tile.querySelector('dd');
          const parts = dd ? [...dd.childNodes] : [];
          const right = Math.max(
            ...parts.map((node) => {
              const range = document.createRange();
              range.selectNodeContents(node);
              return range.getBoundingClientRect().right;
            }),
          );
          return right > box.right + 0.5 ? `${dd?.textContent}: ${right} > ${box.right}` : null;
        })
        .filter(Boolean),
    );
    expect(overflows).toEqual([]);
    await screenshot(page, 'day-overview-1024');
    expect(problems).toEqual([]);
    await close();
  });

  it('should keep the compliance verdict and the school names in view at 1024 px', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: NARROW });
    await page.goto(`${baseUrl()}/compliance?year=2025`);
    const table = page.locator('table.compliance-table');
    await table.locator('tbody tr').first().waitFor();
    const wrap = await table.evaluate((element) => element.parentElement?.getBoundingClientRect().toJSON());
    const verdictHeader = await table.locator('thead th.pin-end').boundingBox();
    expect(verdictHeader).not.toBeNull();
    expect((verdictHeader?.x ?? 0) + (verdictHeader?.width ?? 0)).toBeLessThanOrEqual(wrap.right + 0.5);
    expect(await table.locator('thead th.pin-end').textContent()).toContain('资源配置');
    const firstVerdict = table.locator('tbody tr').first().locator('td.pin-end');
    const cell = await firstVerdict.boundingBox();
    expect((cell?.x ?? 0) + (cell?.width ?? 0)).toBeLessThanOrEqual(wrap.right + 0.5);
    await screenshot(page, 'day-compliance-1024');

    // Rotation: every school name on one line.
    await page.goto(`${baseUrl()}/rotation?year=2025`);
    const names = page.locator('table th.pin-start');
    await names.first().waitFor();
    const heights = await names.evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().height));
    const lineHeight = await names
      .first()
      .evaluate((cell) => Number.parseFloat(getComputedStyle(cell).lineHeight) || 20);
    const padding = 12;
    expect(Math.max(...heights)).toBeLessThan(lineHeight * 1.6 + padding);
    await screenshot(page, 'day-rotation-1024');
    expect(problems).toEqual([]);
    await close();
  });

  it('should set English in a Latin face first, so ’ is drawn half-width ("year’s", not "year’ s")', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: NARROW });
    await page.goto(`${baseUrl()}/?year=2025&lang=en`);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const widths = await page.evaluate(() => {
      const measure = (text: string) => {
        const span = document.createElement('span');
        span.textContent = text;
        document.querySelector('main')?.append(span);
        const width = span.getBoundingClientRect().width;
        span.remove();
        return width;
      };
      return { apostrophe: measure('’'), em: measure('M'), family: getComputedStyle(document.body).fontFamily };
    });
    expect(widths.apostrophe).toBeLessThan(widths.em * 0.5);
    // A CJK face first (as in Chinese) draws ’ full-width wherever it has the glyph (Microsoft YaHei on Windows).
    const first = widths.family.split(',')[0]?.replace(/["']/g, '').trim();
    expect(first).not.toMatch(/PingFang|YaHei|CJK|Han Sans|Hiragino/);

    // The seven small multiples go three per row at 1024 px, so titles such as "Higher-degree teachers (teachers)"
    // have room (four per row ran them into each other): the chart is laid out for three rows.
    await page.goto(`${baseUrl()}/urban-rural?year=2025&lang=en`);
    const means = page.locator('section.chart-panel', {
      has: page.getByRole('heading', { name: /weighted mean per class/ }),
    });
    await means.locator('canvas').waitFor();
    const height = await means
      .locator('canvas')
      .first()
      .evaluate((canvas) => canvas.getBoundingClientRect().height);
    expect(height).toBe(620);
    await screenshot(page, 'day-urban-rural-en-1024');
    expect(problems).toEqual([]);
    await close();
  });

  it('should name the school whose status a what-if changes', async () => {
    const session = await sessionFor();
    const report = await session.json<{ schools: BalanceSchool[] }>(
      '/api/v1/districts/330999/balance?year=2025&stage=primary',
    );
    const key = 'backbone_teachers_per100';
    const backbone = (school: BalanceSchool) => Math.round(((school.values[key] ?? 0) * school.students) / 100);
    // A school one to three backbone teachers short of 1.0 per 100 students, and the school with the most of them.
    const receiver = report.schools.find((school) => {
      if (school.met[key] !== false) return false;
      const needed = Math.ceil(school.students / 100) - backbone(school);
      return needed >= 1 && needed <= 3;
    });
    const sender = [...report.schools].sort((a, b) => backbone(b) - backbone(a))[0];
    expect(receiver).toBeDefined();
    expect(sender && backbone(sender)).toBeGreaterThanOrEqual(3);
    if (!receiver || !sender) return;

    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/improve?year=2025`);
    const editor = page.getByRole('region', { name: /模拟调整/ });
    await editor.getByRole('button', { name: '添加一项调整' }).click();
    const row = editor.locator('li.whatif-row').first();
    await row.getByLabel('调出学校').selectOption(sender.code);
    await row.getByLabel('调入学校').selectOption(receiver.code);
    await row.getByLabel('教师数（人）').fill('3');
    await row.getByLabel('骨干教师').check();
    await editor.getByRole('button', { name: '计算', exact: true }).click();
    const changes = editor.getByRole('table', { name: /达标情况有变化的学校/ });
    const receiverRow = changes.getByRole('row', { name: new RegExp(receiver.name) });
    await receiverRow.waitFor();
    expect(await receiverRow.textContent()).toContain('骨干');
    await screenshot(page, 'day-whatif-school-changes');
    expect(problems).toEqual([]);
    await close();
  });

  it('should give the focus back to the township filter after 确定', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/compliance?year=2025`);
    await waitForPanels(page, 1);
    const button = page.locator('.multi-select .filter-button').first();
    await button.click();
    await page.getByRole('dialog').getByRole('checkbox').first().check();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.waitForURL(/township=/);
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });
});
