// @vitest-environment jsdom
import { COUNTY_INPUT_ITEMS, CountyInputsResponseSchema, ImportHistorySchema, type Role } from '@junheng/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { setCsrfToken } from '../../lib/api-client.ts';
import { meKeys } from '../../session/api/me.ts';
import { meFixture } from '../../test-utils/fixtures.ts';
import DataPage from './data-page.tsx';

const context = {
  district: { code: '330999', name: '澄川县' },
  year: 2025,
  years: [2024, 2025],
  accessScope: { restricted: false, townships: [] },
  filters: { townships: [], locales: [], groups: [], includePrivate: true },
};
const inputs = CountyInputsResponseSchema.parse({
  ...context,
  items: COUNTY_INPUT_ITEMS.map((item) => ({
    ...item,
    value: item.key === 'consolidation_rate' ? 0.97 : null,
    note: item.key === 'consolidation_rate' ? '统计公报' : null,
    updatedAt: item.key === 'consolidation_rate' ? '2026-01-05T02:00:00.000Z' : null,
    updatedBy: item.key === 'consolidation_rate' ? 'zhang.analyst' : null,
    status: item.key === 'consolidation_rate' ? 'pass' : 'not_entered',
  })),
  values: { consolidation_rate: 0.97 },
  updatedAt: '2026-01-05T02:00:00.000Z',
});
const history = ImportHistorySchema.parse({
  batches: [
    { id: 1, createdAt: '2026-01-01T00:00:00.000Z', source: 'demo', files: [], counts: { schools: 100 }, warnings: 0 },
    {
      id: 2,
      createdAt: '2026-01-03T00:00:00.000Z',
      source: 'api',
      files: [{ file: '统计.csv', kind: 'school_stats', encoding: 'gb18030', rows: 75, sha256: 'f'.repeat(64) }],
      counts: { school_stats: 75 },
      warnings: 2,
    },
  ],
});
const invalid = {
  error: {
    code: 'ValidationFailed',
    message: '参数无效',
    details: { in: 'body', fields: [{ field: 'values.layout_planning', message: '应为是/否（服务器）' }] },
  },
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const fetchMock = vi.fn<typeof fetch>();
let putAnswer: Response | null = null;

beforeEach(() => {
  // Signed in: the session's CSRF token is known, so writes go straight out.
  setCsrfToken('csrf-test');
  putAnswer = null;
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (init?.method === 'PUT') return putAnswer ?? json(inputs);
    if (url === '/api/v1/districts')
      return json([{ code: '330999', name: '澄川县', years: [2024, 2025], schools: 100, townships: 12 }]);
    if (url === '/api/v1/imports') return json(history);
    if (url.startsWith('/api/v1/districts/330999/inputs')) return json(inputs);
    throw new Error(`unexpected ${url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  setCsrfToken(null);
  cleanup();
  vi.unstubAllGlobals();
});

function renderSut(role: Role = 'admin') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(meKeys.all, meFixture(role));
  render(
    <MemoryRouter initialEntries={['/data']}>
      <I18nProvider initialLang="zh">
        <QueryClientProvider client={queryClient}>
          <DataPage />
        </QueryClientProvider>
      </I18nProvider>
    </MemoryRouter>,
  );
}

describe('DataPage history and county-year inputs', () => {
  it('should list the import batches newest first', async () => {
    renderSut();
    const table = await within(await screen.findByRole('region', { name: '导入历史' })).findByRole('table');
    await within(table).findByText('#2');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['#2', '#1']);
    expect(within(rows[0] as HTMLElement).getByText('统计.csv')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('示例数据')).toBeTruthy();
  });

  it('should show ratios as percentages and send them back as fractions', async () => {
    renderSut();
    const field = (await screen.findByLabelText('初中三年巩固率')) as HTMLInputElement;
    expect(field.value).toBe('97');
    fireEvent.change(field, { target: { value: '98.5' } });
    fireEvent.change(screen.getByLabelText('学校规划布局合理'), { target: { value: 'yes' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText(/已保存/);
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(put?.[0]).toBe('/api/v1/districts/330999/inputs?year=2025');
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({
      values: { consolidation_rate: 0.985, layout_planning: true },
      notes: { consolidation_rate: '统计公报' },
    });
    expect(screen.getByText(/上次保存：2026-01-05/)).toBeTruthy();
  });

  it('should say who entered each saved item and when (issue #12)', async () => {
    renderSut();
    await screen.findByLabelText('初中三年巩固率');
    const row = document.getElementById('county-input-consolidation_rate');
    expect(row?.textContent).toMatch(/zhang\.analyst · 2026-01-05/);
    expect(document.getElementById('county-input-layout_planning')?.textContent).not.toMatch(/·/);
  });

  it('should refuse a percentage over 100 without sending anything', async () => {
    renderSut();
    fireEvent.change(await screen.findByLabelText('初中三年巩固率'), { target: { value: '970' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('百分数应在 0 到 100 之间')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);
  });

  it('should show a 400 message next to its field', async () => {
    putAnswer = json(invalid, 400);
    renderSut();
    await screen.findByLabelText('初中三年巩固率');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const message = await screen.findByText('应为是/否（服务器）');
    expect(message.closest('[data-key]')?.getAttribute('data-key')).toBe('layout_planning');
  });

  it('should show an analyst the history but no import, and the inputs read-only', async () => {
    renderSut('analyst');
    const field = (await screen.findByLabelText('初中三年巩固率')) as HTMLInputElement;
    expect(field.matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: '保存' })).toBeNull();
    expect(screen.getByText(/只有管理员可以修改/)).toBeTruthy();
    await within(await screen.findByRole('region', { name: '导入历史' })).findByText('#2');
    expect(screen.queryByLabelText(/选择文件/)).toBeNull();
  });

  it('should show a viewer neither import nor history', async () => {
    renderSut('viewer');
    await screen.findByLabelText('初中三年巩固率');
    expect(screen.queryByRole('region', { name: '导入历史' })).toBeNull();
    expect(screen.queryByLabelText(/选择文件/)).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => String(url) === '/api/v1/imports')).toBe(false);
  });
});
