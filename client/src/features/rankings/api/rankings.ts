import { type IndicatorKey, QUALITY_INDICATOR_KEYS } from '@junheng/shared';
import { queryOptions } from '@tanstack/react-query';
import { type CountyQuery, countyQueryInput } from '../../../county-view/county-query.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export interface RankingsQuery extends CountyQuery {
  indicator: IndicatorKey;
}

/** The indicator ranked when the URL names none. */
export const DEFAULT_RANKING_INDICATOR: IndicatorKey = QUALITY_INDICATOR_KEYS[0];

/** The ranking a view shows: the county query and the URL's indicator (else the default). */
export function toRankingsQuery(county: CountyQuery, indicator: IndicatorKey | null): RankingsQuery {
  return { ...county, indicator: indicator ?? DEFAULT_RANKING_INDICATOR };
}

export const rankingKeys = {
  all: ['rankings'] as const,
  list: (query: RankingsQuery) => ['rankings', query] as const,
};

export function rankingsQueryInput(query: RankingsQuery) {
  return { ...countyQueryInput(query), indicator: query.indicator };
}

/** Every counted school ranked on one indicator, with the threshold, the weighted county mean and the CV. */
export function rankingsQueryOptions(query: RankingsQuery) {
  return queryOptions({
    queryKey: rankingKeys.list(query),
    queryFn: ({ signal }) =>
      apiRequest('getRankings', { params: { code: query.code }, query: rankingsQueryInput(query), signal }),
  });
}
