// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { balanceQueryOptions } from '../../reports/balance.ts';
import { balanceFixture, schoolFixture } from '../../test-utils/fixtures.ts';
import type { CountyQuery } from '../county-query.ts';
import { useViewParams } from '../hooks/use-view-params.ts';
import { FilterBar } from './filter-bar.tsx';

const county: CountyQuery = {
  code: '330999',
  year: 2025,
  stage: 'primary',
  township: [],
  locale: [],
  group: [],
  includePrivate: true,
};

const schools = [
  schoolFixture('S1', '城东小学', { townshipCode: '330999001', townshipName: '城东街道', groupName: '城东教育集团' }),
  schoolFixture('S2', '白云小学', { townshipCode: '330999201', townshipName: '白云乡', locale: 'rural' }),
  schoolFixture('S3', '龙泉小学', { townshipCode: '330999202', townshipName: '龙泉乡', locale: 'rural' }),
];

function Harness() {
  const [params, update] = useViewParams();
  const location = useLocation();
  return (
    <>
      <FilterBar params={params} update={update} county={county} years={[2024, 2025]} />
      <output data-testid="search">{decodeURIComponent(location.search)}</output>
    </>
  );
}

function renderSut(initial = '/compliance?lang=zh&sort=metCount') {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  for (const stage of ['primary', 'junior'] as const) {
    queryClient.setQueryData(balanceQueryOptions({ ...county, stage }).queryKey, balanceFixture({ schools }));
  }
  const router = createMemoryRouter([{ path: '/compliance', element: <Harness /> }], { initialEntries: [initial] });
  render(
    <I18nProvider initialLang="zh">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>,
  );
  return { router };
}

const search = () => screen.getByTestId('search').textContent;

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.reject(new Error('no network in this test'))),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('FilterBar', () => {
  it('should search townships, apply several at once and keep the other parameters', async () => {
    renderSut();
    fireEvent.click(screen.getByRole('button', { name: /乡镇（街道） 全县/ }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByRole('searchbox'), { target: { value: '乡' } });
    expect(within(dialog).queryByLabelText(/城东街道/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: '选中搜索结果' }));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '确定' })));
    expect(search()).toBe('?lang=zh&sort=metCount&township=330999201,330999202');
    expect(screen.getByRole('button', { name: /乡镇（街道） 已选 2 项/ })).toBeTruthy();
  });

  it('should discard the draft on Escape', async () => {
    renderSut();
    fireEvent.click(screen.getByRole('button', { name: /乡镇（街道）/ }));
    fireEvent.click(screen.getByLabelText(/白云乡/));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(search()).toBe('?lang=zh&sort=metCount');
  });

  it('should toggle locale classes and the private schools, then clear all filters at once', async () => {
    const { router } = renderSut();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '乡村' })));
    expect(screen.getByRole('button', { name: '乡村' }).getAttribute('aria-pressed')).toBe('true');
    await act(async () => fireEvent.click(screen.getByRole('checkbox', { name: '计入民办学校' })));
    expect(search()).toBe('?lang=zh&sort=metCount&locale=rural&includePrivate=false');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '清除筛选（2）' })));
    expect(search()).toBe('?lang=zh&sort=metCount');
    // Each change is a history entry: Back returns to the previous filters.
    await act(async () => router.navigate(-1));
    expect(search()).toBe('?lang=zh&sort=metCount&locale=rural&includePrivate=false');
  });

  it('should switch stage and year and list only the years with data', async () => {
    renderSut();
    const year = screen.getByRole('combobox', { name: '年度' });
    expect(
      within(year)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['2025 年', '2024 年']);
    await act(async () => fireEvent.change(year, { target: { value: '2024' } }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '初中' })));
    expect(search()).toBe('?lang=zh&sort=metCount&year=2024&stage=junior');
  });

  it('should offer the school groups found in the county', () => {
    renderSut();
    fireEvent.click(screen.getByRole('button', { name: /学区\/集团 全部/ }));
    expect(screen.getByLabelText('城东教育集团')).toBeTruthy();
  });
});
