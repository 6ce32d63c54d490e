import type {
  IndicatorFormula,
  IndicatorKey,
  QualityIndicatorKey,
  Stage,
  StageUnit,
  UnitResourceField,
} from '@junheng/shared';
import {
  INDICATOR_CATALOG,
  INDICATOR_KEYS,
  indicatorEntry,
  QUALITY_CV_LIMIT,
  QUALITY_INDICATORS,
} from '@junheng/shared';

export type { IndicatorFormula, UnitResourceField } from '@junheng/shared';

/** Indicator X = per × unit[field] / students, by key: the formulas of the method catalog (METHOD.md §2, §3). */
export const INDICATOR_FORMULAS: Readonly<Record<IndicatorKey, IndicatorFormula>> = Object.fromEntries(
  INDICATOR_KEYS.map((key) => [key, INDICATOR_CATALOG[key].formula]),
) as Record<IndicatorKey, IndicatorFormula>;

export type IndicatorInputs = Pick<StageUnit, 'students' | UnitResourceField>;

/**
 * Indicator value of one stage unit: X = per × numerator / students (per = 100 or 1, see INDICATOR_FORMULAS), in the
 * indicator's unit (teachers or rooms per 100 students, ㎡ / 元 / books per student). null when students = 0.
 * Multiplying before dividing keeps e.g. 100 × 21 / 500 exactly the double 4.2, so threshold checks are not fooled.
 */
export function computeIndicatorValue(unit: IndicatorInputs, key: IndicatorKey): number | null {
  if (unit.students <= 0) return null;
  const formula = INDICATOR_FORMULAS[key];
  return (formula.per * unit[formula.field]) / unit.students;
}

const QUALITY_DEFINITIONS = new Map(QUALITY_INDICATORS.map((definition) => [definition.key, definition]));

/** The official definition (name, unit, thresholds) of a 2017 indicator. */
export function findQualityDefinition(key: QualityIndicatorKey) {
  const definition = QUALITY_DEFINITIONS.get(key);
  if (!definition) throw new Error(`No definition for quality indicator ${key}`);
  return definition;
}

/** The 2017 threshold of an indicator for a stage, in the indicator's unit. */
export function findQualityThreshold(key: QualityIndicatorKey, stage: Stage): number {
  return findQualityDefinition(key).threshold[stage];
}

/** Relative slack for comparisons against a threshold: only absorbs floating-point noise from asset splitting. */
const THRESHOLD_TOLERANCE = 1e-9;

/** The smallest value that meets a threshold: the threshold less floating-point noise of 1e-9 × threshold. */
export function findLowestMeetingValue(threshold: number): number {
  return threshold - THRESHOLD_TOLERANCE * Math.abs(threshold);
}

/** value ≥ threshold, forgiving floating-point noise of the order of 1e-9 × threshold. */
export function meetsThreshold(value: number, threshold: number): boolean {
  return value >= findLowestMeetingValue(threshold);
}

/**
 * Smallest whole number ≥ x, ignoring floating-point noise: 21.000000000000004 (= 4.2 × 500 / 100) gives 21, not 22.
 * Negative or zero x gives 0.
 */
export function ceilWholeUnits(x: number): number {
  if (!(x > 0)) return 0;
  return Math.ceil(x - THRESHOLD_TOLERANCE * Math.max(1, x));
}

/** The 2017 threshold and CV limit of an indicator for a stage; null for the 2012-only indicators. */
export function findStandard(key: IndicatorKey, stage: Stage): { threshold: number | null; cvLimit: number | null } {
  const threshold = indicatorEntry(key).threshold;
  return threshold
    ? { threshold: threshold[stage], cvLimit: QUALITY_CV_LIMIT[stage] }
    : { threshold: null, cvLimit: null };
}
