import {
  computeWeightedMean,
  computeWeightedStats,
  type IndicatorKey,
  isQualityKey,
  LOCALES,
  type SchoolRow,
  type SchoolStatRow,
  type Stage,
  type TrendRow,
} from '@junheng/shared';
import { computeIndicatorValue, findStandard } from './indicators.ts';
import { collectIndicatorPoints, computeQualityIndicatorResult, computeReportedCv } from './quality.ts';
import { computeRatioOrNull } from './ratios.ts';
import { computeStageUnits, selectStageUnits } from './stage-parts.ts';

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
