import type { SchoolRow, SchoolStatRow } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { computeClassSizeYear, readStageClassSize, selectClassSizeSchools } from './class-size.ts';
import { makeSchool, makeStat } from './test-fixtures.ts';

/**
 * A hand-computed county (issue #9 point 5). Primary, 2024:
 *   A primary, per-stage: 20 classes, max 60, 3 of 56–65            → over 45
 *   B nine-year, school-wide only: max 68, 2 of 56–65, 1 of 66+     → primary part cannot be attributed (无数据)
 *   C nine-year, per-stage: primary 10 classes, max 66, 1 of 66+; junior 6 classes, max 50; 1600 + 1000 students
 *   D primary, school-wide only: 30 classes, max 44, no large class; 2100 students (over 2000)
 *   E teaching point, class size blank: 2 classes
 *   S special school: left out
 * classes = 20 + 12 + 10 + 30 + 2 = 74; 56–65 = 3 (A); 66+ = 1 (C); without data = 12 (B) + 2 (E) = 14;
 * largeShare = (3 + 1) / 74 = 0.054054… > 5% (fails although B and E are unknown); hugeShare = 1 / 74 > 0.
 */
const schools: SchoolRow[] = [
  makeSchool({ schoolCode: 'A' }),
  makeSchool({ schoolCode: 'B', schoolType: 'nine_year' }),
  makeSchool({ schoolCode: 'C', schoolType: 'nine_year' }),
  makeSchool({ schoolCode: 'D' }),
  makeSchool({ schoolCode: 'E', schoolType: 'teaching_point' }),
  makeSchool({ schoolCode: 'S', schoolType: 'special' }),
];
const stats2024: SchoolStatRow[] = [
  makeStat({
    schoolCode: 'A',
    studentsPrimary: 900,
    classesPrimary: 20,
    maxClassSizePrimary: 60,
    classes56To65Primary: 3,
    classes66PlusPrimary: 0,
  }),
  makeStat({
    schoolCode: 'B',
    studentsPrimary: 500,
    studentsJunior: 400,
    classesPrimary: 12,
    classesJunior: 9,
    maxClassSize: 68,
    classes56To65: 2,
    classes66Plus: 1,
  }),
  makeStat({
    schoolCode: 'C',
    studentsPrimary: 1600,
    studentsJunior: 1000,
    classesPrimary: 10,
    classesJunior: 6,
    maxClassSizePrimary: 66,
    classes56To65Primary: 0,
    classes66PlusPrimary: 1,
    maxClassSizeJunior: 50,
    classes56To65Junior: 0,
    classes66PlusJunior: 0,
  }),
  makeStat({
    schoolCode: 'D',
    studentsPrimary: 2100,
    classesPrimary: 30,
    maxClassSize: 44,
    classes56To65: 0,
    classes66Plus: 0,
  }),
  makeStat({ schoolCode: 'E', studentsPrimary: 30, classesPrimary: 2 }),
  makeStat({ schoolCode: 'S', studentsPrimary: 40, classesPrimary: 4, maxClassSize: 12 }),
];

describe(computeClassSizeYear.name, () => {
  const { counted, excluded } = selectClassSizeSchools(schools, true);

  it('should count 56–65 and 66+ classes per stage with their shares of all classes', () => {
    const sut = computeClassSizeYear(2024, counted, stats2024, 'primary');
    expect(excluded).toEqual([{ code: 'S', name: '学校S', reason: 'special' }]);
    expect(sut).toMatchObject({
      year: 2024,
      schoolsCounted: 5,
      classes: 74,
      largeClasses: 3,
      hugeClasses: 1,
      classesWithoutData: 14,
      largeSharePasses: false,
      hugeSharePasses: false,
      schoolsWithLargeClasses: 2,
      schoolsOverLimit: 2,
      schoolsUnknown: 2,
      oversizeSchools: 2,
    });
    expect(sut.largeShare).toBeCloseTo(4 / 74, 15);
    expect(sut.hugeShare).toBeCloseTo(1 / 74, 15);
  });

  it('should list every school of the stage, 66+ first, unknown values as null', () => {
    const sut = computeClassSizeYear(2024, counted, stats2024, 'primary');
    expect(sut.schools.map((r) => r.code)).toEqual(['C', 'A', 'B', 'D', 'E']);
    const byCode = new Map(sut.schools.map((r) => [r.code, r]));
    expect(byCode.get('C')).toMatchObject({
      classes: 10,
      largeClasses: 0,
      hugeClasses: 1,
      maxClassSize: 66,
      passes: false,
      stageStudents: 1600,
      students: 2600,
      sizeLimit: 2500,
      oversize: true,
      basis: 'stage',
    });
    expect(byCode.get('B')).toMatchObject({
      largeClasses: null,
      hugeClasses: null,
      maxClassSize: null,
      maxBound: 68,
      passes: null,
      basis: 'school',
      students: 900,
      oversize: false,
    });
    expect(byCode.get('D')).toMatchObject({ largeClasses: 0, hugeClasses: 0, maxClassSize: 44, passes: true });
    expect(byCode.get('D')).toMatchObject({ students: 2100, sizeLimit: 2000, oversize: true });
    expect(byCode.get('E')).toMatchObject({ largeClasses: null, maxClassSize: null, passes: null, basis: null });
  });

  it('should leave a share unjudged (null) when it is within target but some classes have no data', () => {
    // Junior: B (9 classes, unknown) and C (6 classes, none large): 0 / 15 is only a lower bound.
    const sut = computeClassSizeYear(2024, counted, stats2024, 'junior');
    expect(sut).toMatchObject({ classes: 15, largeClasses: 0, hugeClasses: 0, classesWithoutData: 9 });
    expect(sut.largeShare).toBe(0);
    expect([sut.largeSharePasses, sut.hugeSharePasses]).toEqual([null, null]);
  });

  it('should pass a share of exactly 5% with complete data', () => {
    const stats = [
      makeStat({
        schoolCode: 'A',
        year: 2023,
        classesPrimary: 20,
        maxClassSize: 58,
        classes56To65: 1,
        classes66Plus: 0,
      }),
    ];
    const sut = computeClassSizeYear(2023, counted, stats, 'primary');
    expect(sut).toMatchObject({ classes: 20, largeShare: 0.05, largeSharePasses: true, hugeSharePasses: true });
  });
});

describe(readStageClassSize.name, () => {
  const nine = makeSchool({ schoolCode: 'N', schoolType: 'nine_year' });
  const base = { schoolCode: 'N', classesPrimary: 12, classesJunior: 6 };

  it('should attribute school-wide counts to a stage when the other stage gives its own', () => {
    const stat = makeStat({
      ...base,
      maxClassSize: 60,
      classes56To65: 5,
      classes66Plus: 0,
      classes56To65Junior: 2,
      classes66PlusJunior: 0,
    });
    expect(readStageClassSize(nine, stat, 'primary')).toMatchObject({
      largeClasses: 3,
      hugeClasses: 0,
      basis: 'school',
    });
  });

  it('should read a school-wide 0 as 0 for every stage', () => {
    const stat = makeStat({ ...base, maxClassSize: 48, classes56To65: 0, classes66Plus: 0 });
    expect(readStageClassSize(nine, stat, 'junior')).toMatchObject({ largeClasses: 0, hugeClasses: 0, maxBound: 48 });
  });
});
