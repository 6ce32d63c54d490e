import type { Database } from '@junheng/db';
import type {
  AccessScope,
  BalanceSummaryQuery,
  BalanceSummaryResponse,
  BalanceSummaryRow,
  Stage,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { findAllYears } from '../county/county.repository.ts';
import { computeQualitySummaryFromSums } from '../engine/index.ts';
import {
  type DistrictQualitySummarySums,
  findDistrictNames,
  findQualitySummarySums,
  findStoredQualitySummarySums,
} from './balance-summary.repository.ts';

/**
 * Years read ahead of the one being computed. This process waits for the database most of the time; with the next
 * year's query running beside this year's, PostgreSQL works on two cores.
 */
const YEARS_READ_AHEAD = 1;

/**
 * The summary rows of whole counties from their stored sums (refreshed with every import), one row per county-year from
 * `from` to `to`, of `districts` (null: every county) or of one city's counties; ordered by county and year. Only for
 * a user who sees whole counties (no township limit).
 */
export async function getStoredSummaryRows(
  db: Kysely<Database>,
  args: {
    districts: readonly string[] | null;
    stage: Stage;
    includePrivate: boolean;
    from?: number;
    to?: number;
    city?: string;
  },
): Promise<BalanceSummaryRow[]> {
  const [districtNames, stored] = await Promise.all([
    findDistrictNames(db),
    findStoredQualitySummarySums(db, {
      districts: args.districts,
      from: args.from,
      to: args.to,
      stage: args.stage,
      includePrivate: args.includePrivate,
      city: args.city,
    }),
  ]);
  return stored.map((district) => ({
    districtCode: district.districtCode,
    districtName: districtNames.get(district.districtCode) ?? district.districtCode,
    year: district.year,
    ...computeQualitySummaryFromSums(district, args.stage),
  }));
}

/**
 * The 资源配置 verdict of every district and year the user may see. For a user who sees whole counties, from the
 * county-year sums stored at import (county_quality_sums: the same query, run when the school-years were written).
 * For a user limited to some townships, live: a year at a time, the database computes each
 * county's stage split, weighted means and variances over its visible school-years (findQualitySummarySums, the
 * report's own double operations, added in school-code order), and computeQualitySummaryFromSums turns them into
 * the CVs (the report's exactly) and verdict of
 * the full county-year report without building it. Only a row of sums per county leaves the database.
 * For a user restricted to some townships, a district's numbers are those of its visible schools, as in the
 * county-year report.
 */
export async function getBalanceSummary(
  db: Kysely<Database>,
  query: BalanceSummaryQuery,
  access: AccessScope,
): Promise<BalanceSummaryResponse> {
  if (access.townships === null) {
    return {
      stage: query.stage,
      includePrivate: query.includePrivate,
      rows: await getStoredSummaryRows(db, { ...query, districts: access.districtCodes }),
    };
  }
  const [districtNames, allYears] = await Promise.all([findDistrictNames(db), findAllYears(db)]);
  const years = allYears.filter(
    (y) => (query.from === undefined || y >= query.from) && (query.to === undefined || y <= query.to),
  );
  const loads = new Map<number, Promise<DistrictQualitySummarySums[]>>();
  const startLoading = (index: number) => {
    const year = years[index];
    if (year === undefined || loads.has(index)) return;
    const loading = findQualitySummarySums(db, access, {
      year,
      stage: query.stage,
      includePrivate: query.includePrivate,
    });
    // Awaited later; a failure while earlier years are computed must not go unhandled meanwhile.
    loading.catch(() => {});
    loads.set(index, loading);
  };
  const rows: BalanceSummaryResponse['rows'] = [];
  for (const [index, year] of years.entries()) {
    // Memory holds at most two years of data, not the whole history.
    for (let ahead = 0; ahead <= YEARS_READ_AHEAD; ahead += 1) startLoading(index + ahead);
    const districts = await (loads.get(index) as Promise<DistrictQualitySummarySums[]>);
    loads.delete(index);
    for (const district of districts) {
      rows.push({
        districtCode: district.districtCode,
        districtName: districtNames.get(district.districtCode) ?? district.districtCode,
        year,
        ...computeQualitySummaryFromSums(district, query.stage),
      });
    }
  }
  rows.sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.year - b.year);
  return { stage: query.stage, includePrivate: query.includePrivate, rows };
}
