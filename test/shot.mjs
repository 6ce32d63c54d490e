// Scratch script for manual screenshots (not committed): node test/shot.mjs <path> <name> [wait-selector]
import { chromium } from 'playwright-core';

const [, , path, name, waitFor, element] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
await context.addInitScript(() => {
  globalThis.__JUNHENG_TEST__ = true;
});
const page = await context.newPage();
page.on('console', (m) => {
  if (m.type() === 'error') console.log('console:', m.text());
});
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(`http://localhost:3271${path}`);
if (waitFor) await page.locator(waitFor).first().waitFor({ timeout: 15000 });
await page.waitForTimeout(1500);
if (element)
  await page
    .locator(element)
    .first()
    .screenshot({ path: `/tmp/jh-shots/${name}.png` });
else await page.screenshot({ path: `/tmp/jh-shots/${name}.png`, fullPage: true });
console.log(page.url());
await browser.close();
