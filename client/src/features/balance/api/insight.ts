import type { IndicatorKey } from '@junheng/shared';
import { queryOptions } from '@tanstack/react-query';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { apiRequest, type RouteQuery } from '../../../lib/api-client.ts';

export const insightKeys = {
  decomposition: (query: CountyQuery, indicator: IndicatorKey) => ['decomposition', query, indicator] as const,
  equity: (query: CountyQuery) => ['equity', query] as const,
};

export function decompositionQueryInput(query: CountyQuery, indicator: IndicatorKey): RouteQuery<'getDecomposition'> {
  return { ...countyQueryInput(query), indicator };
}

/** One indicator's CV split into each school's contribution (METHOD.md §7), largest first. */
export function decompositionQueryOptions(query: CountyQuery, indicator: IndicatorKey) {
  return queryOptions({
    queryKey: insightKeys.decomposition(query, indicator),
    queryFn: ({ signal }) =>
      apiRequest('getDecomposition', {
        params: { code: query.code },
        query: decompositionQueryInput(query, indicator),
        signal,
      }),
  });
}

/** Gini, Theil T and McLoone of the seven indicators, as the engine computes them. */
export function equityQueryOptions(query: CountyQuery) {
  return queryOptions({
    queryKey: insightKeys.equity(query),
    queryFn: ({ signal }) =>
      apiRequest('getEquity', { params: { code: query.code }, query: countyQueryInput(query), signal }),
  });
}
