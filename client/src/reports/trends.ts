import type { IndicatorKey } from '@junheng/shared';
import { queryOptions } from '@tanstack/react-query';
import type { CountyQuery } from '../county-view/county-query.ts';
import { schoolFilterInput } from '../county-view/school-filter.ts';
import { apiRequest, type RouteQuery } from '../lib/api-client.ts';

/** A trend covers every year with data, so the year of the selection is not part of it. */
export type TrendsQuery = Omit<CountyQuery, 'year'> & { indicator: IndicatorKey };

export const trendKeys = {
  all: ['trends'] as const,
  indicator: (query: TrendsQuery) => ['trends', query] as const,
};

/** The trend of one indicator under the county view's stage and school filters. */
export function toTrendsQuery(county: CountyQuery, indicator: IndicatorKey): TrendsQuery {
  const { year: _year, ...rest } = county;
  return { ...rest, indicator };
}

export function trendsQueryInput(query: TrendsQuery): RouteQuery<'getTrends'> {
  return { stage: query.stage, ...schoolFilterInput(query), indicator: query.indicator };
}

/** One indicator across the years: CV against its limit, weighted mean against the threshold, means per locale. */
export function trendsQueryOptions(query: TrendsQuery) {
  return queryOptions({
    queryKey: trendKeys.indicator(query),
    queryFn: ({ signal }) =>
      apiRequest('getTrends', { params: { code: query.code }, query: trendsQueryInput(query), signal }),
  });
}
