import type { Ownership, QualityIndicatorKey, SchoolRow, SchoolStatRow, SchoolType, Stage } from '@junheng/shared';
import {
  computeWeightedCvOfColumns,
  MIN_UNITS_FOR_CV,
  QUALITY_CV_LIMIT,
  QUALITY_INDICATOR_KEYS,
  QUALITY_MIN_MET,
  QUALITY_NEAR_MISS_RATIO,
} from '@junheng/shared';
import { computeIndicatorValue, findQualityThreshold, type IndicatorInputs, meetsThreshold } from './indicators.ts';
import { computeStageAssetShares, findExclusionReason, type StageUnitOptions, studentsOf } from './stage-parts.ts';

/**
 * One school-year as the 资源配置 summary reads it: the school's type and ownership (which parts count), its students
 * of every stage (the asset split), the summarised stage's teachers and the whole school's shared assets.
 */
export interface QualitySummaryRow {
  schoolCode: string;
  schoolType: SchoolType;
  ownership: Ownership;
  studentsPrimary: number;
  studentsJunior: number;
  studentsSenior: number;
  /** Teachers of the summarised stage. */
  higherDegreeTeachers: number;
  backboneTeachers: number;
  peArtTeachers: number;
  /** Whole-school totals, split between stages by computeStageAssetShares. */
  teachingRoomArea: number;
  sportsArea: number;
  equipmentValue: number;
  multimediaRooms: number;
}

/** The parts of a county-year's 资源配置 report that a province-wide summary shows (see computeQualityReport). */
export interface QualitySummary {
  schoolsCounted: number;
  studentsCounted: number;
  cvs: Record<QualityIndicatorKey, number | null>;
  /** null when fewer than 2 schools are counted (the CVs are not meaningful), as in computeQualityVerdict. */
  cvPasses: boolean | null;
  blockingIndicators: QualityIndicatorKey[];
  schoolsPassing: number;
  passes: boolean | null;
}

/** The summary row of a school and its statistics for one stage. */
export function toQualitySummaryRow(school: SchoolRow, stat: SchoolStatRow, stage: Stage): QualitySummaryRow {
  const primary = stage === 'primary';
  return {
    schoolCode: school.schoolCode,
    schoolType: school.schoolType,
    ownership: school.ownership,
    studentsPrimary: stat.studentsPrimary,
    studentsJunior: stat.studentsJunior,
    studentsSenior: stat.studentsSenior,
    higherDegreeTeachers: primary ? stat.higherDegreeTeachersPrimary : stat.higherDegreeTeachersJunior,
    backboneTeachers: primary ? stat.backboneTeachersPrimary : stat.backboneTeachersJunior,
    peArtTeachers: primary ? stat.peArtTeachersPrimary : stat.peArtTeachersJunior,
    teachingRoomArea: stat.teachingRoomArea,
    sportsArea: stat.sportsArea,
    equipmentValue: stat.equipmentValue,
    multimediaRooms: stat.multimediaRooms,
  };
}

/**
 * The 资源配置 verdict of one stage of one county-year without building the full report: the same counted schools,
 * CVs, school compliance and verdict as computeQualityReport(computeStageUnits(...), stage) (the values are computed
 * with the same formulas and summed in the same order, so every number is the same double), but no stage units,
 * per-school results or point objects: a province of a thousand county-years is summarised in a fraction of the time.
 * Each row is one school's statistics of the county-year; a school appearing twice is an error, as there.
 */
export function computeQualitySummary(
  rows: readonly QualitySummaryRow[],
  stage: Stage,
  options: StageUnitOptions = {},
): QualitySummary {
  const settings = { includePrivate: options.includePrivate ?? true };
  // The report's units are in school-code order; the sums below must run in that order to give the same doubles.
  const sorted = [...rows].sort((a, b) => (a.schoolCode < b.schoolCode ? -1 : a.schoolCode > b.schoolCode ? 1 : 0));
  const counted = sorted.filter((row, i) => {
    if (i > 0 && sorted[i - 1]?.schoolCode === row.schoolCode) {
      throw new Error(`Two statistics rows for school ${row.schoolCode}`);
    }
    const students = studentsOf(row, stage);
    return students > 0 && findExclusionReason(row, students, settings) === null;
  });

  const keys = QUALITY_INDICATOR_KEYS;
  const thresholds = keys.map((key) => findQualityThreshold(key, stage));
  const n = counted.length;
  const weights = new Float64Array(n);
  const values = keys.map(() => new Float64Array(n));
  const unit: IndicatorInputs = {
    students: 0,
    teachers: 0,
    higherDegreeTeachers: 0,
    backboneTeachers: 0,
    peArtTeachers: 0,
    seniorTitleTeachers: 0,
    teachingRoomArea: 0,
    sportsArea: 0,
    equipmentValue: 0,
    multimediaRooms: 0,
    computers: 0,
    books: 0,
  };
  let studentsCounted = 0;
  let schoolsPassing = 0;
  for (let i = 0; i < n; i += 1) {
    const row = counted[i] as QualitySummaryRow;
    // The stage unit of buildStageUnit: the stage's students and teachers, the stage's share of the assets.
    const share = computeStageAssetShares(row.schoolType, row)[stage];
    unit.students = studentsOf(row, stage);
    unit.higherDegreeTeachers = row.higherDegreeTeachers;
    unit.backboneTeachers = row.backboneTeachers;
    unit.peArtTeachers = row.peArtTeachers;
    unit.teachingRoomArea = row.teachingRoomArea * share;
    unit.sportsArea = row.sportsArea * share;
    unit.equipmentValue = row.equipmentValue * share;
    unit.multimediaRooms = row.multimediaRooms * share;
    weights[i] = unit.students;
    studentsCounted += unit.students;

    // School compliance as computeQualitySchoolResult: at least 6 of 7 met, the one missed at ≥ 85% of its threshold.
    let missed = 0;
    let missedRatio: number | null = null;
    for (let k = 0; k < keys.length; k += 1) {
      const value = computeIndicatorValue(unit, keys[k] as QualityIndicatorKey);
      const threshold = thresholds[k] as number;
      (values[k] as Float64Array)[i] = value ?? Number.NaN;
      if (value !== null && meetsThreshold(value, threshold)) continue;
      missed += 1;
      missedRatio = value === null ? null : value / threshold;
    }
    const nearMissOk =
      missed === 0 || (missed === 1 && missedRatio !== null && meetsThreshold(missedRatio, QUALITY_NEAR_MISS_RATIO));
    if (keys.length - missed >= QUALITY_MIN_MET && nearMissOk) schoolsPassing += 1;
  }

  const cvLimit = QUALITY_CV_LIMIT[stage];
  const cvs = {} as Record<QualityIndicatorKey, number | null>;
  const blockingIndicators: QualityIndicatorKey[] = [];
  const meaningful = n >= MIN_UNITS_FOR_CV;
  keys.forEach((key, k) => {
    const cv = meaningful ? computeWeightedCvOfColumns(weights, values[k] as Float64Array) : null;
    cvs[key] = cv;
    if (meaningful && (cv === null || !(cv <= cvLimit))) blockingIndicators.push(key);
  });
  const cvPasses = meaningful ? keys.length > 0 && blockingIndicators.length === 0 : null;
  return {
    schoolsCounted: n,
    studentsCounted,
    cvs,
    cvPasses,
    blockingIndicators,
    schoolsPassing,
    passes: cvPasses === null ? null : cvPasses && schoolsPassing === n,
  };
}

/**
 * What the database sums for one stage of one county-year (findQualitySummarySums): the counted schools and their
 * students, the schools that pass 资源配置 compliance, and per indicator (QUALITY_INDICATOR_KEYS order) the
 * student-weighted mean X̄ = Σ P·X / Σ P and the population variance Σ (P / Σ P)·(X − X̄)² (METHOD.md §4), in two passes
 * as computeWeightedCvOfColumns takes them. A mean or variance is null when no school is counted.
 */
export interface QualitySummarySums {
  schoolsCounted: number;
  studentsCounted: number;
  schoolsPassing: number;
  means: readonly (number | null)[];
  variances: readonly (number | null)[];
}

/**
 * The 资源配置 summary of one stage of one county-year from its sums: CV = sqrt(variance) / X̄ (null when X̄ ≤ 0 or
 * nothing is counted, and for fewer than MIN_UNITS_FOR_CV schools), checked against the stage's limit; the verdict
 * as computeQualitySummary gives it. Summed in school-code order, every CV is the same double as the county-year
 * report's; in another order it may differ in the last bits.
 *
 * ### Examples
 * 5 schools, means [6.334437…], variances [10.652790…] → cv 0.515257… (the METHOD.md §4 golden example)
 */
export function computeQualitySummaryFromSums(sums: QualitySummarySums, stage: Stage): QualitySummary {
  const keys = QUALITY_INDICATOR_KEYS;
  const cvLimit = QUALITY_CV_LIMIT[stage];
  const meaningful = sums.schoolsCounted >= MIN_UNITS_FOR_CV;
  const cvs = {} as Record<QualityIndicatorKey, number | null>;
  const blockingIndicators: QualityIndicatorKey[] = [];
  keys.forEach((key, k) => {
    const mean = sums.means[k] ?? null;
    const variance = sums.variances[k] ?? null;
    const cv = meaningful && mean !== null && variance !== null && mean > 0 ? Math.sqrt(variance) / mean : null;
    cvs[key] = cv;
    if (meaningful && (cv === null || !(cv <= cvLimit))) blockingIndicators.push(key);
  });
  const cvPasses = meaningful ? keys.length > 0 && blockingIndicators.length === 0 : null;
  return {
    schoolsCounted: sums.schoolsCounted,
    studentsCounted: sums.studentsCounted,
    cvs,
    cvPasses,
    blockingIndicators,
    schoolsPassing: sums.schoolsPassing,
    passes: cvPasses === null ? null : cvPasses && sums.schoolsPassing === sums.schoolsCounted,
  };
}
