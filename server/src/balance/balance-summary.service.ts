import type { Database } from '@junheng/db';
import type { BalanceSummaryQuery, BalanceSummaryResponse } from '@junheng/shared';
import type { Kysely } from 'kysely';
import { findAllSchools, findAllStats } from '../county/county.repository.ts';
import { computeQualityReport, computeStageUnits } from '../engine/index.ts';

/**
 * The 资源配置 verdict of every district and year in two queries: all schools and all statistics rows are read once
 * and grouped in memory, instead of one county-year report (five queries) at a time.
 */
export async function getBalanceSummary(
  db: Kysely<Database>,
  query: BalanceSummaryQuery,
): Promise<BalanceSummaryResponse> {
  const [schools, stats] = await Promise.all([
    findAllSchools(db),
    findAllStats(db, { from: query.from, to: query.to }),
  ]);
  const schoolsByDistrict = groupBy(schools, (s) => s.districtCode);
  const districtOf = new Map(schools.map((s) => [s.schoolCode, s.districtCode]));
  const statsByDistrictYear = groupBy(stats, (stat) => `${districtOf.get(stat.schoolCode)}:${stat.year}`);
  const rows: BalanceSummaryResponse['rows'] = [];
  for (const [key, yearStats] of [...statsByDistrictYear].sort(([a], [b]) => a.localeCompare(b))) {
    const [districtCode = '', year = '0'] = key.split(':');
    const districtSchools = schoolsByDistrict.get(districtCode) ?? [];
    const report = computeQualityReport(
      computeStageUnits(districtSchools, yearStats, { includePrivate: query.includePrivate }),
      query.stage,
    );
    rows.push({
      districtCode,
      districtName: districtSchools[0]?.districtName ?? districtCode,
      year: Number(year),
      schoolsCounted: report.schoolsCounted,
      studentsCounted: report.studentsCounted,
      cvs: Object.fromEntries(report.indicators.map((i) => [i.key, i.cv])),
      cvPasses: report.verdict.cvPasses,
      blockingIndicators: report.verdict.blockingIndicators,
      schoolsPassing: report.verdict.schoolsPassing,
      passes: report.verdict.passes,
    });
  }
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
