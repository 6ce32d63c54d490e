import type { GuaranteeReport, SchoolRow, SchoolStatRow } from '@junheng/shared';
import { CLASSES_PER_MUSIC_ART_ROOM, SCHOOL_SIZE_LIMIT } from '@junheng/shared';
import { judgeSchoolClassSize } from './class-size.ts';
import type { StageUnitOptions } from './stage-parts.ts';

interface CheckedSchool {
  school: SchoolRow;
  stat: SchoolStatRow;
}

function describeSchool(school: SchoolRow) {
  return { code: school.schoolCode, name: school.schoolName, schoolType: school.schoolType };
}

function allPass(rows: readonly { passes: boolean | null }[]): boolean | null {
  if (rows.length === 0) return null;
  if (rows.some((row) => row.passes === false)) return false;
  return rows.every((row) => row.passes === true) ? true : null;
}

function shareOrNull(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * School size rule (METHOD.md §2), in students: primary schools and teaching points count their primary students,
 * junior schools and complete middle schools (完全中学) their junior students, each ≤ 2000; nine- and twelve-year
 * schools count the compulsory part (primary + junior) ≤ 2500.
 */
export function computeSchoolSizeCheck(school: SchoolRow, stat: SchoolStatRow) {
  const multiStage = school.schoolType === 'nine_year' || school.schoolType === 'twelve_year';
  const students = multiStage
    ? stat.studentsPrimary + stat.studentsJunior
    : school.schoolType === 'junior' || school.schoolType === 'complete_middle'
      ? stat.studentsJunior
      : stat.studentsPrimary;
  const limit = multiStage ? SCHOOL_SIZE_LIMIT.multi_stage : SCHOOL_SIZE_LIMIT.single_stage;
  return { ...describeSchool(school), students, limit, passes: students <= limit };
}

/**
 * Class size rule (METHOD.md §2, issue #9): every class ≤ 45 (primary) / ≤ 50 (junior), judged per stage. Per-stage
 * maxima are used when given; with only the school-wide maximum M, a single-stage school's stage has M, and a
 * multi-stage school passes when M ≤ 45, fails when M > 50 (or any class has 56+), and is unknown (null) in
 * between, since M cannot be attributed to a stage. See readStageClassSize.
 */
export function computeClassSizeCheck(school: SchoolRow, stat: SchoolStatRow) {
  const { passes, stages } = judgeSchoolClassSize(school, stat);
  const perStageMax = stages.map((s) => (s.basis === 'stage' ? s.maxClassSize : null));
  const known = perStageMax.every((v) => v !== null) ? Math.max(...(perStageMax as number[])) : null;
  const stageSum = (field: 'largeClasses' | 'hugeClasses') =>
    stages.every((s) => s[field] !== null) ? stages.reduce((sum, s) => sum + (s[field] ?? 0), 0) : null;
  return {
    ...describeSchool(school),
    maxClassSize: stat.maxClassSize ?? known,
    limit: Math.min(...stages.map((s) => s.limit)),
    passes,
    classes56To65: stat.classes56To65 ?? stageSum('largeClasses'),
    classes66Plus: stat.classes66Plus ?? stageSum('hugeClasses'),
    stages: stages.map(({ stage, maxClassSize, maxBound, limit, passes: stagePasses, basis }) => ({
      stage,
      maxClassSize,
      maxBound,
      limit,
      passes: stagePasses,
      basis,
    })),
  };
}

/**
 * Music and art rooms (METHOD.md §2): at least ceil(classes / 12) of each, classes = primary + junior classes.
 * The room-area rule (music ≥ 96 ㎡, art ≥ 90 ㎡) is not in the statistics; it is a county-year input.
 */
export function computeMusicArtRoomCheck(school: SchoolRow, stat: SchoolStatRow) {
  const classes = stat.classesPrimary + stat.classesJunior;
  const required = Math.ceil(classes / CLASSES_PER_MUSIC_ART_ROOM);
  return {
    ...describeSchool(school),
    classes,
    required,
    musicRooms: stat.musicRooms,
    artRooms: stat.artRooms,
    passes: stat.musicRooms >= required && stat.artRooms >= required,
  };
}

function selectCheckedSchools(
  schools: readonly SchoolRow[],
  stats: readonly SchoolStatRow[],
  includePrivate: boolean,
): { checked: CheckedSchool[]; excluded: GuaranteeReport['excluded'] } {
  const statsByCode = new Map(stats.map((stat) => [stat.schoolCode, stat]));
  const checked: CheckedSchool[] = [];
  const excluded: GuaranteeReport['excluded'] = [];
  for (const school of schools) {
    const stat = statsByCode.get(school.schoolCode);
    if (!stat) continue;
    // Special-education schools have their own standards; the 2017 items are about ordinary compulsory schools.
    if (school.schoolType === 'special')
      excluded.push({ code: school.schoolCode, name: school.schoolName, reason: 'special' });
    else if (school.ownership === 'private' && !includePrivate) {
      excluded.push({ code: school.schoolCode, name: school.schoolName, reason: 'private' });
    } else checked.push({ school, stat });
  }
  return { checked, excluded };
}

/**
 * 政府保障程度 items computable from one year's school data (METHOD.md §2): school size, class size (with county
 * totals of 大班额 56–65 and 超大班额 ≥ 66 classes and their shares of all primary + junior classes), music and art
 * rooms per 12 classes (over schools only: teaching points are listed apart, under `teachingPoints`), and the teaching-certificate rate = Σ certified / Σ (primary + junior teachers), which must
 * be 100%. Each item `passes` when every checked school passes (null when no school is checked).
 */
export function computeGuaranteeReport(
  schools: readonly SchoolRow[],
  stats: readonly SchoolStatRow[],
  options: StageUnitOptions = {},
): GuaranteeReport {
  const { checked, excluded } = selectCheckedSchools(schools, stats, options.includePrivate ?? true);
  const sizeRows = checked.map(({ school, stat }) => computeSchoolSizeCheck(school, stat));
  const classRows = checked.map(({ school, stat }) => computeClassSizeCheck(school, stat));
  // Teaching points are not schools in the statistics (教学点 are reported under their school): their rooms are listed
  // apart and never counted among the schools short of rooms.
  const roomChecks = checked.map(({ school, stat }) => computeMusicArtRoomCheck(school, stat));
  const roomRows = roomChecks.filter((row) => row.schoolType !== 'teaching_point');
  const teachingPointRooms = roomChecks.filter((row) => row.schoolType === 'teaching_point');
  const certificateRows = checked.map(({ school, stat }) => {
    const teachers = stat.teachersPrimary + stat.teachersJunior;
    return {
      ...describeSchool(school),
      teachers,
      certified: stat.certifiedTeachers,
      rate: shareOrNull(stat.certifiedTeachers, teachers),
    };
  });

  const totalClasses = checked.reduce((sum, { stat }) => sum + stat.classesPrimary + stat.classesJunior, 0);
  // Schools whose band counts are unknown add nothing here; the class-size report lists them (classesWithoutData).
  const largeClasses = classRows.reduce((sum, row) => sum + (row.classes56To65 ?? 0), 0);
  const hugeClasses = classRows.reduce((sum, row) => sum + (row.classes66Plus ?? 0), 0);
  const teachers = certificateRows.reduce((sum, row) => sum + row.teachers, 0);
  const certified = certificateRows.reduce((sum, row) => sum + row.certified, 0);
  const rate = shareOrNull(certified, teachers);

  return {
    schoolsChecked: checked.length,
    excluded,
    schoolSize: { schools: sizeRows, oversize: sizeRows.filter((r) => !r.passes).length, passes: allPass(sizeRows) },
    classSize: {
      schools: classRows,
      overLimit: classRows.filter((r) => r.passes === false).length,
      unknown: classRows.filter((r) => r.passes === null).length,
      passes: allPass(classRows),
      totalClasses,
      largeClasses,
      hugeClasses,
      largeClassShare: shareOrNull(largeClasses, totalClasses),
      hugeClassShare: shareOrNull(hugeClasses, totalClasses),
    },
    musicArtRooms: {
      schools: roomRows,
      short: roomRows.filter((r) => !r.passes).length,
      passes: allPass(roomRows),
      teachingPoints: teachingPointRooms,
      teachingPointsShort: teachingPointRooms.filter((r) => !r.passes).length,
    },
    teacherCertificate: {
      schools: certificateRows,
      teachers,
      certified,
      rate,
      passes: rate === null ? null : certified >= teachers,
    },
  };
}
