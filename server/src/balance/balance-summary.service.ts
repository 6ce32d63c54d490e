import type { Database } from '@junheng/db';
import type { BalanceSummaryQuery, BalanceSummaryResponse } from '@junheng/shared';
import type { Kysely } from 'kysely';
import { findAllYears } from '../county/county.repository.ts';
import { computeQualitySummary } from '../engine/index.ts';
import {
  type DistrictQualitySummaryRow,
  findDistrictNames,
  findQualitySummaryRows,
} from './balance-summary.repository.ts';

/**
 * The 资源配置 verdict of every district and year: a year at a time, every school-year of the year is read in one
 * query (only the columns the verdict needs), grouped by district and summarised by computeQualitySummary, which gives
 * the numbers of the full county-year report without building it.
 */
export async function getBalanceSummary(
  db: Kysely<Database>,
  query: BalanceSummaryQuery,
): Promise<BalanceSummaryResponse> {
  const [districtNames, allYears] = await Promise.all([findDistrictNames(db), findAllYears(db)]);
  const years = allYears.filter(
    (y) => (query.from === undefined || y >= query.from) && (query.to === undefined || y <= query.to),
  );
  const load = (year: number | undefined) => {
    if (year === undefined) return undefined;
    const loading = findQualitySummaryRows(db, { year, stage: query.stage });
    // Awaited on the next turn of the loop; a failure while this year is computed must not go unhandled meanwhile.
    loading.catch(() => {});
    return loading;
  };
  const rows: BalanceSummaryResponse['rows'] = [];
  // Memory holds one year of rows, not the whole history; the next year is read while this one is computed.
  let next = load(years[0]);
  for (const [index, year] of years.entries()) {
    const yearRows = await (next as Promise<DistrictQualitySummaryRow[]>);
    next = load(years[index + 1]);
    for (const [districtCode, districtRows] of groupBy(yearRows, (row) => row.districtCode)) {
      rows.push({
        districtCode,
        districtName: districtNames.get(districtCode) ?? districtCode,
        year,
        ...computeQualitySummary(districtRows, query.stage, { includePrivate: query.includePrivate }),
      });
    }
  }
  rows.sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.year - b.year);
  return { stage: query.stage, includePrivate: query.includePrivate, rows };
}

// Map.groupBy arrives with Node 21.
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
