import { queryOptions } from '@tanstack/react-query';
import { type CountyQuery, countyQueryInput } from '../county-view/county-query.ts';
import { apiRequest } from '../lib/api-client.ts';

export const balanceKeys = {
  all: ['balance'] as const,
  quality: (query: CountyQuery) => ['balance', 'quality_2017', query] as const,
  basic: (query: CountyQuery) => ['balance', 'basic_2012', query] as const,
};

/** 优质均衡 资源配置 report (2017): the seven CVs, per-school compliance, exclusions and the verdict. */
export function balanceQueryOptions(query: CountyQuery) {
  return queryOptions({
    queryKey: balanceKeys.quality(query),
    queryFn: ({ signal }) =>
      apiRequest('getBalance', { params: { code: query.code }, query: countyQueryInput(query), signal }),
  });
}

/** 基本均衡 report (2012): eight CVs and the composite against 0.65 / 0.55. */
export function basicBalanceQueryOptions(query: CountyQuery) {
  return queryOptions({
    queryKey: balanceKeys.basic(query),
    queryFn: ({ signal }) =>
      apiRequest('getBasicBalance', { params: { code: query.code }, query: countyQueryInput(query), signal }),
  });
}
