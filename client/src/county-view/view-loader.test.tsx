// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { districtKeys } from '../districts/api/districts.ts';
import type { CountyQuery } from './county-query.ts';
import { useReportQuery } from './hooks/use-report-query.ts';
import { prefetchCountyView, type ViewReports } from './view-loader.ts';

const district = { code: '330999', name: '澄川县', years: [2023, 2025, 2024], schools: 100, townships: 12 };

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
  const fetcher = vi.fn(async (county: CountyQuery) => `${county.code}:${county.year}:${county.stage}`);
  const reportOptions = (county: CountyQuery) =>
    queryOptions({ queryKey: ['report', county] as const, queryFn: () => fetcher(county) });
  const reports: ViewReports = (prefetch, county) => prefetch(reportOptions(county));
  return { client, fetcher, reportOptions, reports };
}

describe(prefetchCountyView.name, () => {
  it('should start the report of a link naming county and year at once, and the view should reuse it', async () => {
    const { client, fetcher, reportOptions, reports } = setup();
    prefetchCountyView(client, new URLSearchParams('district=330999&year=2024&stage=junior&locale=rural'), reports);
    expect(fetcher).toHaveBeenCalledTimes(1);
    const county = fetcher.mock.calls[0]?.[0] as CountyQuery;
    expect(county).toMatchObject({ code: '330999', year: 2024, stage: 'junior', locale: ['rural'] });

    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const view = renderHook(() => useReportQuery(reportOptions(county)), { wrapper });
    await waitFor(() => expect(view.result.current.data).toBe('330999:2024:junior'));
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('should otherwise resolve the county and year from the district list, as the view does', async () => {
    const { client, fetcher, reports } = setup();
    client.setQueryData(districtKeys.all, [district]);
    prefetchCountyView(client, new URLSearchParams('stage=primary'), reports);
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(1));
    expect(fetcher.mock.calls[0]?.[0]).toMatchObject({ code: '330999', year: 2025, stage: 'primary', township: [] });
  });
});
