import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launchBrowser, openPage } from './helpers.ts';

/** Pages a user opens most, and the login page (signed out). */
const PAGES = [
  '/',
  '/compliance',
  '/balance',
  '/urban-rural',
  '/rotation',
  '/rankings',
  '/schools',
  '/improve',
  '/data',
];
const MORE = ['/schools/2133990101', '/method', '/account', '/admin'];

type Recorder = { __cspViolations: string[] };

describe.skipIf(!browserAvailable())('Content-Security-Policy in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function violationsOn(paths: string[], signedIn: boolean): Promise<string[]> {
    const { page, context, problems, close } = await openPage(browser, signedIn ? {} : { user: null });
    // Recorded from the first script on: a violation the app catches (a probe of `new Function`) is still reported.
    await context.addInitScript(() => {
      const recorder = globalThis as unknown as Recorder;
      recorder.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        recorder.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const list = await page.evaluate(() => (globalThis as unknown as Recorder).__cspViolations);
      for (const v of list) found.push(`${path}: ${v}`);
    }
    const consoleCsp = problems.filter((p) => /Content Security Policy|unsafe-eval/i.test(p));
    await close();
    return [...found, ...consoleCsp];
  }

  it('should report no CSP violation (such as an eval) on the main pages', async () => {
    expect(await violationsOn([...PAGES, ...MORE], true)).toEqual([]);
  }, 150_000);

  it('should report no CSP violation on the login page', async () => {
    expect(await violationsOn(['/login'], false)).toEqual([]);
  });
});
