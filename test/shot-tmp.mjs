import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:4977';
const [,, path, out, width = '1440'] = process.argv;
const r = await fetch(base + '/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'browser-admin-password' }) });
const cookie = r.headers.getSetCookie().map(h => h.split(';')[0]).find(p => p.startsWith('jh_session='));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 900 }, locale: 'zh-CN' });
await ctx.addInitScript(() => { globalThis.__JUNHENG_TEST__ = true; });
await ctx.addCookies([{ name: 'jh_session', value: cookie.slice(11), url: base }]);
const page = await ctx.newPage();
page.on('pageerror', e => console.log('pageerror', e.message));
page.on('console', m => { if (m.type() === 'error') console.log('console', m.text()); });
await page.goto(base + path);
await page.waitForTimeout(4000);
await page.evaluate(() => { window.matchMedia('print').addEventListener('change', (e) => { window.__w = (window.__w || []).concat([e.matches, document.body.clientWidth, document.querySelector('.echart')?.clientWidth]); }); });
if (out.endsWith('.pdf')) { await page.pdf({ path: out, format: 'A4', preferCSSPageSize: true }); console.log(await page.evaluate(() => JSON.stringify(window.__w))); }
else await page.screenshot({ path: out, fullPage: false });
await browser.close();
