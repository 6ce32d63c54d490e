import {
  ROTATION_MULTI_YEAR_MODES,
  ROTATION_RATIO_SCHOOLS,
  type RotationMultiYearMode,
  type RotationRatioSchools,
} from '@junheng/shared';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useSetLatestSearchParams } from '../../lib/latest-search-params.ts';

/** The rotation conventions of issue #9 (the teacher-exchange query parameters of the same names). */
export interface RotationConventions {
  multiYear: RotationMultiYearMode;
  ratioSchools: RotationRatioSchools;
}

export const DEFAULT_ROTATION_CONVENTIONS: RotationConventions = { multiYear: 'first_year', ratioSchools: 'public' };

/** `?multiYear=every_year&ratioSchools=all` from the URL; anything else is the default. */
export function parseRotationConventions(params: URLSearchParams): RotationConventions {
  const multiYear = params.get('multiYear');
  const ratioSchools = params.get('ratioSchools');
  return {
    multiYear: (ROTATION_MULTI_YEAR_MODES as readonly string[]).includes(multiYear ?? '')
      ? (multiYear as RotationMultiYearMode)
      : DEFAULT_ROTATION_CONVENTIONS.multiYear,
    ratioSchools: (ROTATION_RATIO_SCHOOLS as readonly string[]).includes(ratioSchools ?? '')
      ? (ratioSchools as RotationRatioSchools)
      : DEFAULT_ROTATION_CONVENTIONS.ratioSchools,
  };
}

/** The conventions in the URL (defaults left out, so one view has one URL), and a setter for part of them. */
export function useRotationConventions(): [RotationConventions, (patch: Partial<RotationConventions>) => void] {
  const [searchParams] = useSearchParams();
  const setSearchParams = useSetLatestSearchParams();
  const conventions = parseRotationConventions(searchParams);
  const update = useCallback(
    (patch: Partial<RotationConventions>) =>
      setSearchParams((previous) => {
        const next = { ...parseRotationConventions(previous), ...patch };
        const updated = new URLSearchParams(previous);
        for (const key of ['multiYear', 'ratioSchools'] as const) {
          if (next[key] === DEFAULT_ROTATION_CONVENTIONS[key]) updated.delete(key);
          else updated.set(key, next[key]);
        }
        return updated;
      }),
    [setSearchParams],
  );
  return [conventions, update];
}
