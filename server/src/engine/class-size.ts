import {
  CLASS_SIZE_LIMIT,
  type ClassSizeReport,
  type ClassSizeSchoolRow,
  type ClassSizeTrendRow,
  HUGE_CLASS_MAX_SHARE,
  LARGE_CLASS_MAX_SHARE,
  type OptionalSchoolStatField,
  SCHOOL_TYPE_STAGES,
  type SchoolRow,
  type SchoolStatField,
  type SchoolStatRow,
  STAGES,
  type Stage,
} from '@junheng/shared';
import { computeSchoolSizeCheck } from './guarantee.ts';

interface StageFields {
  max: OptionalSchoolStatField;
  large: OptionalSchoolStatField;
  huge: OptionalSchoolStatField;
  classes: SchoolStatField;
  students: SchoolStatField;
}

const STAGE_FIELDS: Record<Stage, StageFields> = {
  primary: {
    max: 'maxClassSizePrimary',
    large: 'classes56To65Primary',
    huge: 'classes66PlusPrimary',
    classes: 'classesPrimary',
    students: 'studentsPrimary',
  },
  junior: {
    max: 'maxClassSizeJunior',
    large: 'classes56To65Junior',
    huge: 'classes66PlusJunior',
    classes: 'classesJunior',
    students: 'studentsJunior',
  },
};

/** The compulsory stages a school-year has: those with classes or students; when neither, its type's stages. */
export function listClassStages(school: SchoolRow, stat: SchoolStatRow): Stage[] {
  const present = STAGES.filter(
    (stage) => stat[STAGE_FIELDS[stage].classes] > 0 || stat[STAGE_FIELDS[stage].students] > 0,
  );
  return present.length > 0 ? present : [...SCHOOL_TYPE_STAGES[school.schoolType]];
}

/** Where a stage's class-size figures come from: its own columns, or the school-wide ones. */
export type ClassSizeBasis = 'stage' | 'school';

export interface StageClassSize {
  stage: Stage;
  /** Largest class of the stage; null when unknown. */
  maxClassSize: number | null;
  /**
   * Only the school-wide maximum of a multi-stage school is known: the stage's largest class is at most this.
   * Null when maxClassSize is known or nothing is.
   */
  maxBound: number | null;
  /** Classes of 56–65 and of 66 or more students; null when unknown. */
  largeClasses: number | null;
  hugeClasses: number | null;
  basis: ClassSizeBasis | null;
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/**
 * A band count of one stage: the stage's own column; else the school-wide count when the other stages' counts are
 * known (school-wide − others; for a single-stage school, the school-wide count itself); a school-wide 0 is 0 for
 * every stage. Anything else cannot be attributed to a stage and is unknown.
 */
function readStageCount(
  stat: SchoolStatRow,
  stage: Stage,
  others: readonly Stage[],
  band: 'large' | 'huge',
): { value: number | null; basis: ClassSizeBasis | null } {
  const own = stat[STAGE_FIELDS[stage][band]];
  if (own !== null) return { value: own, basis: 'stage' };
  const wide = band === 'large' ? stat.classes56To65 : stat.classes66Plus;
  if (wide === null) return { value: null, basis: null };
  if (wide === 0) return { value: 0, basis: 'school' };
  const rest = sumOrNull(others.map((other) => stat[STAGE_FIELDS[other][band]]));
  if (rest === null || wide - rest < 0) return { value: null, basis: 'school' };
  return { value: wide - rest, basis: 'school' };
}

/**
 * Class size of one stage of a school-year (issue #9 point 6). Per-stage columns win. With only the school-wide
 * maximum M: a single-stage school's stage has M; in a multi-stage school M is the stage's maximum when every other
 * stage's own maximum is known and smaller, otherwise only an upper bound (maxBound).
 */
export function readStageClassSize(school: SchoolRow, stat: SchoolStatRow, stage: Stage): StageClassSize {
  const others = listClassStages(school, stat).filter((s) => s !== stage);
  const own = stat[STAGE_FIELDS[stage].max];
  let maxClassSize: number | null = own;
  let maxBound: number | null = null;
  let basis: ClassSizeBasis | null = own === null ? null : 'stage';
  if (own === null && stat.maxClassSize !== null) {
    const wide = stat.maxClassSize;
    basis = 'school';
    const othersSmaller = others.every((other) => {
      const v = stat[STAGE_FIELDS[other].max];
      return v !== null && v < wide;
    });
    if (othersSmaller) maxClassSize = wide;
    else maxBound = wide;
  }
  const large = readStageCount(stat, stage, others, 'large');
  const huge = readStageCount(stat, stage, others, 'huge');
  return {
    stage,
    maxClassSize,
    maxBound,
    largeClasses: large.value,
    hugeClasses: huge.value,
    basis: basis ?? large.basis ?? huge.basis,
  };
}

/**
 * Whether a stage's classes all keep the limit (45 primary, 50 junior): false when its largest class is over it or it
 * has any class of 56 or more; true when its largest class (or the school-wide bound) is within it; otherwise null
 * (unknown never passes).
 */
export function judgeStageClassSize(size: StageClassSize): boolean | null {
  const limit = CLASS_SIZE_LIMIT[size.stage];
  if (size.maxClassSize !== null) return size.maxClassSize <= limit;
  if ((size.largeClasses ?? 0) > 0 || (size.hugeClasses ?? 0) > 0) return false;
  if (size.maxBound !== null && size.maxBound <= limit) return true;
  return null;
}

/**
 * The school's class-size verdict over its stages: false when a stage fails, or when the school-wide maximum (or a
 * school-wide count of 56+ classes) exceeds the laxest limit of its stages (some class is then over its limit,
 * whichever stage it belongs to); true when every stage passes; null otherwise.
 */
export function judgeSchoolClassSize(
  school: SchoolRow,
  stat: SchoolStatRow,
): {
  passes: boolean | null;
  stages: (StageClassSize & { limit: number; passes: boolean | null })[];
} {
  const stages = listClassStages(school, stat).map((stage) => {
    const size = readStageClassSize(school, stat, stage);
    return { ...size, limit: CLASS_SIZE_LIMIT[stage], passes: judgeStageClassSize(size) };
  });
  const laxest = Math.max(...stages.map((s) => s.limit));
  const wideFails =
    (stat.maxClassSize !== null && stat.maxClassSize > laxest) ||
    (stat.classes56To65 ?? 0) > 0 ||
    (stat.classes66Plus ?? 0) > 0;
  let passes: boolean | null = true;
  if (wideFails || stages.some((s) => s.passes === false)) passes = false;
  else if (stages.some((s) => s.passes === null)) passes = null;
  return { passes, stages };
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Target verdict on a share that may miss schools: over the target already fails; otherwise unknown data is null. */
function judgeShare(value: number | null, target: number, complete: boolean): boolean | null {
  if (value === null) return null;
  if (value > target) return false;
  return complete ? true : null;
}

/** Which schools a class-size report counts: not special-education schools, and private ones only when asked. */
export function selectClassSizeSchools(
  schools: readonly SchoolRow[],
  includePrivate: boolean,
): { counted: SchoolRow[]; excluded: ClassSizeReport['excluded'] } {
  const counted: SchoolRow[] = [];
  const excluded: ClassSizeReport['excluded'] = [];
  for (const school of schools) {
    if (school.schoolType === 'special') {
      excluded.push({ code: school.schoolCode, name: school.schoolName, reason: 'special' });
    } else if (school.ownership === 'private' && !includePrivate) {
      excluded.push({ code: school.schoolCode, name: school.schoolName, reason: 'private' });
    } else counted.push(school);
  }
  return { counted, excluded };
}

/** One school's row of the class-size table for a stage (its stage part; size rule over the whole school). */
export function computeClassSizeSchoolRow(school: SchoolRow, stat: SchoolStatRow, stage: Stage): ClassSizeSchoolRow {
  const size = readStageClassSize(school, stat, stage);
  const schoolSize = computeSchoolSizeCheck(school, stat);
  return {
    code: school.schoolCode,
    name: school.schoolName,
    schoolType: school.schoolType,
    townshipName: school.townshipName,
    classes: stat[STAGE_FIELDS[stage].classes],
    largeClasses: size.largeClasses,
    hugeClasses: size.hugeClasses,
    maxClassSize: size.maxClassSize,
    maxBound: size.maxBound,
    basis: size.basis,
    limit: CLASS_SIZE_LIMIT[stage],
    passes: judgeStageClassSize(size),
    stageStudents: stat[STAGE_FIELDS[stage].students],
    students: schoolSize.students,
    sizeLimit: schoolSize.limit,
    oversize: !schoolSize.passes,
  };
}

/**
 * 大班额 / 超大班额 and 大校额 of one stage and year (METHOD.md §2, issue #9 point 5): classes = Σ classes of the stage;
 * largeClasses = Σ 56–65, hugeClasses = Σ 66+ over schools whose counts are known; largeShare = (56–65 + 66+) ÷
 * classes (target ≤ 5%), hugeShare = 66+ ÷ classes (target 0). classesWithoutData are the classes of schools whose
 * band counts are unknown: the shares are then lower bounds and pass only if already over target (else null).
 */
export function computeClassSizeYear(
  year: number,
  schools: readonly SchoolRow[],
  stats: readonly SchoolStatRow[],
  stage: Stage,
): ClassSizeTrendRow & { schools: ClassSizeSchoolRow[] } {
  const statByCode = new Map(stats.filter((stat) => stat.year === year).map((stat) => [stat.schoolCode, stat]));
  const rows: ClassSizeSchoolRow[] = [];
  for (const school of schools) {
    const stat = statByCode.get(school.schoolCode);
    if (!stat || !listClassStages(school, stat).includes(stage)) continue;
    rows.push(computeClassSizeSchoolRow(school, stat, stage));
  }
  let classes = 0;
  let largeClasses = 0;
  let hugeClasses = 0;
  let classesWithoutData = 0;
  for (const row of rows) {
    classes += row.classes;
    if (row.largeClasses === null || row.hugeClasses === null) classesWithoutData += row.classes;
    largeClasses += row.largeClasses ?? 0;
    hugeClasses += row.hugeClasses ?? 0;
  }
  const complete = classesWithoutData === 0;
  const largeShare = share(largeClasses + hugeClasses, classes);
  const hugeShare = share(hugeClasses, classes);
  rows.sort(
    (a, b) =>
      (b.hugeClasses ?? 0) - (a.hugeClasses ?? 0) ||
      (b.largeClasses ?? 0) - (a.largeClasses ?? 0) ||
      (b.maxClassSize ?? b.maxBound ?? 0) - (a.maxClassSize ?? a.maxBound ?? 0) ||
      a.code.localeCompare(b.code),
  );
  return {
    year,
    schoolsCounted: rows.length,
    classes,
    largeClasses,
    hugeClasses,
    classesWithoutData,
    largeShare,
    hugeShare,
    largeSharePasses: judgeShare(largeShare, LARGE_CLASS_MAX_SHARE, complete),
    hugeSharePasses: judgeShare(hugeShare, HUGE_CLASS_MAX_SHARE, complete),
    schoolsWithLargeClasses: rows.filter((r) => (r.largeClasses ?? 0) + (r.hugeClasses ?? 0) > 0).length,
    schoolsOverLimit: rows.filter((r) => r.passes === false).length,
    schoolsUnknown: rows.filter((r) => r.passes === null).length,
    oversizeSchools: rows.filter((r) => r.oversize).length,
    schools: rows,
  };
}
