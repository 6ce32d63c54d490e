import type { Stage } from '@junheng/shared';
import { queryOptions } from '@tanstack/react-query';
import { includePrivateInput } from '../../../county-view/school-filter.ts';
import { apiRequest, type RouteQuery } from '../../../lib/api-client.ts';

export interface SchoolComparisonQuery {
  district: string;
  year: number;
  stage: Stage;
  includePrivate: boolean;
  /** The profiled school first, then the compared ones. */
  schools: string[];
}

export function schoolComparisonQueryInput(query: SchoolComparisonQuery): RouteQuery<'getSchoolComparison'> {
  return {
    year: query.year,
    stage: query.stage,
    includePrivate: includePrivateInput(query.includePrivate),
    schools: query.schools,
  };
}

/** The schools side by side on the seven indicators of one stage and year. */
export function schoolComparisonQueryOptions(query: SchoolComparisonQuery) {
  return queryOptions({
    queryKey: ['school-comparison', query] as const,
    queryFn: ({ signal }) =>
      apiRequest('getSchoolComparison', {
        params: { code: query.district },
        query: schoolComparisonQueryInput(query),
        signal,
      }),
  });
}
