import {
  BASIC_INDICATOR_KEYS,
  BasicReportSchema,
  type SchoolRow,
  type SchoolStatRow,
  type StageUnit,
  type StageUnitsResult,
} from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { computeBasicIndicatorResult, computeBasicReport, computeBasicValues } from './basic.ts';
import { computeStageUnits } from './stage-parts.ts';
import { makeSchool, makeStat, makeUnit } from './test-fixtures.ts';

function asStageUnits(units: StageUnit[]): StageUnitsResult {
  const empty = { students: 0, countedStudents: 0, excludedStudents: 0, units: 0, excludedUnits: 0 };
  return { units, excluded: [], totals: { primary: empty, junior: empty }, schoolsWithoutStats: [] };
}

/** Two schools of 100 students; school B has `ratio` times school A's resources on every indicator. */
function makePair(ratio: number, stage: 'primary' | 'junior' = 'primary'): StageUnit[] {
  const resources = (k: number) => ({
    teachingRoomArea: 400 * k,
    sportsArea: 700 * k,
    equipmentValue: 150_000 * k,
    computers: 10 * k,
    books: 2000 * k,
    teachers: 5 * k,
    higherDegreeTeachers: 4 * k,
    seniorTitleTeachers: 2 * k,
  });
  return [
    makeUnit({ code: 'A', students: 100, stage, ...resources(1) }),
    makeUnit({ code: 'B', students: 100, stage, ...resources(ratio) }),
  ];
}

describe(computeBasicValues.name, () => {
  it('should compute the eight 2012 values', () => {
    const [unit] = makePair(1);
    expect(unit && computeBasicValues(unit)).toEqual({
      teaching_room_area_per_student: 4,
      sports_area_per_student: 7,
      equipment_value_per_student: 1500,
      computers_per100: 10,
      books_per_student: 20,
      // #9.10: the three teacher indicators in the published unit, a ratio per student (5 / 100 = 0.05), not per 100.
      teachers_per100: 0.05,
      higher_degree_teachers_per100: 0.04,
      senior_title_teachers_per100: 0.02,
    });
  });

  it('should give 师生比 as the ratio a published table shows (54 teachers, 1000 students → 0.054)', () => {
    const unit = makeUnit({ code: 'A', students: 1000, teachers: 54 });
    expect(computeBasicValues(unit).teachers_per100).toBe(0.054);
  });
});

describe(computeBasicIndicatorResult.name, () => {
  it('should give CV 0.5 for two equal-sized schools at 1 : 3', () => {
    // X̄ = 2a, S = a → CV = 0.5
    expect(computeBasicIndicatorResult(makePair(3), 'books_per_student').cv).toBeCloseTo(0.5, 12);
  });
});

describe(computeBasicReport.name, () => {
  it('should average the eight CVs into the composite and pass it under 0.65 for primary', () => {
    const sut = computeBasicReport(asStageUnits(makePair(3)), 'primary');
    expect(sut.indicators.map((i) => i.key)).toEqual([...BASIC_INDICATOR_KEYS]);
    expect(sut.compositeCv).toBeCloseTo(0.5, 12);
    expect(sut).toMatchObject({ regime: 'basic_2012', compositeLimit: 0.65, compositePasses: true, schoolsCounted: 2 });
    expect(() => BasicReportSchema.parse(sut)).not.toThrow();
  });

  it('should take the plain mean when the CVs differ', () => {
    const units = makePair(3).map((unit) => (unit.code === 'B' ? { ...unit, books: 2000 } : unit));
    // seven CVs of 0.5 and one of 0 → 3.5 / 8
    expect(computeBasicReport(asStageUnits(units), 'primary').compositeCv).toBeCloseTo(3.5 / 8, 12);
  });

  it('should fail a junior composite above 0.55', () => {
    // 1 : 9 → X̄ = 5a, S = 4a → CV 0.8
    const sut = computeBasicReport(asStageUnits(makePair(9, 'junior')), 'junior');
    expect(sut.compositeCv).toBeCloseTo(0.8, 12);
    expect(sut).toMatchObject({ compositeLimit: 0.55, compositePasses: false });
  });

  it('should leave the composite null when a CV cannot be computed', () => {
    const units = makePair(3).map((unit) => ({ ...unit, computers: 0 }));
    expect(computeBasicReport(asStageUnits(units), 'primary')).toMatchObject({
      compositeCv: null,
      compositePasses: null,
    });
  });

  it('should handle an empty stage', () => {
    expect(computeBasicReport(asStageUnits([]), 'primary')).toMatchObject({ schoolsCounted: 0, compositeCv: null });
  });

  it('should give no composite and no verdict for a single row instead of 0.000 and a pass (#15.6)', () => {
    const [one] = makePair(1);
    const sut = computeBasicReport(asStageUnits(one ? [one] : []), 'primary');
    expect(sut).toMatchObject({
      schoolsCounted: 1,
      compositeCv: null,
      compositePasses: null,
      compositeNullReason: 'too_few_units',
    });
    expect(sut.indicators.every((i) => i.cv === null && i.cvNullReason === 'too_few_units')).toBe(true);
    expect(() => BasicReportSchema.parse(sut)).not.toThrow();
  });

  it('should state the mean in the published unit and keep the CV (#9.10)', () => {
    // Teachers 5 and 15 per 100 students: ratios 0.05 and 0.15, mean 0.10; CV 0.5 as before.
    const teachers = computeBasicReport(asStageUnits(makePair(3)), 'primary').indicators.find(
      (i) => i.key === 'teachers_per100',
    );
    expect(teachers).toMatchObject({ unitZh: '人/生', n: 2 });
    expect(teachers?.mean).toBeCloseTo(0.1, 12);
    expect(teachers?.cv).toBeCloseTo(0.5, 12);
  });
});

describe('the 2012 rows (#9.1)', () => {
  /** A primary school of 100 students with k times the base resources on all eight indicators. */
  function makeSchoolYear(
    code: string,
    k: number,
    school: Partial<SchoolRow> = {},
    students = 100,
  ): [SchoolRow, SchoolStatRow] {
    return [
      makeSchool({ schoolCode: code, ...school }),
      makeStat({
        schoolCode: code,
        studentsPrimary: students,
        teachersPrimary: 5 * k,
        higherDegreeTeachersPrimary: 4 * k,
        seniorTitleTeachersPrimary: 2 * k,
        teachingRoomArea: 400 * k,
        sportsArea: 700 * k,
        equipmentValue: 150_000 * k,
        computers: 10 * k,
        books: 2000 * k,
      }),
    ];
  }
  const county = [
    makeSchoolYear('A', 1),
    makeSchoolYear('B', 3),
    makeSchoolYear('P', 9, { ownership: 'private' }),
    makeSchoolYear('T', 9, { schoolType: 'teaching_point' }),
    makeSchoolYear('S', 9, { schoolType: 'teaching_point' }, 20),
  ];
  const schools = county.map(([school]) => school);
  const stats = county.map(([, stat]) => stat);

  it('should count only the public schools that are not teaching points, whatever their size', () => {
    // 2012 rows: A (a) and B (3a), 100 students each → every CV = 2a / 4a = 0.5, composite 0.5.
    // The 2017 rows would add P (9a, private) and T (9a, teaching point of 100 ≥ 50): CVs of 1:3:9:9 ≠ 0.5.
    const sut = computeBasicReport(computeStageUnits(schools, stats), 'primary');
    expect(sut.schools.map((s) => s.code)).toEqual(['A', 'B']);
    expect(sut.schoolsCounted).toBe(2);
    expect(sut.compositeCv).toBeCloseTo(0.5, 12);
    expect(sut.excluded.map((row) => [row.code, row.reason])).toEqual([
      ['P', 'basic_private'],
      ['S', 'basic_teaching_point'],
      ['T', 'basic_teaching_point'],
    ]);
    expect(sut.excluded.every((row) => row.reasonZh.length > 0)).toBe(true);
    expect(() => BasicReportSchema.parse(sut)).not.toThrow();
  });

  it('should leave private schools out whether includePrivate is on or off, with the 2012 reason', () => {
    const off = computeBasicReport(computeStageUnits(schools, stats, { includePrivate: false }), 'primary');
    const on = computeBasicReport(computeStageUnits(schools, stats, { includePrivate: true }), 'primary');
    expect(off.compositeCv).toBe(on.compositeCv);
    expect(off.excluded.find((row) => row.code === 'P')?.reason).toBe('basic_private');
  });
});
