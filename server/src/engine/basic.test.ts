import { BASIC_INDICATOR_KEYS, BasicReportSchema, type StageUnit, type StageUnitsResult } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { computeBasicIndicatorResult, computeBasicReport, computeBasicValues } from './basic.ts';
import { makeUnit } from './test-fixtures.ts';

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
      teachers_per100: 5,
      higher_degree_teachers_per100: 4,
      senior_title_teachers_per100: 2,
    });
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
});
