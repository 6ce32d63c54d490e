import type { Database } from '@junheng/db';
import type { AccessScope, BalanceSummaryQuery, BalanceSummaryResponse } from '@junheng/shared';
import type { Kysely } from 'kysely';
import { findAllYears } from '../county/county.repository.ts';
import { computeQualitySummary } from '../engine/index.ts';
import {
  type DistrictQualitySummaryRows,
  findDistrictNames,
  findQualitySummaryRows,
} from './balance-summary.repository.ts';

/**
 * The 资源配置 verdict of every district and year the user may see: a year at a time, every visible school-year of the
 * year is read in one query (only the columns the verdict needs, grouped by district), and each district is
 * summarised by computeQualitySummary, which gives the numbers of the full county-year report without building it.
 * For a user restricted to some townships, a district's numbers are those of its visible schools, as in the
 * county-year report.
 */
export async function getBalanceSummary(
  db: Kysely<Database>,
  query: BalanceSummaryQuery,
  access: AccessScope,
): Promise<BalanceSummaryResponse> {
  const [districtNames, allYears] = await Promise.all([findDistrictNames(db), findAllYears(db)]);
  const years = allYears.filter(
    (y) => (query.from === undefined || y >= query.from) && (query.to === undefined || y <= query.to),
  );
  const load = (year: number | undefined) => {
    if (year === undefined) return undefined;
    const loading = findQualitySummaryRows(db, access, { year, stage: query.stage });
    // Awaited on the next turn of the loop; a failure while this year is computed must not go unhandled meanwhile.
    loading.catch(() => {});
    return loading;
  };
  const rows: BalanceSummaryResponse['rows'] = [];
  // Memory holds one year of data, not the whole history; the next year is read while this one is computed.
  let next = load(years[0]);
  for (const [index, year] of years.entries()) {
    const districts = await (next as Promise<DistrictQualitySummaryRows[]>);
    next = load(years[index + 1]);
    for (const district of districts) {
      rows.push({
        districtCode: district.districtCode,
        districtName: districtNames.get(district.districtCode) ?? district.districtCode,
        year,
        ...computeQualitySummary(district.readRows(), query.stage, { includePrivate: query.includePrivate }),
      });
    }
  }
  rows.sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.year - b.year);
  return { stage: query.stage, includePrivate: query.includePrivate, rows };
}
