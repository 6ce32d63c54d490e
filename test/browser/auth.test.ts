import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminCredentials,
  apiLogin,
  baseUrl,
  browserAvailable,
  type Credentials,
  launchBrowser,
  openPage,
  screenshot,
  sessionFor,
  signInOnPage,
} from './helpers.ts';

const DISTRICT = '330999';
/** 澄川县实验小学, a school of the county seat: never in the viewer's township below. */
const OTHER_SCHOOL = '2133990101';
const VIEWER: Credentials = { username: 'qingshi-viewer', password: 'viewer-password-1' };

interface Township {
  code: string;
  name: string;
}

/** The rows of the table view of the first chart panel, as cell texts. */
async function tableRows(page: Page): Promise<string[][]> {
  const panel = page.locator('section.chart-panel').first();
  await panel.getByRole('button', { name: '以表格查看' }).click();
  const table = panel.getByRole('table');
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );
}

describe.skipIf(!browserAvailable())('sign-in, roles and township scope', () => {
  let browser: Browser;
  let township: Township;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await sessionFor();
    // No route lists townships: they come from the schools of the balance report, as in the filter bar.
    const balance = await admin.json<{ schools: { townshipCode: string; townshipName: string }[] }>(
      `/api/v1/districts/${DISTRICT}/balance?year=2025&stage=primary`,
    );
    const found = balance.schools.find((school) => school.townshipName === '青石镇');
    township = { code: found?.townshipCode ?? '', name: found?.townshipName ?? '' };
    expect(township.code).toMatch(/^\d{9}$/);
    // The viewer is created as an admin would through the API: with the session's CSRF token.
    const created = await admin.fetch('/api/v1/admin/users', {
      method: 'POST',
      body: JSON.stringify({ ...VIEWER, role: 'viewer', townships: [township.code] }),
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should send a signed-out visitor to the login page and back to the same URL after signing in', async () => {
    const { page, problems, close } = await openPage(browser, { user: null });
    // With several counties (the demo city) the app names the county in the URL: a complete link keeps it.
    const target = `/rankings?district=${DISTRICT}&year=2025&stage=junior`;
    await page.goto(`${baseUrl()}${target}`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    // No session at all: nothing "expired" to report.
    expect(await page.getByText('登录已过期').count()).toBe(0);
    await screenshot(page, 'auth-login');

    await signInOnPage(page, { username: 'admin', password: 'not-the-password' });
    await page.getByText('用户名或密码错误。').waitFor();
    await screenshot(page, 'auth-login-wrong-password');

    await signInOnPage(page, adminCredentials());
    await page.waitForURL((url) => `${url.pathname}${url.search}` === target);
    await page.getByRole('heading', { level: 1, name: '学校排名' }).waitFor();
    await page.getByRole('group', { name: '学段' }).getByRole('button', { name: '初中' }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  it('should say the session expired on a deep link and return to it after signing in', async () => {
    const { page, problems, close } = await openPage(browser, { cookie: 'an-expired-or-revoked-session' });
    const target = `/schools/${OTHER_SCHOOL}?district=${DISTRICT}&year=2025&compare=2133990138`;
    await page.goto(`${baseUrl()}${target}`);
    await page.waitForURL(/\/login\?next=.*reason=expired/);
    await page.getByText('登录已过期，请重新登录').waitFor();
    await screenshot(page, 'auth-login-expired');
    await signInOnPage(page, adminCredentials());
    await page.waitForURL((url) => `${url.pathname}${url.search}` === target);
    await page.getByRole('heading', { level: 1, name: '澄川县实验小学' }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  it('should show a viewer only the schools of their township, say so, and hide import and administration', async () => {
    const { page, problems, close } = await openPage(browser, { user: VIEWER });
    const rankings = page.waitForResponse(
      (r) => r.url().includes('/api/v1/districts/') && r.url().includes('/rankings?'),
    );
    await page.goto(`${baseUrl()}/rankings?year=2025`);
    await page.getByRole('heading', { level: 1, name: '学校排名' }).waitFor();
    const report = (await (await rankings).json()) as { rows: { name: string; townshipCode: string }[] };
    expect(report.rows.length).toBeGreaterThan(0);
    expect(new Set(report.rows.map((row) => row.townshipCode))).toEqual(new Set([township.code]));
    // The admin sees more schools through the very same request.
    const admin = await sessionFor();
    const url = new URL((await rankings).url());
    const whole = await admin.json<{ rows: unknown[] }>(`${url.pathname}${url.search}`);
    expect(whole.rows.length).toBeGreaterThan(report.rows.length);

    const banner = page.locator('.scope-notice');
    await banner.waitFor();
    expect(await banner.textContent()).toBe(`访问范围：仅 ${township.name}（县级数值按此范围计算）`);
    const rows = await tableRows(page);
    expect(rows.map((row) => row[1]).sort()).toEqual(report.rows.map((row) => row.name).sort());
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-context').textContent()).toContain(`访问范围：仅 ${township.name}`);
    await page.emulateMedia({ media: 'screen' });

    // The Excel workbook of the panel downloads with the session cookie, with the viewer's schools only.
    const panel = page.locator('section.chart-panel').first();
    await panel.locator('summary', { hasText: '下载' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('link', { name: /XLSX|Excel 工作簿/ }).click(),
    ]);
    const bytes = fs.readFileSync((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // 资源配置达标: the detail table lists the same schools.
    const compliance = page.waitForResponse(
      (r) => r.url().includes('/api/v1/districts/') && r.url().includes('/balance?'),
    );
    await page.goto(`${baseUrl()}/compliance?year=2025`);
    await page.getByRole('heading', { level: 1, name: '资源配置达标' }).waitFor();
    await compliance;
    const detail = page.getByRole('table', { name: '学校达标明细' });
    await detail.waitFor();
    const names = await detail.locator('tbody tr th').allTextContents();
    expect(names.length).toBe(report.rows.length);
    for (const name of names) expect(report.rows.map((row) => row.name)).toContain(name.trim());
    await page.locator('.scope-notice').waitFor();
    await screenshot(page, 'auth-viewer-compliance');

    // Navigation: no 系统管理; the 数据 page shows the inputs read-only and nothing of the import.
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await nav.getByRole('link', { name: '系统管理' }).count()).toBe(0);
    await nav.getByRole('link', { name: '数据' }).click();
    await page.getByText('只读：只有管理员可以修改县级填报指标。').waitFor();
    expect(await page.getByRole('region', { name: '导入历史' }).count()).toBe(0);
    expect(await page.locator('input[type=file]').count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存', exact: true }).count()).toBe(0);
    expect(await page.getByLabel('初中三年巩固率', { exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'auth-viewer-data');

    // The user menu names the user, the role and the township.
    await page.locator('.user-menu > summary').click();
    const menu = page.locator('.user-menu-panel');
    await menu.waitFor();
    expect(await menu.textContent()).toContain('查看者');
    expect(await menu.textContent()).toContain(township.name);
    await screenshot(page, 'auth-viewer-menu');
    expect(problems).toEqual([]);

    // Rotations to and from schools the viewer may not see are counted under 区域外, never named.
    await page.goto(`${baseUrl()}/rotation`);
    const sankey = page.locator('section.chart-panel', { has: page.getByRole('heading', { name: /交流流向/ }) });
    await sankey.locator('canvas').waitFor();
    await sankey.getByRole('button', { name: '以表格查看' }).click();
    const flows = sankey.getByRole('table');
    await flows.waitFor();
    expect(await flows.getByText('区域外').count()).toBeGreaterThan(0);
    await page.getByText(/名教师从访问范围以外（其他乡镇或县外）的学校交流进入/).waitFor();
    await screenshot(page, 'auth-viewer-rotation');
    expect(problems).toEqual([]);

    // A school of another township is answered like one that does not exist.
    await page.goto(`${baseUrl()}/schools/${OTHER_SCHOOL}`);
    await page.getByText('HTTP 404').waitFor();
    expect(await page.getByRole('heading', { level: 1, name: '澄川县实验小学' }).count()).toBe(0);
    await close();
  });

  it('should let the admin create a user in 系统管理 and read the audit log', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统管理' }).click();
    await page.getByRole('heading', { level: 1, name: '系统管理' }).waitFor();
    const usersTable = page.getByRole('table', { name: '用户' });
    await usersTable.getByText(VIEWER.username).waitFor();

    const form = page.locator('section.card', { has: page.getByRole('heading', { name: '新建用户' }) });
    await form.getByLabel('用户名').fill('ana');
    await form.getByLabel('初始密码').fill('short');
    await form.getByRole('button', { name: '创建用户' }).click();
    await form.getByText(/密码至少 10 位/).waitFor();
    await form.getByLabel('初始密码').fill('analyst-password-1');
    await form.getByLabel('角色').selectOption('analyst');
    await form.getByRole('button', { name: '创建用户' }).click();
    await form.getByText('已创建用户 ana。').waitFor();
    await usersTable.getByRole('row', { name: /ana/ }).getByText('分析员').waitFor();
    await screenshot(page, 'auth-admin-users');

    // The new analyst can sign in.
    const analyst = await apiLogin({ username: 'ana', password: 'analyst-password-1' });
    expect((await analyst.json<{ user: { role: string } }>('/api/v1/auth/me')).user.role).toBe('analyst');

    // Tokens: created once, shown once with its secret.
    await page.getByRole('tab', { name: 'API 令牌' }).click();
    await page.getByLabel('新令牌名称').fill('月报脚本');
    await page.getByRole('button', { name: '创建令牌' }).click();
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    const viaToken = await fetch(`${baseUrl()}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(viaToken.status).toBe(200);
    await page.getByRole('button', { name: '我已保存' }).click();
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    await page.getByRole('table').getByText('月报脚本').waitFor();

    // The audit log has the user's creation, filtered by action, and downloads as CSV.
    await page.getByRole('tab', { name: '审计日志' }).click();
    await page.getByLabel('操作').selectOption('user_created');
    await page.waitForURL(/[?&]action=user_created/);
    const audit = page.getByRole('table', { name: '审计日志' });
    await audit.getByText('ana').first().waitFor();
    expect(await audit.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'auth-admin-audit');
    await page.locator('summary', { hasText: '下载' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Excel 用 CSV' }).click(),
    ]);
    const csv = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(csv).toContain('新建用户');
    expect(csv).toContain('ana');
    expect(problems).toEqual([]);
    await close();
  });

  it('should sign out from the user menu and need a new sign-in afterwards', async () => {
    const own = await apiLogin(adminCredentials());
    const { page, problems, close } = await openPage(browser, { cookie: own.cookie });
    await page.goto(`${baseUrl()}/method`);
    await page.getByRole('heading', { level: 1, name: '方法说明' }).waitFor();
    await page.locator('.user-menu > summary').click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login\?reason=signedOut/);
    await page.getByText('您已退出登录。').waitFor();
    expect((await own.fetch('/api/v1/auth/me')).status).toBe(401);
    await page.goto(`${baseUrl()}/balance?year=2025`);
    await page.waitForURL(/\/login\?next=%2Fbalance%3Fyear%3D2025/);
    expect(problems.filter((problem) => !/status of 401/.test(problem))).toEqual([]);
    await close();
  });
});
