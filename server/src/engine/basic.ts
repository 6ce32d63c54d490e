import type {
  BasicIndicatorKey,
  BasicIndicatorResult,
  BasicReport,
  CvNullReason,
  ExclusionReason,
  Stage,
  StageUnit,
  StageUnitExclusion,
  StageUnitsResult,
} from '@junheng/shared';
import {
  BASIC_COMPOSITE_CV_LIMIT,
  BASIC_INDICATOR_KEYS,
  BASIC_INDICATORS,
  computeWeightedStats,
  EXCLUSION_REASON_LABELS,
  MIN_UNITS_FOR_CV,
} from '@junheng/shared';
import { INDICATOR_FORMULAS, type IndicatorInputs } from './indicators.ts';
import { collectIndicatorPoints, computeReportedCv } from './quality.ts';
import { type StageUnitFilter, selectStageUnits } from './stage-parts.ts';

const BASIC_DEFINITIONS = new Map(BASIC_INDICATORS.map((definition) => [definition.key, definition]));

function findBasicDefinition(key: BasicIndicatorKey) {
  const definition = BASIC_DEFINITIONS.get(key);
  if (!definition) throw new Error(`No definition for basic indicator ${key}`);
  return definition;
}

/**
 * One 2012 value of a unit in the published unit (METHOD.md §3, BASIC_INDICATORS): X = per × numerator / students, with
 * per = 100 for computers (台/百生) and 1 for the rest, so 师生比 and the two other teacher indicators are ratios per
 * student (e.g. 0.054), not per 100. null when the unit has no students. The scale does not change a CV.
 */
export function computeBasicValue(unit: IndicatorInputs, key: BasicIndicatorKey): number | null {
  if (unit.students <= 0) return null;
  const { per } = findBasicDefinition(key);
  return (per * unit[INDICATOR_FORMULAS[key].field]) / unit.students;
}

/** The eight 基本均衡 values of a unit in the published units (computeBasicValue). */
export function computeBasicValues(unit: StageUnit): Record<BasicIndicatorKey, number | null> {
  return Object.fromEntries(BASIC_INDICATOR_KEYS.map((key) => [key, computeBasicValue(unit, key)])) as Record<
    BasicIndicatorKey,
    number | null
  >;
}

/**
 * Student-weighted mean, SD (in the published unit) and CV = S / X̄ of one 2012 indicator over one stage's units.
 * No CV over fewer than 2 units (cvNullReason `too_few_units`) or with a mean of 0 (`not_computable`).
 */
export function computeBasicIndicatorResult(units: readonly StageUnit[], key: BasicIndicatorKey): BasicIndicatorResult {
  const definition = findBasicDefinition(key);
  const stats = computeWeightedStats(collectIndicatorPoints(units, (unit) => computeBasicValue(unit, key)));
  const { cv, cvNullReason } = computeReportedCv(stats);
  return {
    key,
    zh: definition.zh,
    unitZh: definition.unitZh,
    unitEn: definition.unitEn,
    n: stats.n,
    mean: stats.mean,
    sd: stats.sd,
    cv,
    cvNullReason,
    min: stats.min,
    max: stats.max,
  };
}

/**
 * Why the 2012 申报表 leaves out a unit that the 2017 rules count (METHOD.md §3): every 小学教学点 whatever its size
 * (`basic_teaching_point`) and every 民办 school (`basic_private`), whatever the includePrivate option says.
 */
export function findBasicExclusionReason(unit: Pick<StageUnit, 'schoolType' | 'ownership'>): ExclusionReason | null {
  if (unit.schoolType === 'teaching_point') return 'basic_teaching_point';
  if (unit.ownership === 'private') return 'basic_private';
  return null;
}

/** A 2017 exclusion as the 2012 table states it: teaching points and private schools get the 2012 reason. */
function relabelForBasic(row: StageUnitExclusion): StageUnitExclusion {
  const reason: ExclusionReason =
    row.reason === 'teaching_point' ? 'basic_teaching_point' : row.reason === 'private' ? 'basic_private' : row.reason;
  return reason === row.reason ? row : { ...row, reason, reasonZh: EXCLUSION_REASON_LABELS[reason].zh };
}

/**
 * The rows of one stage's 2012 申报表 (METHOD.md §3): the 2017 stage units (each 一贯制 小学部 / 初中部 and each 完全中学
 * 初中部 its own row; special-education schools out) minus every teaching point and every private school, with the
 * exclusions of both kinds listed under the 2012 reasons. Sorted by school code.
 */
export function selectBasicUnits(
  stageUnits: StageUnitsResult,
  stage: Stage,
  filter: StageUnitFilter = {},
): { units: StageUnit[]; excluded: StageUnitExclusion[] } {
  const selected = selectStageUnits(stageUnits, stage, filter);
  const units: StageUnit[] = [];
  const excluded = selected.excluded.map(relabelForBasic);
  for (const unit of selected.units) {
    const reason = findBasicExclusionReason(unit);
    if (reason === null) {
      units.push(unit);
      continue;
    }
    excluded.push({
      code: unit.code,
      name: unit.name,
      townshipCode: unit.townshipCode,
      locale: unit.locale,
      groupName: unit.groupName,
      stage: unit.stage,
      reason,
      reasonZh: EXCLUSION_REASON_LABELS[reason].zh,
      students: unit.students,
    });
  }
  excluded.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { units, excluded };
}

function findCompositeNullReason(unitCount: number, indicators: readonly BasicIndicatorResult[]): CvNullReason | null {
  if (unitCount < MIN_UNITS_FOR_CV) return 'too_few_units';
  return indicators.some((i) => i.cv === null) ? 'not_computable' : null;
}

/**
 * The 基本均衡 (2012) report of one stage: the eight CVs and 综合差异系数 = their plain mean, which must be ≤ 0.65
 * (primary) / ≤ 0.55 (junior), compared at full precision. The rows are those of the 2012 申报表 (selectBasicUnits), not
 * the 2017 ones. The composite is null (and compositePasses null) when fewer than 2 rows are counted or any CV cannot
 * be computed; compositeNullReason says which.
 */
export function computeBasicReport(
  stageUnits: StageUnitsResult,
  stage: Stage,
  filter: StageUnitFilter = {},
): BasicReport {
  const { units, excluded } = selectBasicUnits(stageUnits, stage, filter);
  const indicators = BASIC_INDICATOR_KEYS.map((key) => computeBasicIndicatorResult(units, key));
  const compositeNullReason = findCompositeNullReason(units.length, indicators);
  const compositeCv =
    compositeNullReason === null ? indicators.reduce((sum, i) => sum + (i.cv ?? 0), 0) / indicators.length : null;
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
    compositeNullReason,
    schools: units.map((unit) => ({
      code: unit.code,
      name: unit.name,
      students: unit.students,
      values: computeBasicValues(unit),
    })),
  };
}
