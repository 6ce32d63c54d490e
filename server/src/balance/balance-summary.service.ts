import type { Database } from '@junheng/db';
import type { BalanceSummaryQuery, BalanceSummaryResponse, SchoolStatRow } from '@junheng/shared';
import type { Kysely } from 'kysely';
import { findAllSchools, findAllStats, findAllYears } from '../county/county.repository.ts';
import { computeQualityReport, computeStageUnits } from '../engine/index.ts';

/**
 * The 资源配置 verdict of every district and year in two queries: all schools and all statistics rows are read once
 * and grouped in memory, instead of one county-year report (five queries) at a time.
 */
export async function getBalanceSummary(
  db: Kysely<Database>,
  query: BalanceSummaryQuery,
): Promise<BalanceSummaryResponse> {
  const [schools, allYears] = await Promise.all([findAllSchools(db), findAllYears(db)]);
  const years = allYears.filter(
    (y) => (query.from === undefined || y >= query.from) && (query.to === undefined || y <= query.to),
  );
  const schoolsByDistrict = groupBy(schools, (s) => s.districtCode);
  const districtOf = new Map(schools.map((s) => [s.schoolCode, s.districtCode]));
  const rows: BalanceSummaryResponse['rows'] = [];
  // A year at a time: memory holds one year of statistics, not the whole history. The next year is read while this
  // one is computed.
  let next = years[0] === undefined ? undefined : findAllStats(db, { from: years[0], to: years[0] });
  for (const [index, year] of years.entries()) {
    const stats = await (next as Promise<SchoolStatRow[]>);
    const following = years[index + 1];
    next = following === undefined ? undefined : findAllStats(db, { from: following, to: following });
    const statsByDistrict = groupBy(stats, (stat) => districtOf.get(stat.schoolCode) ?? '');
    for (const [districtCode, districtStats] of statsByDistrict) {
      const districtSchools = schoolsByDistrict.get(districtCode) ?? [];
      const report = computeQualityReport(
        computeStageUnits(districtSchools, districtStats, { includePrivate: query.includePrivate }),
        query.stage,
      );
      rows.push({
        districtCode,
        districtName: districtSchools[0]?.districtName ?? districtCode,
        year,
        schoolsCounted: report.schoolsCounted,
        studentsCounted: report.studentsCounted,
        cvs: Object.fromEntries(report.indicators.map((i) => [i.key, i.cv])),
        cvPasses: report.verdict.cvPasses,
        blockingIndicators: report.verdict.blockingIndicators,
        schoolsPassing: report.verdict.schoolsPassing,
        passes: report.verdict.passes,
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
