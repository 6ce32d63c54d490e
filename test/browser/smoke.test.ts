import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage, screenshot, sessionFor } from './helpers.ts';

describe.skipIf(!browserAvailable())('the built app in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should serve the app from the API port and show the demo county', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/`);
    // The demo city has several counties: the header picks one, 澄川县 (the largest) by default.
    const county = page.getByRole('combobox', { name: '选择区县' });
    await county.waitFor();
    expect(await county.inputValue()).toBe('330999');
    await screenshot(page, 'overview');
    expect(problems).toEqual([]);
    await close();
  });

  it('should show located errors for a bad import file and change nothing', async () => {
    const admin = await sessionFor();
    const before = await admin.json('/api/v1/districts');
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/data`);
    const bad = '学校标识码,年度,小学在校生数\r\nNOPE,2024,abc\r\n';
    await page
      .locator('input[type=file][name=files]')
      .setInputFiles({ name: '坏文件.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: /^导入$/ }).click();
    await page.getByText('坏文件.csv').first().waitFor();
    await page
      .getByText(/未写入/)
      .first()
      .waitFor();
    await screenshot(page, 'data-rejected');
    expect(await admin.json('/api/v1/districts')).toEqual(before);
    expect(problems).toEqual([]);
    await close();
  });

  it('should switch to English', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/data?lang=en`);
    await page
      .getByText(/Import/i)
      .first()
      .waitFor();
    expect(problems).toEqual([]);
    await close();
  });
});
