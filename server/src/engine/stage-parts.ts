import type {
  Locale,
  SchoolRow,
  SchoolStatRow,
  SchoolType,
  Stage,
  StageTotals,
  StageUnit,
  StageUnitExclusion,
  StageUnitsResult,
} from '@junheng/shared';
import {
  EXCLUSION_REASON_LABELS,
  type ExclusionReason,
  localeOfUrbanRuralCode,
  STAGE_WEIGHTS,
  STAGES,
  TEACHING_POINT_MIN_STUDENTS,
} from '@junheng/shared';

export interface StageUnitOptions {
  /** Count private (民办) schools in the CVs. Default true (METHOD.md §2). */
  includePrivate?: boolean;
}

type AllStages = 'primary' | 'junior' | 'senior';
type StageShares = Record<AllStages, number>;
/** The students of each stage of a school-year: all that the asset split reads. */
type StageStudents = Pick<SchoolStatRow, 'studentsPrimary' | 'studentsJunior' | 'studentsSenior'>;

/**
 * Asset weights for a school: the type's STAGE_WEIGHTS when they cover every stage the school has students in,
 * otherwise the twelve-year weights 1 : 1.1 : 1.32 (whose ratios agree with the nine-year 1 : 1.1 and the complete
 * middle school 1 : 1.2), so a school reporting an unexpected stage still gets a consistent split.
 */
function findStageWeights(schoolType: SchoolType, stat: StageStudents): Partial<Record<AllStages, number>> {
  const present = stagesWithStudents(stat);
  if (schoolType === 'nine_year' || schoolType === 'complete_middle' || schoolType === 'twelve_year') {
    const weights: Partial<Record<AllStages, number>> = STAGE_WEIGHTS[schoolType];
    if (present.every((stage) => weights[stage] !== undefined)) return weights;
  }
  return STAGE_WEIGHTS.twelve_year;
}

export function studentsOf(stat: StageStudents, stage: AllStages): number {
  if (stage === 'primary') return stat.studentsPrimary;
  if (stage === 'junior') return stat.studentsJunior;
  return stat.studentsSenior;
}

function stagesWithStudents(stat: StageStudents): AllStages[] {
  return (['primary', 'junior', 'senior'] as const).filter((stage) => studentsOf(stat, stage) > 0);
}

/**
 * Share of a school's shared physical assets that belongs to each stage (METHOD.md §5): wₛ·Pₛ / Σ w·P, where P is the
 * stage's students and w its STAGE_WEIGHTS weight. A school with students in one stage only gets share 1 there.
 * All shares are 0 when the school has no students.
 *
 * ### Examples
 * nine_year, 166 primary, 210 junior → primary 166 / 397, junior 231 / 397.
 */
export function computeStageAssetShares(schoolType: SchoolType, stat: StageStudents): StageShares {
  const weights = findStageWeights(schoolType, stat);
  const primary = (weights.primary ?? 0) * stat.studentsPrimary;
  const junior = (weights.junior ?? 0) * stat.studentsJunior;
  const senior = (weights.senior ?? 0) * stat.studentsSenior;
  const total = primary + junior + senior;
  return total > 0
    ? { primary: primary / total, junior: junior / total, senior: senior / total }
    : { primary: 0, junior: 0, senior: 0 };
}

/** Why a stage part does not count in the CVs (METHOD.md §2), or null when it counts. */
export function findExclusionReason(
  school: Pick<SchoolRow, 'schoolType' | 'ownership'>,
  students: number,
  options: Required<StageUnitOptions>,
): ExclusionReason | null {
  if (school.schoolType === 'special') return 'special';
  if (school.schoolType === 'teaching_point' && students < TEACHING_POINT_MIN_STUDENTS) return 'teaching_point';
  if (school.ownership === 'private' && !options.includePrivate) return 'private';
  return null;
}

/**
 * One stage part of a school: its own students, classes and teachers (the stage's columns), and its weighted share of
 * the shared assets (the school total × the stage's asset share). One object literal, no spreads: this runs for every
 * school of every report.
 */
export function buildStageUnit(school: SchoolRow, stat: SchoolStatRow, stage: Stage, assetShare: number): StageUnit {
  const primary = stage === 'primary';
  return {
    code: school.schoolCode,
    name: school.schoolName,
    townshipCode: school.townshipCode,
    townshipName: school.townshipName,
    urbanRuralCode: school.urbanRuralCode,
    locale: localeOfUrbanRuralCode(school.urbanRuralCode),
    groupName: school.groupName,
    ownership: school.ownership,
    schoolType: school.schoolType,
    stage,
    students: primary ? stat.studentsPrimary : stat.studentsJunior,
    classes: primary ? stat.classesPrimary : stat.classesJunior,
    teachers: primary ? stat.teachersPrimary : stat.teachersJunior,
    higherDegreeTeachers: primary ? stat.higherDegreeTeachersPrimary : stat.higherDegreeTeachersJunior,
    backboneTeachers: primary ? stat.backboneTeachersPrimary : stat.backboneTeachersJunior,
    peArtTeachers: primary ? stat.peArtTeachersPrimary : stat.peArtTeachersJunior,
    seniorTitleTeachers: primary ? stat.seniorTitleTeachersPrimary : stat.seniorTitleTeachersJunior,
    assetShare,
    teachingRoomArea: stat.teachingRoomArea * assetShare,
    sportsArea: stat.sportsArea * assetShare,
    equipmentValue: stat.equipmentValue * assetShare,
    multimediaRooms: stat.multimediaRooms * assetShare,
    computers: stat.computers * assetShare,
    books: stat.books * assetShare,
  };
}

/** The stage has full-time teachers or classes of its own (its per-stage columns). */
function hasStageStaff(stat: SchoolStatRow, stage: Stage): boolean {
  return stage === 'primary'
    ? stat.teachersPrimary > 0 || stat.classesPrimary > 0
    : stat.teachersJunior > 0 || stat.classesJunior > 0;
}

function indexStatsBySchool(stats: readonly SchoolStatRow[]): Map<string, SchoolStatRow> {
  const byCode = new Map<string, SchoolStatRow>();
  for (const stat of stats) {
    // The data layer keeps (year, school) unique; two rows here means the caller mixed years.
    if (byCode.has(stat.schoolCode)) throw new Error(`Two statistics rows for school ${stat.schoolCode}`);
    byCode.set(stat.schoolCode, stat);
  }
  return byCode;
}

function summariseStage(stage: Stage, units: StageUnit[], excluded: StageUnitExclusion[]): StageTotals {
  const ofStage = <T extends { stage: Stage; students: number }>(rows: T[]) => rows.filter((r) => r.stage === stage);
  const sum = (rows: { students: number }[]) => rows.reduce((total, row) => total + row.students, 0);
  const counted = sum(ofStage(units));
  const left = sum(ofStage(excluded));
  return {
    students: counted + left,
    countedStudents: counted,
    excludedStudents: left,
    units: ofStage(units).length,
    excludedUnits: ofStage(excluded).length,
  };
}

function compareUnits(a: { stage: Stage; code: string }, b: { stage: Stage; code: string }): number {
  if (a.stage !== b.stage) return STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage);
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * Turns one year's schools and statistics into stage units: one per school per compulsory stage (primary, junior)
 * the school has students in (METHOD.md §2, §5). Teachers, students and classes come from the per-stage columns;
 * shared assets (room area ㎡, sports area ㎡, equipment 元, multimedia rooms, computers, books) are split by
 * weighted student share (computeStageAssetShares).
 *
 * Excluded, with a reason code and its Chinese text: special-education schools (`special`), teaching points with
 * fewer than 50 students of the stage (`teaching_point`), private schools when includePrivate = false (`private`),
 * statistics rows whose school is not in `schools` (`unknown_school`), and stages with teachers or classes but 0
 * students (`no_students`: no per-student value exists). Excluded units still count in `totals`.
 * Units and exclusions are sorted by stage, then school code.
 */
export function computeStageUnits(
  schools: readonly SchoolRow[],
  stats: readonly SchoolStatRow[],
  options: StageUnitOptions = {},
): StageUnitsResult {
  const settings = { includePrivate: options.includePrivate ?? true };
  const statsByCode = indexStatsBySchool(stats);
  const schoolCodes = new Set(schools.map((school) => school.schoolCode));
  const units: StageUnit[] = [];
  const excluded: StageUnitExclusion[] = [];

  for (const school of schools) {
    const stat = statsByCode.get(school.schoolCode);
    if (!stat) continue;
    const shares = computeStageAssetShares(school.schoolType, stat);
    for (const stage of STAGES) {
      const students = studentsOf(stat, stage);
      // A stage with teachers or classes but no students has no per-student value: listed, never silently dropped.
      const reason =
        students > 0
          ? findExclusionReason(school, students, settings)
          : hasStageStaff(stat, stage)
            ? 'no_students'
            : null;
      if (students <= 0 && reason === null) continue;
      if (reason) {
        excluded.push({
          code: school.schoolCode,
          name: school.schoolName,
          townshipCode: school.townshipCode,
          locale: localeOfUrbanRuralCode(school.urbanRuralCode),
          groupName: school.groupName,
          stage,
          reason,
          reasonZh: EXCLUSION_REASON_LABELS[reason].zh,
          students,
        });
      } else {
        units.push(buildStageUnit(school, stat, stage, shares[stage]));
      }
    }
  }

  for (const stat of statsByCode.values()) {
    if (schoolCodes.has(stat.schoolCode)) continue;
    for (const stage of STAGES) {
      const students = studentsOf(stat, stage);
      if (students <= 0) continue;
      excluded.push({
        code: stat.schoolCode,
        name: stat.schoolCode,
        townshipCode: null,
        locale: null,
        groupName: null,
        stage,
        reason: 'unknown_school',
        reasonZh: EXCLUSION_REASON_LABELS.unknown_school.zh,
        students,
      });
    }
  }

  units.sort(compareUnits);
  excluded.sort(compareUnits);
  return {
    units,
    excluded,
    totals: { primary: summariseStage('primary', units, excluded), junior: summariseStage('junior', units, excluded) },
    schoolsWithoutStats: schools.filter((s) => !statsByCode.has(s.schoolCode)).map((s) => s.schoolCode),
  };
}

/** Which units a report looks at (ARCHITECTURE.md, views and exports filters). An omitted or empty list means "all" (as the query strings give). */
export interface StageUnitFilter {
  townshipCodes?: readonly string[] | undefined;
  locales?: readonly Locale[] | undefined;
  schoolCodes?: readonly string[] | undefined;
  /** 学区/教育集团 names. */
  groupNames?: readonly string[] | undefined;
}

function allows<T>(list: readonly T[] | undefined, value: T | null): boolean {
  if (!list || list.length === 0) return true;
  return value !== null && list.includes(value);
}

function matchesFilter(
  row: { code: string; townshipCode: string | null; locale: Locale | null; groupName: string | null },
  filter: StageUnitFilter,
): boolean {
  return (
    allows(filter.townshipCodes, row.townshipCode) &&
    allows(filter.locales, row.locale) &&
    allows(filter.schoolCodes, row.code) &&
    allows(filter.groupNames, row.groupName)
  );
}

/** The units and exclusions of one stage that pass the filter. */
export function selectStageUnits(
  result: StageUnitsResult,
  stage: Stage,
  filter: StageUnitFilter = {},
): { units: StageUnit[]; excluded: StageUnitExclusion[] } {
  return {
    units: result.units.filter((unit) => unit.stage === stage && matchesFilter(unit, filter)),
    excluded: result.excluded.filter((row) => row.stage === stage && matchesFilter(row, filter)),
  };
}
