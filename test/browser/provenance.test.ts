import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage, SCREENSHOT_DIR, sessionFor } from './helpers.ts';

const DISTRICT = '330999';
const YEAR = 2025;
const FILE = '澄川县2025年学校统计（补报）.csv';

/** Excel's name of a 0-based column. */
function letter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Issue #13 point 4: a value on the school profile shows the file, sheet, cell and batch it came from. */
describe.skipIf(!browserAvailable())('value provenance on the school profile', () => {
  let browser: Browser;
  let school = '';
  let other = '';
  let booksCell = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    // Re-import one school-year of the demo county (as exported, so the values stay the same) from a named file.
    const session = await sessionFor();
    const exported = await session.fetch(
      `/api/v1/districts/${DISTRICT}/school-stats?from=${YEAR}&to=${YEAR}&format=csv&bom=false`,
    );
    const lines = (await exported.text()).split('\r\n').filter((l) => l !== '');
    const header = (lines[0] ?? '').split(',');
    const codeIndex = header.indexOf('学校标识码');
    const line = lines[1] as string;
    // Codes are quoted (kept as text by Excel); the first columns hold no commas.
    const codeOf = (l: string) => (l.split(',')[codeIndex] as string).replace(/"/g, '');
    school = codeOf(line);
    other = codeOf(lines[2] as string);
    booksCell = `${letter(header.indexOf('图书册数'))}2`;
    const form = new FormData();
    form.append('files', new Blob([`${lines[0]}\r\n${line}\r\n`]), FILE);
    const report = await session.json<{ applied: boolean; errors: unknown[] }>('/api/v1/imports', {
      method: 'POST',
      body: form,
    });
    expect(report).toMatchObject({ applied: true, errors: [] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const keep = async (page: Page, name: string) => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path: file });
    const dir = process.env.SHOTS_DIR;
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(file, path.join(dir, `${name}.png`));
    }
  };

  for (const width of [1440, 1024]) {
    it(`should show the source of a value on hover and on keyboard focus (${width} px)`, async () => {
      const { page, problems, close } = await openPage(browser, { viewport: { width, height: 900 } });
      await page.goto(`${baseUrl()}/schools/${school}?district=${DISTRICT}&year=${YEAR}`);
      const card = page.locator('section.stored-values');
      await card.getByRole('table', { name: `${YEAR} 年统计数据` }).waitFor();
      const row = card.getByRole('row', { name: /^图书册数/ });
      const value = row.getByRole('button');
      // The cell is listed beside the value, and the tooltip is hidden until asked for.
      await expect.poll(() => row.locator('.value-cell-ref').textContent()).toBe(booksCell);
      const tip = row.getByRole('tooltip', { includeHidden: true });
      expect(await tip.isVisible()).toBe(false);

      await value.scrollIntoViewIfNeeded();
      await value.hover();
      await expect.poll(() => tip.isVisible()).toBe(true);
      const text = (await tip.textContent()) ?? '';
      expect(text).toContain(FILE);
      expect(text).toContain(booksCell);
      expect(text).toContain('（CSV 文件，无工作表）');
      expect(text).toContain('图书册数');
      expect(text).toMatch(/第 \d+ 批 · 网页导入 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      // The tooltip is the value's accessible description.
      expect(await value.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
      await page.waitForTimeout(400);
      await keep(page, `provenance-profile-tooltip-${width}`);

      // Keyboard: moving away hides it; focusing the value shows it again.
      await page.mouse.move(0, 0);
      await expect.poll(() => tip.isVisible()).toBe(false);
      await value.focus();
      await expect.poll(() => tip.isVisible()).toBe(true);
      await page.keyboard.press('Tab');
      await expect.poll(() => tip.isVisible()).toBe(false);
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('should say a demo value has no recorded source', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    // The year before: other browser tests re-import some 2025 figures (the mapping step), none of the year before.
    await page.goto(`${baseUrl()}/schools/${other}?district=${DISTRICT}&year=${YEAR - 1}`);
    const row = page.locator('section.stored-values').getByRole('row', { name: /^图书册数/ });
    await row.waitFor();
    expect(await row.locator('.value-cell-ref').textContent()).toBe('—');
    await row.getByRole('button').hover();
    const tip = row.getByRole('tooltip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('无来源记录');
    expect(await tip.textContent()).toContain('演示数据');
    expect(problems).toEqual([]);
    await close();
  });

  it('should offer the 数据核对表 in the 数据 view', async () => {
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/data?district=${DISTRICT}&year=${YEAR}`);
    const link = page.getByRole('link', { name: `数据核对表 ${YEAR} 年 XLSX` });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/api/v1/districts/${DISTRICT}/data-check?format=xlsx&year=${YEAR}`);
    const download = page.waitForEvent('download');
    await link.click();
    const file = await (await download).path();
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    await page.waitForTimeout(300);
    await keep(page, 'provenance-data-view-1440');
    expect(problems).toEqual([]);
    await close();
  });
});
