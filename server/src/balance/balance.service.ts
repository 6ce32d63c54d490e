import type { Database } from '@junheng/db';
import {
  type AccessScope,
  type BalanceResponse,
  type BasicBalanceResponse,
  type CountyYearQuery,
  isQualityKey,
  type RankingQuery,
  type RankingResponse,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { loadCountyYear } from '../county/county.service.ts';
import {
  computeBasicReport,
  computeIndicatorValue,
  computeQualityReport,
  computeRelativeToMean,
  computeStageUnits,
  computeWeightedStats,
  findQualityThreshold,
  meetsThreshold,
  selectStageUnits,
} from '../engine/index.ts';
import { rankRows } from './rank.ts';

export async function getBalance(
  db: Kysely<Database>,
  code: string,
  query: CountyYearQuery,
  access: AccessScope,
): Promise<BalanceResponse> {
  const data = await loadCountyYear(db, { districtCode: code, year: query.year, filter: query, access });
  const units = computeStageUnits(data.schools, data.stats, { includePrivate: query.includePrivate });
  return { ...data.context, ...computeQualityReport(units, query.stage) };
}

export async function getBasicBalance(
  db: Kysely<Database>,
  code: string,
  query: CountyYearQuery,
  access: AccessScope,
): Promise<BasicBalanceResponse> {
  const data = await loadCountyYear(db, { districtCode: code, year: query.year, filter: query, access });
  const units = computeStageUnits(data.schools, data.stats, { includePrivate: query.includePrivate });
  return { ...data.context, ...computeBasicReport(units, query.stage) };
}

/** Schools of the selection ranked on one indicator, best first; ties share a rank (1, 2, 2, 4). */
export async function getRankings(
  db: Kysely<Database>,
  code: string,
  query: RankingQuery,
  access: AccessScope,
): Promise<RankingResponse> {
  const data = await loadCountyYear(db, { districtCode: code, year: query.year, filter: query, access });
  const { units } = selectStageUnits(
    computeStageUnits(data.schools, data.stats, { includePrivate: query.includePrivate }),
    query.stage,
  );
  const key = query.indicator as Parameters<typeof computeIndicatorValue>[1];
  const threshold = isQualityKey(key) ? findQualityThreshold(key, query.stage) : null;
  const valued = units.map((unit) => ({ unit, value: computeIndicatorValue(unit, key) }));
  const stats = computeWeightedStats(
    valued.flatMap(({ unit, value }) => (value === null ? [] : [{ value, weight: unit.students }])),
  );
  const rows = rankRows(valued, (v) => v.value).map(({ rank, item: { unit, value } }) => ({
    rank,
    code: unit.code,
    name: unit.name,
    township: unit.townshipName,
    townshipCode: unit.townshipCode,
    locale: unit.locale,
    students: unit.students,
    value,
    threshold,
    meets: value === null || threshold === null ? null : meetsThreshold(value, threshold),
    relativeToMean: computeRelativeToMean(value, stats.mean),
  }));
  return { ...data.context, stage: query.stage, indicator: key, mean: stats.mean, threshold, cv: stats.cv, rows };
}
