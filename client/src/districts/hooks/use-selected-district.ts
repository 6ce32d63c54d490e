import type { DistrictSummary } from '@junheng/shared';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { useSetLatestSearchParams } from '../../lib/latest-search-params.ts';
import { districtsQueryOptions } from '../api/districts.ts';

export const DISTRICT_SEARCH_PARAM = 'district';

/**
 * The district named by `?district=`; when the parameter is missing or unknown, the largest one (most schools) that
 * has yearly data (a county imported with its schools only should not hide the one with statistics; a city's user
 * starts on its main county, not on whichever has the lowest code), else the first.
 */
export function pickDistrict(districts: readonly DistrictSummary[], code: string | null): DistrictSummary | undefined {
  const named = districts.find((district) => district.code === code);
  if (named) return named;
  const withData = districts.filter((district) => district.years.length > 0);
  // The first of the largest, in list (code) order.
  const largest = withData.reduce<DistrictSummary | undefined>(
    (best, district) => (best === undefined || district.schools > best.schools ? district : best),
    undefined,
  );
  return largest ?? districts[0];
}

/**
 * The county every view works on. With several counties the choice lives in `?district=` so a link reproduces the
 * view; with one there is nothing to choose and the URL stays clean.
 */
export function useSelectedDistrict() {
  const query = useQuery(districtsQueryOptions());
  const [searchParams] = useSearchParams();
  const setSearchParams = useSetLatestSearchParams();
  const districts = query.data ?? [];
  const requested = searchParams.get(DISTRICT_SEARCH_PARAM);
  const district = pickDistrict(districts, requested);
  const several = districts.length > 1;

  const setDistrict = useCallback(
    (code: string) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set(DISTRICT_SEARCH_PARAM, code);
          return next;
        },
        { replace: false },
      );
    },
    [setSearchParams],
  );

  // An unknown county in the URL: write the one shown instead. With none, the URL stays as it is (the default county,
  // the largest, is shown): rewriting it behind the user's back raced with their own changes to the URL (a filter
  // clicked meanwhile was lost), which the demo city's several counties made visible on every first visit.
  useEffect(() => {
    if (several && district && requested !== null && requested !== district.code) {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set(DISTRICT_SEARCH_PARAM, district.code);
          return next;
        },
        { replace: true },
      );
    }
  }, [several, district, requested, setSearchParams]);

  return { query, districts, district, several, setDistrict };
}
