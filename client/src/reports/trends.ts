import type { IndicatorKey } from '@junheng/shared';
import { queryOptions } from '@tanstack/react-query';
import { type CountyQuery, countyQueryInput } from '../county-view/county-query.ts';
import { apiRequest, type QueryInput } from '../lib/api-client.ts';

/** A trend covers every year with data, so the year of the selection is not part of it. */
export type TrendsQuery = Omit<CountyQuery, 'year'> & { indicator: IndicatorKey };

export const trendKeys = {
  all: ['trends'] as const,
  indicator: (query: TrendsQuery) => ['trends', query] as const,
};

export function trendsQueryInput(query: TrendsQuery): QueryInput {
  const { year: _year, ...filters } = countyQueryInput({ ...query, year: 0 });
  return { ...filters, indicator: query.indicator };
}

/** One indicator across the years: CV against its limit, weighted mean against the threshold, means per locale. */
export function trendsQueryOptions(query: TrendsQuery) {
  return queryOptions({
    queryKey: trendKeys.indicator(query),
    queryFn: ({ signal }) =>
      apiRequest('getTrends', { params: { code: query.code }, query: trendsQueryInput(query), signal }),
  });
}
