import fs from 'node:fs';
import path from 'node:path';
import { generateDemoCounty } from '@junheng/db';
import type { SchoolRow, SchoolStatRow } from '@junheng/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolWorkbook } from '../fixtures/statistics-workbooks.ts';
import { makeZip } from '../fixtures/zip.ts';
import { baseUrl, browserAvailable, launchBrowser, openPage, screenshot } from './helpers.ts';

/** Issue #13: the 数据 view takes a zip of 教育事业统计 school workbooks (and folders), and reports on each workbook. */
const SHOTS = process.env.SHOTS_DIR;

describe.skipIf(!browserAvailable())('uploading school workbooks in the 数据 view', () => {
  let browser: Browser;
  let zip: Buffer;
  beforeAll(async () => {
    browser = await launchBrowser();
    const demo = generateDemoCounty();
    const picks = ['primary', 'nine_year', 'complete_middle'].map(
      (type) => demo.schools.find((s) => s.schoolType === type) as SchoolRow,
    );
    const entries = [];
    for (const school of picks) {
      const stat = demo.stats.find((s) => s.schoolCode === school.schoolCode && s.year === 2025) as SchoolStatRow;
      entries.push({ name: `2025/${school.schoolName}.xlsx`, bytes: await schoolWorkbook(school, stat, 2022) });
    }
    zip = makeZip(entries);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [1440, 1024]) {
    it(`should check a zip of school workbooks and list each workbook (${width} px)`, async () => {
      const { page, problems, close } = await openPage(browser, { viewport: { width, height: 900 } });
      await page.goto(`${baseUrl()}/data`);
      const input = page.locator('input[type=file][name=files]');
      expect(await input.getAttribute('accept')).toContain('.zip');
      expect(await page.locator('input[type=file][webkitdirectory]').count()).toBe(1);
      await page.getByText('选择文件夹…').waitFor();
      await input.setInputFiles({ name: '澄川县2025学校报表.zip', mimeType: 'application/zip', buffer: zip });
      await page.getByRole('button', { name: '试运行检查' }).click();
      await page
        .getByText(/澄川县2025学校报表\.zip\/2025\/.+\.xlsx/)
        .first()
        .waitFor();
      await page
        .getByText(/试运行/)
        .first()
        .waitFor();
      expect(await page.getByText(/澄川县2025学校报表\.zip\/2025\/.+\.xlsx/).count()).toBeGreaterThanOrEqual(3);
      await page.waitForTimeout(600);
      await screenshot(page, `data-school-workbooks-${width}`);
      if (SHOTS) {
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, `data-school-workbooks-${width}.png`), fullPage: true });
      }
      expect(problems).toEqual([]);
      await close();
    });
  }
});
