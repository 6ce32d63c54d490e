import type { IndicatorKey, QualityIndicatorKey, ResourceUnit, Stage, StageUnit } from '@junheng/shared';
import { QUALITY_INDICATORS } from '@junheng/shared';

/** Fields of a stage unit that are the numerator of some indicator. */
export type UnitResourceField =
  | 'teachers'
  | 'higherDegreeTeachers'
  | 'backboneTeachers'
  | 'peArtTeachers'
  | 'seniorTitleTeachers'
  | 'teachingRoomArea'
  | 'sportsArea'
  | 'equipmentValue'
  | 'multimediaRooms'
  | 'computers'
  | 'books';

/** Indicator X = per × unit[field] / students: per = 100 for "每百名学生" indicators, 1 for "生均" ones. */
export interface IndicatorFormula {
  field: UnitResourceField;
  per: 1 | 100;
  resourceUnit: ResourceUnit;
}

export const INDICATOR_FORMULAS: Record<IndicatorKey, IndicatorFormula> = {
  higher_degree_teachers_per100: { field: 'higherDegreeTeachers', per: 100, resourceUnit: 'teachers' },
  backbone_teachers_per100: { field: 'backboneTeachers', per: 100, resourceUnit: 'teachers' },
  pe_art_teachers_per100: { field: 'peArtTeachers', per: 100, resourceUnit: 'teachers' },
  teaching_room_area_per_student: { field: 'teachingRoomArea', per: 1, resourceUnit: 'square_metres' },
  sports_area_per_student: { field: 'sportsArea', per: 1, resourceUnit: 'square_metres' },
  equipment_value_per_student: { field: 'equipmentValue', per: 1, resourceUnit: 'yuan' },
  multimedia_rooms_per100: { field: 'multimediaRooms', per: 100, resourceUnit: 'rooms' },
  computers_per100: { field: 'computers', per: 100, resourceUnit: 'computers' },
  books_per_student: { field: 'books', per: 1, resourceUnit: 'books' },
  teachers_per100: { field: 'teachers', per: 100, resourceUnit: 'teachers' },
  senior_title_teachers_per100: { field: 'seniorTitleTeachers', per: 100, resourceUnit: 'teachers' },
};

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
