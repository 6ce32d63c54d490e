import { queryOptions } from '@tanstack/react-query';
import type { CountyQuery } from '../county-view/county-query.ts';
import { schoolFilterInput } from '../county-view/school-filter.ts';
import { apiRequest, type RouteQuery } from '../lib/api-client.ts';

/** The scorecard covers both stages: the county query without its stage. */
export type ScorecardQuery = Omit<CountyQuery, 'stage'>;

export function toScorecardQuery(county: CountyQuery): ScorecardQuery {
  const { stage: _stage, ...rest } = county;
  return rest;
}

/** The query string of the scorecard and of its downloads (defaults left out). */
export function scorecardQueryInput(query: ScorecardQuery): RouteQuery<'getScorecard'> {
  return { year: query.year, ...schoolFilterInput(query) };
}

// The county-inputs save invalidates ['scorecard']: an entered value shows here at once.
export const scorecardKeys = {
  all: ['scorecard'] as const,
  report: (query: ScorecardQuery) => ['scorecard', query] as const,
};

/** 评估总表: every 2017 优质均衡 item of the county-year with its value, standard, status and source. */
export function scorecardQueryOptions(query: ScorecardQuery) {
  return queryOptions({
    queryKey: scorecardKeys.report(query),
    queryFn: ({ signal }) =>
      apiRequest('getScorecard', { params: { code: query.code }, query: scorecardQueryInput(query), signal }),
  });
}
