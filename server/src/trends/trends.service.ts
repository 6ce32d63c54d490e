import type { Database } from '@junheng/db';
import {
  type AccessScope,
  type IndicatorKey,
  isQualityKey,
  LOCALES,
  type SchoolRow,
  type SchoolStatRow,
  type Stage,
  type TrendRow,
  type TrendsQuery,
  type TrendsResponse,
} from '@junheng/shared';
import type { Kysely } from 'kysely';
import { findDistrictYears, findSchools, findStats } from '../county/county.repository.ts';
import { buildReportContext, requireDistrict, toScope } from '../county/county.service.ts';
import { describeSchoolEvents, findSchoolEvents } from '../county/school-events.ts';
import {
  collectIndicatorPoints,
  computeIndicatorValue,
  computeQualityIndicatorResult,
  computeRatioOrNull,
  computeReportedCv,
  computeStageUnits,
  computeWeightedMean,
  computeWeightedStats,
  selectStageUnits,
} from '../engine/index.ts';
import { describeIndicator, findStandard } from '../export/indicator-labels.ts';
import { HttpError } from '../http/errors.ts';

/**
 * One year of a trend: the stage's counted units, the indicator's weighted mean, SD and CV, the 2017 limit and
 * threshold with the schools meeting it (2017 indicators only), and the weighted mean per urban–rural class.
 */
export function computeTrendRow(input: {
  year: number;
  schools: readonly SchoolRow[];
  stats: readonly SchoolStatRow[];
  stage: Stage;
  indicator: IndicatorKey;
  includePrivate: boolean;
}): TrendRow {
  const { year, stage, indicator } = input;
  const all = computeStageUnits(
    input.schools,
    input.stats.filter((stat) => stat.year === year),
    { includePrivate: input.includePrivate },
  );
  const { units } = selectStageUnits(all, stage);
  const readValue = (unit: (typeof units)[number]) => computeIndicatorValue(unit, indicator);
  const stats = computeWeightedStats(collectIndicatorPoints(units, readValue));
  // Fewer than 2 schools give no CV, as in the balance reports (computeReportedCv).
  const { cv, cvNullReason } = computeReportedCv(stats);
  const quality = isQualityKey(indicator) ? computeQualityIndicatorResult(units, indicator, stage) : null;
  const { threshold, cvLimit } = findStandard(indicator, stage);
  const [urban, town, rural] = LOCALES.map((locale) =>
    computeWeightedMean(
      collectIndicatorPoints(
        units.filter((unit) => unit.locale === locale),
        readValue,
      ),
    ),
  ) as [number | null, number | null, number | null];
  return {
    year,
    n: stats.n,
    schoolsCounted: units.length,
    studentsCounted: units.reduce((sum, unit) => sum + unit.students, 0),
    mean: stats.mean,
    sd: stats.sd,
    cv,
    cvLimit,
    cvPasses: quality ? quality.cvPasses : null,
    cvNullReason,
    threshold,
    schoolsMeeting: quality ? quality.schoolsMeeting : null,
    means: { urban, town, rural },
    urbanToRural: computeRatioOrNull(urban, rural),
  };
}

/**
 * Year-by-year CV and means of one indicator (ARCHITECTURE.md, stable API trends). The statistics of the whole range come in one query;
 * the engine runs per year. from > to is rejected by the query schema; a range without data is a 404 listing the
 * years available.
 */
export async function getTrends(
  db: Kysely<Database>,
  code: string,
  query: TrendsQuery,
  access: AccessScope,
): Promise<TrendsResponse> {
  const district = await requireDistrict(db, code, access);
  const years = await findDistrictYears(db, district.code);
  const from = query.from ?? years[0];
  const to = query.to ?? years.at(-1);
  const inRange = years.filter((year) => from !== undefined && to !== undefined && year >= from && year <= to);
  if (from === undefined || to === undefined || inRange.length === 0) {
    throw new HttpError(
      404,
      'YearNotFound',
      `${district.name}在 ${from ?? ''}–${to ?? ''} 年间没有数据，可选年份：${years.join('、') || '无'} / No data in that range`,
      { availableYears: years },
    );
  }
  const scope = toScope(district.code, query, access);
  const [schools, stats, recorded] = await Promise.all([
    findSchools(db, scope),
    findStats(db, scope, { from, to }),
    findSchoolEvents(db, scope, { from, to }),
  ]);
  const { year: _year, ...context } = buildReportContext(district, to, years, query, schools, access);
  return {
    ...context,
    stage: query.stage,
    indicator: query.indicator,
    zh: describeIndicator(query.indicator).zh,
    ...findStandard(query.indicator, query.stage),
    from,
    to,
    rows: inRange.map((year) =>
      computeTrendRow({
        year,
        schools,
        stats,
        stage: query.stage,
        indicator: query.indicator,
        includePrivate: query.includePrivate,
      }),
    ),
    schoolEvents: describeSchoolEvents(recorded.events, schools, recorded.townshipNames),
  };
}
