import type { QueryClient, QueryKey, UseQueryOptions } from '@tanstack/react-query';
import type { LoaderFunction } from 'react-router';
import { districtsQueryOptions } from '../districts/api/districts.ts';
import { DISTRICT_SEARCH_PARAM, pickDistrict } from '../districts/hooks/use-selected-district.ts';
import { type CountyQuery, countyQueryFromLink, toCountyQuery } from './county-query.ts';
import { parseViewParams, type ViewParams } from './view-params.ts';

/** Starts one report query; it is given exactly the options the view passes to useReportQuery. */
export type PrefetchReport = <TData, TKey extends QueryKey>(
  options: UseQueryOptions<TData, Error, TData, TKey>,
) => void;

/**
 * The reports a county view shows first, for a county and URL: `(prefetch, county, params) => prefetch(options)` with
 * the same query options (so the same query keys) the view's components ask for.
 */
export type ViewReports = (
  prefetch: PrefetchReport,
  county: CountyQuery,
  params: ViewParams,
  /** The whole query string, for view state outside ViewParams (the rotation conventions). */
  search: URLSearchParams,
) => void;

/**
 * Starts a county view's reports for a URL. With `?district=…&year=…` they start at once, like the view's own
 * prefetch (a year without data costs one wasted request); otherwise once the district list (asked for at start-up,
 * usually cached) names the county and its latest year, exactly as the view will resolve them.
 */
export function prefetchCountyView(queryClient: QueryClient, search: URLSearchParams, reports: ViewReports): void {
  const prefetch: PrefetchReport = (options) => void queryClient.prefetchQuery(options);
  const params = parseViewParams(search);
  const districtCode = search.get(DISTRICT_SEARCH_PARAM);
  const linked = countyQueryFromLink(districtCode, params);
  if (linked) {
    reports(prefetch, linked, params, search);
    return;
  }
  queryClient.ensureQueryData(districtsQueryOptions()).then(
    (districts) => {
      const district = pickDistrict(districts, districtCode);
      const county = district ? toCountyQuery(district, params) : null;
      if (county) reports(prefetch, county, params, search);
    },
    // The view shows the list's error itself.
    () => undefined,
  );
}

/**
 * The route loader of a county view: starts its reports when the navigation starts, in parallel with the view's code
 * chunk, instead of once the view has mounted. It does not wait for them (the view shows its own loading state), and
 * the view's queries then find the requests in flight or answered in the cache: nothing is fetched twice. Loaders
 * run again on every change of the URL's query, so a filter change starts its report before the view renders it.
 */
export function countyViewLoader(queryClient: QueryClient, reports: ViewReports): LoaderFunction {
  return ({ request }) => {
    prefetchCountyView(queryClient, new URL(request.url).searchParams, reports);
    return null;
  };
}
