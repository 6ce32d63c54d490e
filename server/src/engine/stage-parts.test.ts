import { StageUnitsResultSchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { computeStageAssetShares, computeStageUnits, selectStageUnits } from './stage-parts.ts';
import { makeSchool, makeStat } from './test-fixtures.ts';

describe(computeStageAssetShares.name, () => {
  it('should split a nine-year school 1 : 1.1 by weighted students', () => {
    const stat = makeStat({ schoolCode: 'N', studentsPrimary: 166, studentsJunior: 210 });
    const sut = computeStageAssetShares('nine_year', stat);
    expect(sut.primary).toBeCloseTo(166 / 397, 12);
    expect(sut.junior).toBeCloseTo(231 / 397, 12);
  });

  it('should split a complete middle school junior : senior = 1 : 1.2', () => {
    const stat = makeStat({ schoolCode: 'C', studentsJunior: 600, studentsSenior: 500 });
    const sut = computeStageAssetShares('complete_middle', stat);
    expect(sut.junior).toBeCloseTo(600 / 1200, 12);
    expect(sut.senior).toBeCloseTo(600 / 1200, 12);
  });

  it('should split a twelve-year school 1 : 1.1 : 1.32', () => {
    const stat = makeStat({ schoolCode: 'T', studentsPrimary: 100, studentsJunior: 100, studentsSenior: 100 });
    const sut = computeStageAssetShares('twelve_year', stat);
    expect(sut.primary).toBeCloseTo(100 / 342, 12);
    expect(sut.junior).toBeCloseTo(110 / 342, 12);
    expect(sut.senior).toBeCloseTo(132 / 342, 12);
  });

  it('should give a single-stage school all its assets', () => {
    const sut = computeStageAssetShares('primary', makeStat({ schoolCode: 'P', studentsPrimary: 300 }));
    expect(sut).toEqual({ primary: 1, junior: 0, senior: 0 });
  });

  it('should give a nine-year school with only primary students all assets to primary', () => {
    const sut = computeStageAssetShares('nine_year', makeStat({ schoolCode: 'N', studentsPrimary: 300 }));
    expect(sut.primary).toBe(1);
  });

  it('should give zero shares to a school with no students', () => {
    expect(computeStageAssetShares('primary', makeStat({ schoolCode: 'E' }))).toEqual({
      primary: 0,
      junior: 0,
      senior: 0,
    });
  });
});

describe(computeStageUnits.name, () => {
  it('should split the published nine-year example: 23 226 books → 9 711.6 primary, 13 514.4 junior', () => {
    const schools = [makeSchool({ schoolCode: 'N', schoolType: 'nine_year' })];
    const stats = [makeStat({ schoolCode: 'N', studentsPrimary: 166, studentsJunior: 210, books: 23226 })];
    const sut = computeStageUnits(schools, stats);
    const [primary, junior] = sut.units;
    expect(primary?.books).toBeCloseTo(9711.6, 1);
    expect(junior?.books).toBeCloseTo(13514.4, 1);
    // 23226 / (166 + 1.1 × 210) = 58.504 books per weighted student
    expect((primary?.books ?? 0) / 166).toBeCloseTo(58.504, 3);
    expect((junior?.books ?? 0) / (1.1 * 210)).toBeCloseTo(58.504, 3);
  });

  it('should take teachers, students and classes straight from the per-stage columns', () => {
    const schools = [makeSchool({ schoolCode: 'N', schoolType: 'nine_year', urbanRuralCode: '220' })];
    const stats = [
      makeStat({
        schoolCode: 'N',
        studentsPrimary: 300,
        studentsJunior: 200,
        classesPrimary: 8,
        classesJunior: 5,
        teachersPrimary: 20,
        teachersJunior: 18,
        backboneTeachersPrimary: 2,
        backboneTeachersJunior: 3,
      }),
    ];
    const [primary, junior] = computeStageUnits(schools, stats).units;
    expect(primary).toMatchObject({ stage: 'primary', students: 300, classes: 8, teachers: 20, backboneTeachers: 2 });
    expect(junior).toMatchObject({ stage: 'junior', students: 200, classes: 5, teachers: 18, backboneTeachers: 3 });
    expect(junior?.locale).toBe('rural');
  });

  it('should exclude special schools and small teaching points but keep their students in the totals', () => {
    const schools = [
      makeSchool({ schoolCode: 'P', schoolType: 'primary' }),
      makeSchool({ schoolCode: 'S', schoolType: 'special' }),
      makeSchool({ schoolCode: 'T49', schoolType: 'teaching_point' }),
      makeSchool({ schoolCode: 'T50', schoolType: 'teaching_point' }),
    ];
    const stats = [
      makeStat({ schoolCode: 'P', studentsPrimary: 400 }),
      makeStat({ schoolCode: 'S', studentsPrimary: 30, studentsJunior: 20 }),
      makeStat({ schoolCode: 'T49', studentsPrimary: 49 }),
      makeStat({ schoolCode: 'T50', studentsPrimary: 50 }),
    ];
    const sut = computeStageUnits(schools, stats);
    expect(sut.units.map((u) => u.code)).toEqual(['P', 'T50']);
    expect(sut.excluded.map((e) => [e.code, e.stage, e.reason])).toEqual([
      ['S', 'primary', 'special'],
      ['T49', 'primary', 'teaching_point'],
      ['S', 'junior', 'special'],
    ]);
    expect(sut.excluded[1]?.reasonZh).toContain('教学点');
    expect(sut.totals.primary).toEqual({
      students: 529,
      countedStudents: 450,
      excludedStudents: 79,
      units: 2,
      excludedUnits: 2,
    });
    expect(sut.totals.junior.students).toBe(20);
  });

  it('should list a stage with teachers but 0 students among the exclusions, not drop it (#9.9)', () => {
    // A nine-year school whose junior part has 6 teachers and 2 classes but no students: no per-student value.
    const schools = [makeSchool({ schoolCode: 'N', schoolType: 'nine_year' }), makeSchool({ schoolCode: 'E' })];
    const stats = [
      makeStat({ schoolCode: 'N', studentsPrimary: 300, teachersPrimary: 18, teachersJunior: 6, classesJunior: 2 }),
      // A school with nothing in the junior columns is not a junior school: nothing to list.
      makeStat({ schoolCode: 'E', studentsPrimary: 100, teachersPrimary: 6 }),
    ];
    const sut = computeStageUnits(schools, stats);
    expect(sut.units.map((u) => [u.code, u.stage])).toEqual([
      ['E', 'primary'],
      ['N', 'primary'],
    ]);
    expect(sut.excluded).toEqual([
      expect.objectContaining({ code: 'N', stage: 'junior', reason: 'no_students', students: 0 }),
    ]);
    expect(sut.excluded[0]?.reasonZh).toContain('在校生数为 0');
    expect(sut.totals.junior).toMatchObject({ students: 0, units: 0, excludedUnits: 1 });
  });

  it('should include private schools by default and exclude them only on request', () => {
    const schools = [makeSchool({ schoolCode: 'M', ownership: 'private' })];
    const stats = [makeStat({ schoolCode: 'M', studentsPrimary: 200 })];
    expect(computeStageUnits(schools, stats).units).toHaveLength(1);
    const sut = computeStageUnits(schools, stats, { includePrivate: false });
    expect(sut.units).toHaveLength(0);
    expect(sut.excluded[0]?.reason).toBe('private');
  });

  it('should report statistics of unknown schools and schools without statistics', () => {
    const schools = [makeSchool({ schoolCode: 'A' })];
    const stats = [makeStat({ schoolCode: 'X', studentsJunior: 70 })];
    const sut = computeStageUnits(schools, stats);
    expect(sut.excluded).toEqual([
      expect.objectContaining({
        code: 'X',
        stage: 'junior',
        reason: 'unknown_school',
        students: 70,
        townshipCode: null,
      }),
    ]);
    expect(sut.schoolsWithoutStats).toEqual(['A']);
  });

  it('should give no unit for a stage without students', () => {
    const schools = [makeSchool({ schoolCode: 'N', schoolType: 'nine_year' })];
    const stats = [makeStat({ schoolCode: 'N', studentsJunior: 120, books: 1000 })];
    const sut = computeStageUnits(schools, stats);
    expect(sut.units).toHaveLength(1);
    expect(sut.units[0]).toMatchObject({ stage: 'junior', books: 1000, assetShare: 1 });
  });

  it('should return empty results for empty input', () => {
    const sut = computeStageUnits([], []);
    expect(sut.units).toEqual([]);
    expect(sut.totals.primary.students).toBe(0);
  });

  it('should refuse two statistics rows for one school', () => {
    const stats = [makeStat({ schoolCode: 'A' }), makeStat({ schoolCode: 'A', year: 2023 })];
    expect(() => computeStageUnits([makeSchool({ schoolCode: 'A' })], stats)).toThrow(/Two statistics rows/);
  });

  it('should produce results that satisfy the contract schema', () => {
    const schools = [makeSchool({ schoolCode: 'A', schoolType: 'twelve_year' })];
    const stats = [
      makeStat({ schoolCode: 'A', studentsPrimary: 10, studentsJunior: 20, studentsSenior: 30, books: 99 }),
    ];
    expect(() => StageUnitsResultSchema.parse(computeStageUnits(schools, stats))).not.toThrow();
  });
});

describe(selectStageUnits.name, () => {
  const schools = [
    makeSchool({ schoolCode: 'A', townshipCode: '420101001', urbanRuralCode: '111' }),
    makeSchool({ schoolCode: 'B', townshipCode: '420101200', urbanRuralCode: '220' }),
    makeSchool({ schoolCode: 'C', townshipCode: '420101200', schoolType: 'teaching_point', urbanRuralCode: '220' }),
  ];
  const stats = [
    makeStat({ schoolCode: 'A', studentsPrimary: 100 }),
    makeStat({ schoolCode: 'B', studentsPrimary: 100 }),
    makeStat({ schoolCode: 'C', studentsPrimary: 10 }),
  ];
  const result = computeStageUnits(schools, stats);

  it('should filter units and exclusions by township', () => {
    const sut = selectStageUnits(result, 'primary', { townshipCodes: ['420101200'] });
    expect(sut.units.map((u) => u.code)).toEqual(['B']);
    expect(sut.excluded.map((e) => e.code)).toEqual(['C']);
  });

  it('should filter by school group', () => {
    const grouped = computeStageUnits(
      schools.map((school) => (school.schoolCode === 'B' ? { ...school, groupName: '二集团' } : school)),
      stats,
    );
    expect(selectStageUnits(grouped, 'primary', { groupNames: ['二集团'] }).units.map((u) => u.code)).toEqual(['B']);
  });

  it('should filter by locale and by stage', () => {
    expect(selectStageUnits(result, 'primary', { locales: ['urban'] }).units.map((u) => u.code)).toEqual(['A']);
    expect(selectStageUnits(result, 'junior').units).toEqual([]);
  });

  it('should treat an empty list as no filter', () => {
    expect(selectStageUnits(result, 'primary', { townshipCodes: [], locales: [] }).units).toHaveLength(2);
  });
});
