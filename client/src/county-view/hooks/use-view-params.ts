import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSetLatestSearchParams } from '../../lib/latest-search-params.ts';
import { parseViewParams, type ViewParams, writeViewParams } from '../view-params.ts';
import { prefetchViewReport } from './view-report-prefetch.ts';

export interface UpdateViewParamsOptions {
  /** Replace the history entry instead of adding one (for corrections the analyst did not ask for). */
  replace?: boolean;
}

/**
 * The typed view state in the URL. `update({ stage: 'junior' })` changes that parameter and keeps all others, and adds
 * a history entry, so back/forward steps through the analyst's filter changes.
 */
export function useViewParams(): [ViewParams, (patch: Partial<ViewParams>, options?: UpdateViewParamsOptions) => void] {
  const [searchParams] = useSearchParams();
  const setSearchParams = useSetLatestSearchParams();
  const search = searchParams.toString();
  // Parse once per distinct URL: the object (and its arrays) stay identical while the search string does not change.
  const params = useMemo(() => parseViewParams(new URLSearchParams(search)), [search]);
  const update = useCallback(
    (patch: Partial<ViewParams>, options: UpdateViewParamsOptions = {}) => {
      setSearchParams(
        (previous) => {
          const next = writeViewParams(previous, patch);
          prefetchViewReport(next);
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setSearchParams],
  );
  return [params, update];
}
