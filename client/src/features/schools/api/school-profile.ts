import { queryOptions } from '@tanstack/react-query';
import { includePrivateInput } from '../../../county-view/school-filter.ts';
import { apiRequest, type RouteQuery } from '../../../lib/api-client.ts';

export interface SchoolProfileQuery {
  code: string;
  /** Whether private schools count in the county means and ranks the school is compared with. */
  includePrivate: boolean;
}

export const schoolProfileKeys = {
  all: ['school-profile'] as const,
  profile: (query: SchoolProfileQuery) => ['school-profile', query] as const,
};

export function schoolProfileQueryInput(query: SchoolProfileQuery): RouteQuery<'getSchoolProfile'> {
  return { includePrivate: includePrivateInput(query.includePrivate) };
}

/** One school: every year × stage part with its indicators, county means, thresholds and ranks; its rotations. */
export function schoolProfileQueryOptions(query: SchoolProfileQuery) {
  return queryOptions({
    queryKey: schoolProfileKeys.profile(query),
    queryFn: ({ signal }) =>
      apiRequest('getSchoolProfile', {
        params: { code: query.code },
        query: schoolProfileQueryInput(query),
        signal,
      }),
  });
}
