import { type QueryKey, type UseQueryOptions, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { preloadEChart } from '../../components/lazy-echart.tsx';
import { DISTRICT_SEARCH_PARAM } from '../../districts/hooks/use-selected-district.ts';
import { type CountyQuery, countyQueryFromLink } from '../county-query.ts';
import { parseViewParams, type ViewParams } from '../view-params.ts';
import { useViewParams } from './use-view-params.ts';
import { registerViewReportPrefetch } from './view-report-prefetch.ts';

/**
 * Starts what a chart view's first screen waits for as soon as the view mounts, in parallel with the district list:
 * the ECharts chunk and, when the link names the county and year, the view's report. Otherwise each would start only
 * once the list arrived (list → report → chart, one round trip after another). A report already cached or in flight
 * is not asked again. While the view is mounted, filter changes start its next report early (prefetchViewReport).
 */
export function useLinkPrefetch<TData, TKey extends QueryKey>(
  options: (county: CountyQuery, params: ViewParams) => UseQueryOptions<TData, Error, TData, TKey>,
): void {
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const [params] = useViewParams();
  const county = countyQueryFromLink(searchParams.get(DISTRICT_SEARCH_PARAM), params);
  const query = county ? options(county, params) : null;
  useEffect(() => {
    preloadEChart();
    if (query) void queryClient.prefetchQuery(query);
  }, [query, queryClient]);

  const latestOptions = useRef(options);
  latestOptions.current = options;
  useEffect(() => {
    const prefetch = (search: URLSearchParams) => {
      const nextParams = parseViewParams(search);
      const next = countyQueryFromLink(search.get(DISTRICT_SEARCH_PARAM), nextParams);
      if (next) void queryClient.prefetchQuery(latestOptions.current(next, nextParams));
    };
    return registerViewReportPrefetch(prefetch);
  }, [queryClient]);
}
