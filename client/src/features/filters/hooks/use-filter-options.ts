import { type BalanceResponse, STAGES } from '@junheng/shared';
import { type UseQueryResult, useQueries } from '@tanstack/react-query';
import { balanceQueryOptions } from '../../balance/api/balance.ts';
import { type CountyQuery, unfilteredCountyQuery } from '../county-query.ts';
import { deriveFilterOptions, type FilterOptions } from '../filter-options.ts';

const NO_OPTIONS: FilterOptions = { townships: [], locales: [], groups: [] };

// A placeholder key for the disabled queries before the county is known (never fetched).
const NO_COUNTY: CountyQuery = {
  code: '000000',
  year: 0,
  stage: 'primary',
  township: [],
  locale: [],
  group: [],
  includePrivate: true,
};

// Module-level, so TanStack Query re-runs it only when a result changes (an inline function would run every render).
function combineOptions(results: UseQueryResult<BalanceResponse>[]): { options: FilterOptions; isPending: boolean } {
  const loaded = results.flatMap((result) => (result.data ? [result.data] : []));
  return {
    options: loaded.length ? deriveFilterOptions(loaded) : NO_OPTIONS,
    isPending: results.some((result) => result.isPending),
  };
}

/**
 * Townships, locale classes and groups of the county-year, from the unfiltered balance reports of both stages (the
 * same cached queries the overview uses), so the options do not shrink as filters are applied.
 */
export function useFilterOptions(county: CountyQuery | null): { options: FilterOptions; isPending: boolean } {
  return useQueries({
    queries: STAGES.map((stage) => ({
      ...balanceQueryOptions(unfilteredCountyQuery(county ?? NO_COUNTY, stage)),
      enabled: county !== null,
    })),
    combine: combineOptions,
  });
}
