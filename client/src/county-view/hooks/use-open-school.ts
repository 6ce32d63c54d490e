import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { carrySearch } from '../../app/nav-items.ts';
import { writeViewParams } from '../view-params.ts';

/** The profile link of a school, carrying the county, year and filters. */
export function schoolPath(code: string, search: string): { pathname: string; search: string } {
  return { pathname: `/schools/${encodeURIComponent(code)}`, search: carrySearch(search) };
}

/**
 * Opens a school's profile. The school is first written into this view's URL as `school=` (replacing the entry), so
 * Back returns to the same view with that school highlighted.
 */
export function useOpenSchool(): (code: string) => Promise<void> {
  const navigate = useNavigate();
  const location = useLocation();
  return useCallback(
    async (code: string) => {
      const current = new URLSearchParams(location.search);
      if (current.get('school') !== code) {
        await navigate({ search: `?${writeViewParams(current, { school: code }).toString()}` }, { replace: true });
      }
      await navigate(schoolPath(code, location.search));
    },
    [navigate, location.search],
  );
}
