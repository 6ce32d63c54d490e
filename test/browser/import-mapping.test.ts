import { generateDemoCounty } from '@junheng/db';
import { IMPORT_COLUMNS } from '@junheng/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_STAT_PATHS, officeStatsWorkbook } from '../../server/src/imports/sources/mapped-fixture.ts';
import { baseUrl, browserAvailable, launchBrowser, openPage, screenshot, sessionFor } from './helpers.ts';

const PRESET_NAME = '澄川县学校统计表（浏览器测试）';
const FIELD_LABEL = new Map(IMPORT_COLUMNS.school_stats.map((c) => [c.key, c.zh]));

/**
 * Issue #13 point 3 end to end: an upload with headers the import does not know offers the mapping step; the analyst
 * maps every column (keyboard for one), previews the stored values, saves the preset and imports; the next upload
 * of the same table is recognised by itself; the preset is listed and deleted. The table holds the demo county's
 * own 2025 figures for three schools, so importing it leaves the data as it was.
 */
describe.skipIf(!browserAvailable())('the column-mapping step in the 数据 view', () => {
  let browser: Browser;
  let workbook: Buffer;
  let schools: { code: string; students: number; equipment: number }[];

  beforeAll(async () => {
    browser = await launchBrowser();
    const demo = generateDemoCounty();
    const primary = new Set(demo.schools.filter((s) => s.schoolType === 'primary').map((s) => s.schoolCode));
    const rows = demo.stats.filter((s) => s.year === 2025 && primary.has(s.schoolCode)).slice(0, 3);
    schools = rows.map((r) => ({ code: r.schoolCode, students: r.studentsPrimary, equipment: r.equipmentValue }));
    const names = Object.fromEntries(demo.schools.map((s) => [s.schoolCode, s.schoolName]));
    workbook = Buffer.from(await officeStatsWorkbook(rows, { title: '澄川县2025年学校基本情况统计表', names }));
  });
  afterAll(async () => {
    // Leave no preset behind for other runs against the same server.
    const session = await sessionFor();
    const list = await session.json<{ mappings: { id: number; name: string }[] }>('/api/v1/import-mappings');
    for (const m of list.mappings.filter((m) => m.name === PRESET_NAME)) {
      await session.fetch(`/api/v1/import-mappings/${m.id}`, { method: 'DELETE' });
    }
    await browser?.close();
  });

  it('should map an unrecognised table, preview the stored values, save the preset, import, and recognise it next time', {
    timeout: 400_000,
  }, async () => {
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${baseUrl()}/data`);
    const file = { name: '澄川县学校统计2025.xlsx', mimeType: 'application/octet-stream', buffer: workbook };
    await page.locator('input[type=file][name=files]').setInputFiles(file);
    await page.getByRole('button', { name: '试运行检查' }).click();
    const open = page.getByRole('button', { name: `设置列对应：${file.name}` });
    await open.waitFor({ timeout: 60_000 });
    await open.click();

    const step = page.locator('section.mapping-step');
    const table = step.getByTestId('mapping-table');
    await table.waitFor({ timeout: 60_000 });
    // The header tree: the merged group once, its columns under it.
    await expect(step.locator('.mapping-tree .tree-group', { hasText: '在校学生' }).count()).resolves.toBe(1);
    // Suggested from the header rules: 统计年度 → 年度, 学校代码 → 学校标识码.
    await expect(step.locator('select[data-column="统计年度"]').inputValue()).resolves.toBe('year');
    await expect(step.locator('select[data-column="学校代码"]').inputValue()).resolves.toBe('school_code');
    expect(await step.locator('.mapping-status').textContent()).toContain('缺少必需字段');

    // One column by keyboard: focus its select (by its label) and type the start of the field's name.
    const keyboardColumn = step.getByLabel('在校学生 › 小学', { exact: true });
    await keyboardColumn.focus();
    await keyboardColumn.selectOption({ label: `${FIELD_LABEL.get('students_primary')} · students_primary · 必需` });
    for (const [key, path] of Object.entries(OFFICE_STAT_PATHS)) {
      if (key === 'year' || key === 'school_code' || key === 'students_primary') continue;
      await step.locator(`select[data-column="${path.join(' > ')}"]`).selectOption(key);
    }
    expect(await step.locator('.mapping-status').textContent()).toContain('必需字段已全部对应');

    await step.getByLabel('预设名称').fill(PRESET_NAME);
    await step.getByRole('button', { name: '预览', exact: true }).click();
    const preview = step.getByTestId('mapping-preview');
    await preview.waitFor({ timeout: 90_000 });
    const headers = await preview.locator('thead th').allTextContents();
    const cells = await preview.locator('tbody tr').first().locator('td').allTextContents();
    const value = (zh: string) => cells[headers.findIndex((h) => h.startsWith(zh))];
    expect(value('学校标识码')).toBe(schools[0]?.code);
    expect(value('小学在校生数')).toBe(String(schools[0]?.students));
    // 万元 in the table, 元 as stored.
    expect(Number(value('教学仪器设备值'))).toBeCloseTo(schools[0]?.equipment ?? Number.NaN, 2);
    expect(await step.locator('.import-report .banner').first().textContent()).toContain('试运行检查通过');

    // The mapping step with its preview, wide and narrow.
    await screenshot(page, 'import-mapping-step-1440');
    await page.setViewportSize({ width: 1024, height: 800 });
    await screenshot(page, 'import-mapping-step-1024');
    await page.setViewportSize({ width: 1440, height: 900 });

    await step.getByRole('button', { name: '保存并导入' }).click();
    const report = page.locator('section.import-report');
    await report.locator('.banner-success').waitFor({ timeout: 90_000 });
    await expect(page.locator('section.mapping-step').count()).resolves.toBe(0);
    const presets = page.getByTestId('mapping-presets');
    await presets.getByRole('rowheader', { name: PRESET_NAME }).waitFor({ timeout: 30_000 });

    // The same table again: recognised by the saved preset, no mapping offered.
    await page.getByRole('button', { name: '清除' }).click();
    await page.locator('input[type=file][name=files]').setInputFiles(file);
    await page.getByRole('button', { name: '试运行检查' }).click();
    await report.waitFor({ timeout: 60_000 });
    await page.locator('section.import-report .banner').first().waitFor();
    expect(await report.locator('tbody tr').first().textContent()).toContain('学校年度统计');
    await expect(page.getByRole('button', { name: `设置列对应：${file.name}` }).count()).resolves.toBe(0);
    await screenshot(page, 'import-mapping-presets-1440');

    // Deleted from the list (confirmed): gone.
    await presets.getByRole('button', { name: `删除：${PRESET_NAME}` }).click();
    await presets.getByRole('rowheader', { name: PRESET_NAME }).waitFor({ state: 'detached', timeout: 30_000 });
    expect(problems).toEqual([]);
    await close();
  });
});
