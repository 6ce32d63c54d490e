/** The mounted view's "fetch the report of this URL" (registered by useLinkPrefetch), or none. */
let prefetchForSearch: ((search: URLSearchParams) => void) | null = null;

export function registerViewReportPrefetch(prefetch: (search: URLSearchParams) => void): () => void {
  prefetchForSearch = prefetch;
  return () => {
    if (prefetchForSearch === prefetch) prefetchForSearch = null;
  };
}

/**
 * Starts the mounted view's report for the URL a filter change is about to show, at the moment of the click: the
 * request then runs while React renders the change, instead of starting only after that render has committed.
 */
export function prefetchViewReport(search: URLSearchParams): void {
  prefetchForSearch?.(search);
}
