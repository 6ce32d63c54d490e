import { SchoolCodeSchema } from '@junheng/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSetLatestSearchParams } from '../../lib/latest-search-params.ts';

/** `?compare=2133990138,2133990175`: the schools the profile is compared with (its own view state, kept in the URL). */
export const COMPARE_PARAM = 'compare';
/** The profiled school and at most four others (the "compare with up to 4 other schools"). */
export const MAX_COMPARE = 4;

/**
 * The valid codes of `compare`, in the order given, without duplicates, without the profiled school itself, and at
 * most MAX_COMPARE: a pasted link with junk in it still opens.
 */
export function parseCompareParam(raw: string | null, self: string): string[] {
  if (!raw) return [];
  const codes: string[] = [];
  for (const part of raw.split(',')) {
    const parsed = SchoolCodeSchema.safeParse(part);
    if (!parsed.success || parsed.data === self || codes.includes(parsed.data)) continue;
    codes.push(parsed.data);
    if (codes.length === MAX_COMPARE) break;
  }
  return codes;
}

/** A copy of `search` with `compare` set to `codes` (removed when empty); every other parameter is kept. */
export function writeCompareParam(search: URLSearchParams, codes: readonly string[]): URLSearchParams {
  const next = new URLSearchParams(search);
  if (codes.length) next.set(COMPARE_PARAM, codes.slice(0, MAX_COMPARE).join(','));
  else next.delete(COMPARE_PARAM);
  return next;
}

/** The compared schools of the profile of `self`, and a setter that adds a history entry. */
export function useCompareParam(self: string): [string[], (codes: readonly string[]) => void] {
  const [searchParams] = useSearchParams();
  const setSearchParams = useSetLatestSearchParams();
  const raw = searchParams.get(COMPARE_PARAM);
  const codes = useMemo(() => parseCompareParam(raw, self), [raw, self]);
  const setCodes = useCallback(
    (next: readonly string[]) => setSearchParams((previous) => writeCompareParam(previous, next)),
    [setSearchParams],
  );
  return [codes, setCodes];
}
