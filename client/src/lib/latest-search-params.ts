import { useCallback } from 'react';
import { type NavigateOptions, useLocation, useNavigate } from 'react-router';

/** Where the router is, or is going: the search of its pending navigation, else of the location it last committed. */
interface LatestLocation {
  pathname: string;
  search: string;
}

let readLatestLocation: (() => LatestLocation) | null = null;

/** Called once by the app's router so that search-parameter updates build on its latest location (see below). */
export function followRouterLocation(read: () => LatestLocation): void {
  readLatestLocation = read;
}

/**
 * Like React Router's `setSearchParams(previous => next)`, but `previous` is the URL the router is at or going to when
 * the update runs, not the one of the last render. The router commits a new location inside a transition (and after
 * the views' loaders), so a second change made before the page re-rendered (two selects changed quickly, or a filter
 * clicked while a report loads) would otherwise start from the old URL and drop the first change.
 */
export function useSetLatestSearchParams(): (
  update: (previous: URLSearchParams) => URLSearchParams,
  options?: NavigateOptions,
) => void {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  return useCallback(
    (update, options) => {
      const latest = readLatestLocation?.();
      // A navigation to another page is not this page's URL: build on what this page rendered.
      const base = latest && latest.pathname === pathname ? latest.search : search;
      const next = update(new URLSearchParams(base)).toString();
      void navigate({ search: next ? `?${next}` : '' }, options);
    },
    [navigate, pathname, search],
  );
}
