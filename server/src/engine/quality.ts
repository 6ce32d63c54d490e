import type {
  QualityIndicatorKey,
  QualityIndicatorResult,
  QualityReport,
  QualitySchoolResult,
  QualityVerdict,
  Stage,
  StageUnit,
  StageUnitsResult,
} from '@junheng/shared';
import {
  type CvNullReason,
  computeWeightedStats,
  MIN_UNITS_FOR_CV,
  QUALITY_CV_LIMIT,
  QUALITY_INDICATOR_KEYS,
  QUALITY_MIN_MET,
  QUALITY_NEAR_MISS_RATIO,
  type WeightedPoint,
  type WeightedStats,
} from '@junheng/shared';
import { computeIndicatorValue, findQualityDefinition, findQualityThreshold, meetsThreshold } from './indicators.ts';
import { type StageUnitFilter, selectStageUnits } from './stage-parts.ts';

type QualityRecord<T> = Record<QualityIndicatorKey, T>;

function mapQualityKeys<T>(build: (key: QualityIndicatorKey) => T): QualityRecord<T> {
  // A loop rather than Object.fromEntries: this runs for every school of every report.
  const record = {} as QualityRecord<T>;
  for (const key of QUALITY_INDICATOR_KEYS) record[key] = build(key);
  return record;
}

/**
 * The seven 资源配置 values of a stage unit (METHOD.md §2 table): teachers and multimedia rooms per 100 students,
 * ㎡ and 元 per student. Each is null when the unit has no students.
 */
export function computeQualityValues(unit: StageUnit): QualityRecord<number | null> {
  return mapQualityKeys((key) => computeIndicatorValue(unit, key));
}

/**
 * School compliance (METHOD.md §2): each value against the stage threshold (met = value ≥ threshold), metCount of 7,
 * and passes = metCount ≥ 6 and the one missed value ≥ 85% of its threshold.
 */
export function computeQualitySchoolResult(unit: StageUnit): QualitySchoolResult {
  const values = computeQualityValues(unit);
  const met = mapQualityKeys((key) => {
    const value = values[key];
    return value === null ? null : meetsThreshold(value, findQualityThreshold(key, unit.stage));
  });
  const missed = QUALITY_INDICATOR_KEYS.filter((key) => met[key] !== true);
  const metCount = QUALITY_INDICATOR_KEYS.length - missed.length;
  const missedRatio = computeMissedRatio(missed, values, unit.stage);
  const nearMissOk =
    missed.length === 0 || (missedRatio !== null && meetsThreshold(missedRatio, QUALITY_NEAR_MISS_RATIO));
  return {
    code: unit.code,
    name: unit.name,
    townshipCode: unit.townshipCode,
    townshipName: unit.townshipName,
    urbanRuralCode: unit.urbanRuralCode,
    locale: unit.locale,
    groupName: unit.groupName,
    ownership: unit.ownership,
    schoolType: unit.schoolType,
    stage: unit.stage,
    students: unit.students,
    values,
    met,
    metCount,
    missed,
    missedRatio,
    passes: metCount >= QUALITY_MIN_MET && nearMissOk,
  };
}

function computeMissedRatio(
  missed: QualityIndicatorKey[],
  values: QualityRecord<number | null>,
  stage: Stage,
): number | null {
  const [only] = missed;
  if (missed.length !== 1 || only === undefined) return null;
  const value = values[only];
  return value === null ? null : value / findQualityThreshold(only, stage);
}

/** The weighted points (P = students, X = value) of one indicator over the units that have a value. */
export function collectIndicatorPoints(
  units: readonly StageUnit[],
  readValue: (unit: StageUnit) => number | null,
): WeightedPoint[] {
  const points: WeightedPoint[] = [];
  for (const unit of units) {
    const value = readValue(unit);
    if (value !== null) points.push({ weight: unit.students, value });
  }
  return points;
}

/**
 * The CV a report shows, and why it is null: fewer than MIN_UNITS_FOR_CV (2) units give no CV (`too_few_units`: one
 * school's CV is always 0 and must not pass); a mean of 0 or no students give none either (`not_computable`).
 */
export function computeReportedCv(stats: Pick<WeightedStats, 'n' | 'cv'>): {
  cv: number | null;
  cvNullReason: CvNullReason | null;
} {
  if (stats.n < MIN_UNITS_FOR_CV) return { cv: null, cvNullReason: 'too_few_units' };
  if (stats.cv === null) return { cv: null, cvNullReason: 'not_computable' };
  return { cv: stats.cv, cvNullReason: null };
}

/**
 * Inter-school balance of one indicator over one stage's units (METHOD.md §2, §4): student-weighted mean, population
 * SD and CV = S / X̄; cvPasses = CV ≤ 0.50 (primary) / 0.45 (junior) at full precision, null when the CV cannot be
 * computed or fewer than 2 units are counted (computeReportedCv);
 * schoolsMeeting = units at or above the threshold.
 */
export function computeQualityIndicatorResult(
  units: readonly StageUnit[],
  key: QualityIndicatorKey,
  stage: Stage,
): QualityIndicatorResult {
  return summariseIndicatorPoints(
    collectIndicatorPoints(units, (unit) => computeIndicatorValue(unit, key)),
    units.length,
    key,
    stage,
  );
}

/** computeQualityIndicatorResult from the indicator's points (units with a value) and the number of units. */
function summariseIndicatorPoints(
  points: readonly WeightedPoint[],
  unitCount: number,
  key: QualityIndicatorKey,
  stage: Stage,
): QualityIndicatorResult {
  const definition = findQualityDefinition(key);
  const threshold = definition.threshold[stage];
  const cvLimit = QUALITY_CV_LIMIT[stage];
  const stats = computeWeightedStats(points);
  const { cv, cvNullReason } = computeReportedCv(stats);
  let schoolsMeeting = 0;
  for (const point of points) if (meetsThreshold(point.value, threshold)) schoolsMeeting += 1;
  return {
    key,
    zh: definition.zh,
    threshold,
    cvLimit,
    n: stats.n,
    mean: stats.mean,
    sd: stats.sd,
    cv,
    cvPasses: cv === null ? null : cv <= cvLimit,
    cvNullReason,
    schoolsMeeting,
    schoolsMissing: unitCount - schoolsMeeting,
    min: stats.min,
    max: stats.max,
  };
}

/** 综合 (informational only): the plain mean of the seven CVs; null when any CV cannot be computed. */
export function computeInformationalCompositeCv(indicators: readonly { cv: number | null }[]): number | null {
  if (indicators.length === 0 || indicators.some((i) => i.cv === null)) return null;
  return indicators.reduce((sum, i) => sum + (i.cv ?? 0), 0) / indicators.length;
}

/**
 * County verdict for 资源配置: cvPasses when every indicator's CV is within its limit (an indicator whose CV cannot be
 * computed blocks too), schoolsPass when every counted school passes; passes requires both, as the 2017 办法 does.
 * With fewer than 2 schools counted the CVs are not meaningful: cvPasses and passes are null (no verdict), and no
 * indicator is listed as blocking.
 */
export function computeQualityVerdict(
  indicators: readonly QualityIndicatorResult[],
  schools: readonly QualitySchoolResult[],
): QualityVerdict {
  const failing = schools.filter((s) => !s.passes);
  const schoolsPass = failing.length === 0;
  const meaningful = schools.length >= MIN_UNITS_FOR_CV;
  const blockingIndicators = meaningful ? indicators.filter((i) => i.cvPasses !== true).map((i) => i.key) : [];
  const cvPasses = meaningful ? indicators.length > 0 && blockingIndicators.length === 0 : null;
  return {
    passes: cvPasses === null ? null : cvPasses && schoolsPass,
    cvPasses,
    blockingIndicators,
    schoolsPass,
    schoolsPassing: schools.length - failing.length,
    failingSchools: failing.map((s) => ({ code: s.code, name: s.name, metCount: s.metCount })),
  };
}

/**
 * The 优质均衡 资源配置 report of one stage (METHOD.md §2, §5 balance): counted schools, exclusions with reasons, the
 * seven indicators (weighted mean, SD, CV against 0.50 / 0.45, schools meeting the threshold), per-school
 * compliance, the informational 综合 and the county verdict. `filter` restricts the report to townships, locales or
 * schools; the CVs are then those of the selection.
 */
export function computeQualityReport(
  stageUnits: StageUnitsResult,
  stage: Stage,
  filter: StageUnitFilter = {},
): QualityReport {
  const { units, excluded } = selectStageUnits(stageUnits, stage, filter);
  const schools = units.map(computeQualitySchoolResult);
  // The indicators' points are the schools' values (the same computeIndicatorValue), not computed a second time.
  const indicators = QUALITY_INDICATOR_KEYS.map((key) => {
    const points: WeightedPoint[] = [];
    for (const school of schools) {
      const value = school.values[key];
      if (value !== null) points.push({ weight: school.students, value });
    }
    return summariseIndicatorPoints(points, units.length, key, stage);
  });
  const studentsCounted = units.reduce((sum, unit) => sum + unit.students, 0);
  return {
    regime: 'quality_2017',
    stage,
    cvLimit: QUALITY_CV_LIMIT[stage],
    schoolsCounted: units.length,
    studentsCounted,
    studentsTotal: studentsCounted + excluded.reduce((sum, row) => sum + row.students, 0),
    excluded,
    indicators,
    schools,
    compositeCv: { value: computeInformationalCompositeCv(indicators), informational: true },
    verdict: computeQualityVerdict(indicators, schools),
  };
}
