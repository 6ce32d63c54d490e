import type { Stage } from '@junheng/shared';
import { useEffect, useMemo } from 'react';
import { useSelectedDistrict } from '../../districts/hooks/use-selected-district.ts';
import { type CountyQuery, toCountyQuery } from '../county-query.ts';
import { useViewParams } from './use-view-params.ts';

/**
 * The county report a view shows, from the selected district and the URL. `query` is null while the districts load
 * or when the county has no yearly data. When the URL names no year (or one without data), the year shown is
 * written into it (replacing the entry), so a copied link keeps showing the same year after next year's import.
 */
export function useCountyQuery(stageOverride?: Stage) {
  const { query: districtsQuery, district } = useSelectedDistrict();
  const [params, update] = useViewParams();
  const county = useMemo<CountyQuery | null>(
    () => (district ? toCountyQuery(district, params, stageOverride ?? params.stage) : null),
    [district, params, stageOverride],
  );

  const year = county?.year ?? null;
  useEffect(() => {
    if (year !== null && params.year !== year) update({ year }, { replace: true });
  }, [year, params.year, update]);

  return { districtsQuery, district, params, update, county };
}
