import type {
  BasicIndicatorKey,
  BasicIndicatorResult,
  BasicReport,
  Stage,
  StageUnit,
  StageUnitsResult,
} from '@junheng/shared';
import { BASIC_COMPOSITE_CV_LIMIT, BASIC_INDICATOR_KEYS, BASIC_INDICATOR_LABELS } from '@junheng/shared';
import { computeIndicatorValue } from './indicators.ts';
import { collectIndicatorPoints } from './quality.ts';
import { type StageUnitFilter, selectStageUnits } from './stage-parts.ts';
import { computeWeightedStats } from './statistics.ts';

/**
 * The eight 基本均衡 values of a unit (SPEC §2.2): room area, sports area (㎡/student), equipment (元/student), books
 * per student; computers, teachers (师生比), higher-degree and intermediate-or-higher-title teachers per 100 students.
 * The per-100 scale does not change a CV (CV is scale-invariant). null when the unit has no students.
 */
export function computeBasicValues(unit: StageUnit): Record<BasicIndicatorKey, number | null> {
  return Object.fromEntries(BASIC_INDICATOR_KEYS.map((key) => [key, computeIndicatorValue(unit, key)])) as Record<
    BasicIndicatorKey,
    number | null
  >;
}

/** Student-weighted mean, SD and CV = S / X̄ of one 2012 indicator over one stage's units. */
export function computeBasicIndicatorResult(units: readonly StageUnit[], key: BasicIndicatorKey): BasicIndicatorResult {
  const stats = computeWeightedStats(collectIndicatorPoints(units, (unit) => computeIndicatorValue(unit, key)));
  return {
    key,
    zh: BASIC_INDICATOR_LABELS[key].zh,
    n: stats.n,
    mean: stats.mean,
    sd: stats.sd,
    cv: stats.cv,
    min: stats.min,
    max: stats.max,
  };
}

/**
 * The 基本均衡 (2012) report of one stage: the eight CVs and 综合差异系数 = their plain mean, which must be ≤ 0.65
 * (primary) / ≤ 0.55 (junior). The composite is null (and compositePasses null) when any CV cannot be computed.
 * Schools count as in the 2017 report (same exclusions).
 */
export function computeBasicReport(
  stageUnits: StageUnitsResult,
  stage: Stage,
  filter: StageUnitFilter = {},
): BasicReport {
  const { units, excluded } = selectStageUnits(stageUnits, stage, filter);
  const indicators = BASIC_INDICATOR_KEYS.map((key) => computeBasicIndicatorResult(units, key));
  const compositeCv = indicators.some((i) => i.cv === null)
    ? null
    : indicators.reduce((sum, i) => sum + (i.cv ?? 0), 0) / indicators.length;
  const compositeLimit = BASIC_COMPOSITE_CV_LIMIT[stage];
  return {
    regime: 'basic_2012',
    stage,
    schoolsCounted: units.length,
    studentsCounted: units.reduce((sum, unit) => sum + unit.students, 0),
    excluded,
    indicators,
    compositeCv,
    compositeLimit,
    compositePasses: compositeCv === null ? null : compositeCv <= compositeLimit,
    schools: units.map((unit) => ({
      code: unit.code,
      name: unit.name,
      students: unit.students,
      values: computeBasicValues(unit),
    })),
  };
}
