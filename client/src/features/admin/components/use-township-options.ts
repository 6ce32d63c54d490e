import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { MultiSelectOption } from '../../../components/multi-select.tsx';
import { type CountyQuery, resolveYear } from '../../../county-view/county-query.ts';
import { useFilterOptions } from '../../../county-view/hooks/use-filter-options.ts';
import { noSchoolFilter } from '../../../county-view/school-filter.ts';
import { districtsQueryOptions } from '../../../districts/api/districts.ts';
import { pickDistrict } from '../../../districts/hooks/use-selected-district.ts';

/**
 * The districts, and the townships of one of them (the chosen one, else the one the app shows) for a user's scope,
 * from the same cached reports the filter bar reads.
 */
export function useScopeOptions(districtCode: string) {
  const districtsQuery = useQuery(districtsQueryOptions());
  const districts = districtsQuery.data ?? [];
  const district = pickDistrict(districts, districtCode || null);
  const year = district ? resolveYear(district, null) : null;
  const county: CountyQuery | null =
    district && year !== null ? { code: district.code, year, stage: 'primary', ...noSchoolFilter() } : null;
  const { options, isPending } = useFilterOptions(county);
  const townships = useMemo<MultiSelectOption[]>(
    () => options.townships.map((township) => ({ value: township.code, label: township.name, hint: township.code })),
    [options.townships],
  );
  return { districts, townships, isPending: districtsQuery.isPending || (county !== null && isPending) };
}
