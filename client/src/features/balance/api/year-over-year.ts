import { queryOptions } from '@tanstack/react-query';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** The county this year vs last year vs the first year: every indicator's mean and CV, the 2012 composite. */
export function yearOverYearQueryOptions(query: CountyQuery) {
  return queryOptions({
    queryKey: ['year-over-year', query] as const,
    queryFn: ({ signal }) =>
      apiRequest('getYearOverYear', { params: { code: query.code }, query: countyQueryInput(query), signal }),
  });
}
