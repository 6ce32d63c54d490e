import { queryOptions } from '@tanstack/react-query';
import type { CountyQuery } from '../../../county-view/county-query.ts';
import { schoolFilterInput } from '../../../county-view/school-filter.ts';
import { apiRequest, type RouteQuery } from '../../../lib/api-client.ts';
import { DEFAULT_ROTATION_CONVENTIONS, type RotationConventions } from '../rotation-conventions-param.ts';

/** Rotations are counted per school, not per stage: the county query without its stage, with the conventions. */
export type TeacherExchangeQuery = Omit<CountyQuery, 'stage'> & RotationConventions;

export function toTeacherExchangeQuery(
  county: CountyQuery,
  conventions: RotationConventions = DEFAULT_ROTATION_CONVENTIONS,
): TeacherExchangeQuery {
  const { stage: _stage, ...rest } = county;
  return { ...rest, ...conventions };
}

export const teacherExchangeKeys = {
  all: ['teacher-exchange'] as const,
  report: (query: TeacherExchangeQuery) => ['teacher-exchange', query] as const,
};

/** The query string of the report and of its downloads (defaults left out). */
export function teacherExchangeQueryInput(query: TeacherExchangeQuery): RouteQuery<'getTeacherExchange'> {
  return {
    year: query.year,
    ...schoolFilterInput(query),
    multiYear: query.multiYear === DEFAULT_ROTATION_CONVENTIONS.multiYear ? undefined : query.multiYear,
    ratioSchools: query.ratioSchools === DEFAULT_ROTATION_CONVENTIONS.ratioSchools ? undefined : query.ratioSchools,
  };
}

/** 教师交流轮岗 of one year (ratio against 10 %, backbone share against 20 %, flows, per school) and every year's series. */
export function teacherExchangeQueryOptions(query: TeacherExchangeQuery) {
  return queryOptions({
    queryKey: teacherExchangeKeys.report(query),
    queryFn: ({ signal }) =>
      apiRequest('getTeacherExchange', {
        params: { code: query.code },
        query: teacherExchangeQueryInput(query),
        signal,
      }),
  });
}
