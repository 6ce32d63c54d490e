import {
  computeWeightedStats,
  type IndicatorKey,
  isQualityKey,
  type RankingResponse,
  type Stage,
  type StageUnitsResult,
} from '@junheng/shared';
import { computeIndicatorValue, findQualityThreshold, meetsThreshold } from './indicators.ts';
import { rankRows } from './rank.ts';
import { computeRelativeToMean } from './ratios.ts';
import { selectStageUnits } from './stage-parts.ts';

/**
 * The counted units of a stage ranked on one indicator, best first; ties share a rank (1, 2, 2, 4), units without a
 * value come last. Each row carries the 2017 threshold and whether it is met (null for the 2012-only indicators), and
 * its value relative to the student-weighted mean of the ranked units, whose CV is given too.
 */
export function computeRanking(
  stageUnits: StageUnitsResult,
  stage: Stage,
  key: IndicatorKey,
): Pick<RankingResponse, 'mean' | 'threshold' | 'cv' | 'rows'> {
  const { units } = selectStageUnits(stageUnits, stage);
  const threshold = isQualityKey(key) ? findQualityThreshold(key, stage) : null;
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
  return { mean: stats.mean, threshold, cv: stats.cv, rows };
}
