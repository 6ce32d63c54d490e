import type { Database } from '@junheng/db';
import type {
  AccessScope,
  BalanceResponse,
  BasicBalanceResponse,
  CountyYearQuery,
  IndicatorKey,
  RankingQuery,
  RankingResponse,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { loadCountyYear } from '../county/county.service.ts';
import { computeBasicReport, computeQualityReport, computeRanking, computeStageUnits } from '../engine/index.ts';

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
  const key = query.indicator as IndicatorKey;
  const units = computeStageUnits(data.schools, data.stats, { includePrivate: query.includePrivate });
  return { ...data.context, stage: query.stage, indicator: key, ...computeRanking(units, query.stage, key) };
}
