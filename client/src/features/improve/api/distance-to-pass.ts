import { queryOptions } from '@tanstack/react-query';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const distanceToPassKeys = {
  all: ['distance-to-pass'] as const,
  report: (query: CountyQuery) => ['distance-to-pass', query] as const,
};

/** 距离达标: per school × indicator shortfalls, the county 补短板 totals and a plan per failing CV. */
export function distanceToPassQueryOptions(query: CountyQuery) {
  return queryOptions({
    queryKey: distanceToPassKeys.report(query),
    queryFn: ({ signal }) =>
      apiRequest('getDistanceToPass', { params: { code: query.code }, query: countyQueryInput(query), signal }),
  });
}
