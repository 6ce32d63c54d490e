import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage, screenshot, sessionFor } from './helpers.ts';

/** The county import settings form of the 数据 view (issue #13): an administrator changes and saves them. */
describe.skipIf(!browserAvailable())('county import settings in the 数据 view', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should save 教学点 keep and the rotation years, and show them after a reload', async () => {
    const admin = await sessionFor();
    const { page, problems, close } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl()}/data`);
    const form = page.locator('section.import-settings');
    await form.getByText('并入所属学校', { exact: true }).waitFor();
    expect(await form.getByRole('radio', { name: /并入所属学校/ }).isChecked()).toBe(true);
    await form.getByRole('radio', { name: /保留为教学点/ }).check();
    await form.getByRole('spinbutton').fill('5');
    await form.getByRole('button', { name: '保存设置' }).click();
    await form.getByRole('status').waitFor();
    const saved = await admin.json<{ teachingPoints: string; rotationEligibleYears: number }>(
      '/api/v1/districts/330999/import-settings',
    );
    expect(saved).toMatchObject({ teachingPoints: 'keep', rotationEligibleYears: 5 });
    await page.reload();
    await form.getByText('保存').first().waitFor();
    expect(await form.getByRole('radio', { name: /保留为教学点/ }).isChecked()).toBe(true);
    await form.scrollIntoViewIfNeeded();
    const shots = process.env.SHOTS_DIR;
    await screenshot(page, 'import-settings-1440');
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, 'data-1440.png'), fullPage: true });
      await form.screenshot({ path: path.join(shots, 'import-settings-1440.png') });
      await page.setViewportSize({ width: 1024, height: 900 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(shots, 'data-1024.png'), fullPage: true });
      await form.screenshot({ path: path.join(shots, 'import-settings-1024.png') });
      await page.goto(`${baseUrl()}/data?lang=en`);
      await form.getByText('Keep as teaching points', { exact: true }).waitFor();
      await form.screenshot({ path: path.join(shots, 'import-settings-1024-en.png') });
    }
    // Back to the defaults for the other browser tests.
    await admin.json('/api/v1/districts/330999/import-settings', {
      method: 'PUT',
      body: JSON.stringify({ teachingPoints: 'merge', rotationEligibleYears: 6 }),
    });
    expect(problems).toEqual([]);
    await close();
  });
});
