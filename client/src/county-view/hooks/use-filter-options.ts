import { type BalanceResponse, STAGES } from '@junheng/shared';
import { type UseQueryResult, useQueries } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { whenIdle } from '../../lib/when-idle.ts';
import { balanceQueryOptions } from '../../reports/balance.ts';
import { type CountyQuery, unfilteredCountyQuery } from '../county-query.ts';
import { deriveFilterOptions, type FilterOptions } from '../filter-options.ts';
import { noSchoolFilter } from '../school-filter.ts';

const NO_OPTIONS: FilterOptions = { townships: [], locales: [], groups: [] };

// A placeholder key for the disabled queries before the county is known (never fetched).
const NO_COUNTY: CountyQuery = { code: '000000', year: 0, stage: 'primary', ...noSchoolFilter() };

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
  // After a change of county or year the options follow once the browser is idle: their two full reports must not
  // compete with the report the analyst is waiting for (the previous year's options stay meanwhile).
  const source = useIdleDeferred(county, county ? `${county.code}:${county.year}` : '');
  return useQueries({
    queries: STAGES.map((stage) => ({
      ...balanceQueryOptions(unfilteredCountyQuery(source ?? NO_COUNTY, stage)),
      enabled: source !== null,
    })),
    combine: combineOptions,
  });
}

const SETTLE_MS = 400;

/**
 * `value` at once the first time; after that, a new `key`'s value once the view has had time to load its own report
 * (SETTLE_MS) and the browser is idle.
 */
export function useIdleDeferred<T>(value: T, key: string): T {
  const [deferred, setDeferred] = useState<{ key: string; value: T }>({ key, value });
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    if (key === deferred.key) return;
    // The browser is idle while it waits for the view's report too: wait for that answer's usual time first.
    return whenIdle(() => setDeferred({ key, value: latest.current }), { delay: SETTLE_MS, timeout: 1000 });
  }, [key, deferred.key]);
  return key === deferred.key ? value : deferred.value;
}
