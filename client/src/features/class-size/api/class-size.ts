import { queryOptions } from '@tanstack/react-query';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const classSizeKeys = {
  all: ['class-size'] as const,
  report: (query: CountyQuery) => ['class-size', query] as const,
};

/** 大班额 / 超大班额 and 大校额 of the county's stage and year, with every year's county figures. */
export function classSizeQueryOptions(query: CountyQuery) {
  return queryOptions({
    queryKey: classSizeKeys.report(query),
    queryFn: ({ signal }) =>
      apiRequest('getClassSize', { params: { code: query.code }, query: countyQueryInput(query), signal }),
  });
}
