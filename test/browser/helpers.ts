import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');
/** The server's session cookie (server/src/auth/auth.middleware.ts). */
export const SESSION_COOKIE = 'jh_session';

export interface Credentials {
  username: string;
  password: string;
}

export function browserAvailable(): boolean {
  return inject('browserBaseUrl') !== '';
}

export function baseUrl(): string {
  return inject('browserBaseUrl');
}

/** The `admin` the server created on first start with ADMIN_PASSWORD (global-setup.ts). */
export function adminCredentials(): Credentials {
  return { username: 'admin', password: inject('adminPassword') };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** A signed-in session used from the test process: the cookie for browser contexts, and API calls with it. */
export interface ApiSession {
  cookie: string;
  csrfToken: string;
  /** Calls the API with the session cookie, and the CSRF token on state-changing methods. */
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
  /** `fetch` that expects a 2xx JSON answer. */
  json: <T = unknown>(path: string, init?: RequestInit) => Promise<T>;
}

/** Signs in through the API, as the login page does. */
export async function apiLogin(credentials: Credentials): Promise<ApiSession> {
  const response = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!response.ok) throw new Error(`login of ${credentials.username}: ${response.status} ${await response.text()}`);
  const me = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('the login set no session cookie');
  const value = cookie.slice(SESSION_COOKIE.length + 1);
  const call = (requestPath: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Cookie', `${SESSION_COOKIE}=${value}`);
    if (init.method && init.method !== 'GET') headers.set('X-CSRF-Token', me.csrfToken);
    if (typeof init.body === 'string') headers.set('Content-Type', 'application/json');
    return fetch(`${baseUrl()}${requestPath}`, { ...init, headers });
  };
  return {
    cookie: value,
    csrfToken: me.csrfToken,
    fetch: call,
    json: async <T>(requestPath: string, init?: RequestInit) => {
      const answer = await call(requestPath, init);
      if (!answer.ok)
        throw new Error(`${init?.method ?? 'GET'} ${requestPath}: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as T;
    },
  };
}

// One sign-in per user per test file: contexts reuse its cookie, as a browser keeps it between tabs.
const sessions = new Map<string, Promise<ApiSession>>();

export function sessionFor(credentials: Credentials = adminCredentials()): Promise<ApiSession> {
  let session = sessions.get(credentials.username);
  if (!session) {
    session = apiLogin(credentials);
    sessions.set(credentials.username, session);
  }
  return session;
}

export interface OpenPageOptions {
  viewport?: { width: number; height: number };
  /** Signed in as this user (default: admin); null opens the app signed out. */
  user?: Credentials | null;
  /** A session cookie to start with instead of signing in (an expired or revoked one). */
  cookie?: string;
}

/**
 * A page that records console errors and failed requests, with chart animation off, signed in (as admin unless
 * told otherwise). Signed out, the 401s that send the app to its login page are expected and not recorded.
 */
export async function openPage(browser: Browser, options: OpenPageOptions = {}) {
  const { viewport = { width: 1366, height: 768 } } = options;
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  await context.addInitScript(() => {
    (globalThis as unknown as { __JUNHENG_TEST__: boolean }).__JUNHENG_TEST__ = true;
  });
  const signedIn = options.user !== null && options.cookie === undefined;
  const cookie = options.cookie ?? (signedIn ? (await sessionFor(options.user ?? undefined)).cookie : null);
  if (cookie !== null) await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url: baseUrl() }]);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error' || /status of 422/.test(m.text())) return;
    if (!signedIn && /status of 401/.test(m.text())) return;
    problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(baseUrl()) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) {
      problems.push(`external request: ${r.url()}`);
    }
  });
  return { page, context, problems, close: () => context.close() };
}

/** Signs in on the login page the app is showing. */
export async function signInOnPage(page: Page, credentials: Credentials): Promise<void> {
  await page.getByLabel('用户名').fill(credentials.username);
  await page.getByLabel('密码').fill(credentials.password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
