import { chromium } from 'playwright-core';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
await context.addInitScript(() => {
  globalThis.__JUNHENG_TEST__ = true;
});
const page = await context.newPage();
page.on('console', (m) => {
  if (m.type() === 'error') console.log('console:', m.text());
});
await page.goto('http://localhost:3271/');
const panel = page.locator('section.chart-panel', { hasText: '各乡镇资源配置达标学校' });
const canvas = panel.locator('canvas');
await canvas.waitFor();
await page.waitForTimeout(800);
const box = await canvas.boundingBox();
// click in the middle of the third row's bar area
console.log(box);
await panel.screenshot({ path: '/tmp/jh-shots/township-panel.png' });
await canvas.click({ position: { x: box.width * 0.3, y: 32 + 28 * 2.5 } });
await page.waitForTimeout(1500);
console.log(page.url());
await page.screenshot({ path: '/tmp/jh-shots/overview-filtered.png', fullPage: true });
await page.emulateMedia({ media: 'print' });
console.log(await page.locator('.print-context').textContent());
await browser.close();
