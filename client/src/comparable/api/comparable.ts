import type { Stage } from '@junheng/shared';
import { queryOptions } from '@tanstack/react-query';
import { includePrivateInput } from '../../county-view/school-filter.ts';
import { apiRequest } from '../../lib/api-client.ts';

export interface ComparableSchoolsQuery {
  code: string;
  year: number;
  stage: Stage;
  includePrivate: boolean;
}

export function comparableQueryInput(query: { year: number; stage: Stage; includePrivate: boolean }) {
  return { year: query.year, stage: query.stage, includePrivate: includePrivateInput(query.includePrivate) };
}

/** The 10 schools most like this one (same stage and type) in the user's scope, and where it stands among them. */
export function comparableSchoolsQueryOptions(query: ComparableSchoolsQuery) {
  return queryOptions({
    queryKey: ['comparable-schools', query] as const,
    queryFn: ({ signal }) =>
      apiRequest('getComparableSchools', { params: { code: query.code }, query: comparableQueryInput(query), signal }),
  });
}

export interface ComparableCountiesQuery {
  code: string;
  year: number;
  stage: Stage;
  includePrivate: boolean;
}

/** The counties most like this one by size and urban share, with their CVs. */
export function comparableCountiesQueryOptions(query: ComparableCountiesQuery) {
  return queryOptions({
    queryKey: ['comparable-counties', query] as const,
    queryFn: ({ signal }) =>
      apiRequest('getComparableCounties', { params: { code: query.code }, query: comparableQueryInput(query), signal }),
  });
}
