import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

export function browserAvailable(): boolean {
  return inject('browserBaseUrl') !== '';
}

export function baseUrl(): string {
  return inject('browserBaseUrl');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** A page that records console errors and failed requests, with chart animation off. */
export async function openPage(browser: Browser, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  await context.addInitScript(() => {
    (globalThis as unknown as { __JUNHENG_TEST__: boolean }).__JUNHENG_TEST__ = true;
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 422/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(baseUrl()) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) {
      problems.push(`external request: ${r.url()}`);
    }
  });
  return { page, problems, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
