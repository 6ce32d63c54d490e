import type { StageUnit, StageUnitsResult } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { findStandard } from './indicators.ts';
import { computeRanking } from './rankings.ts';
import { makeUnit } from './test-fixtures.ts';

function asStageUnits(units: StageUnit[]): StageUnitsResult {
  const empty = { students: 0, countedStudents: 0, excludedStudents: 0, units: 0, excludedUnits: 0 };
  return { units, excluded: [], totals: { primary: empty, junior: empty }, schoolsWithoutStats: [] };
}

// Higher-degree teachers per 100 students: A 6, B 4, C 4 (tie), D 2; weights 100, 100, 100, 200.
//   X̄ = (600 + 400 + 400 + 400) / 500 = 3.6; A relative to the mean: 6 / 3.6
const units = [
  makeUnit({ code: 'D', students: 200, higherDegreeTeachers: 4 }),
  makeUnit({ code: 'B', students: 100, higherDegreeTeachers: 4 }),
  makeUnit({ code: 'A', students: 100, higherDegreeTeachers: 6 }),
  makeUnit({ code: 'C', students: 100, higherDegreeTeachers: 4 }),
  makeUnit({ code: 'J', students: 300, higherDegreeTeachers: 30, stage: 'junior' }),
];

describe(computeRanking.name, () => {
  it('should rank the stage best first, ties sharing a rank in input order, each against the weighted mean', () => {
    const sut = computeRanking(asStageUnits(units), 'primary', 'higher_degree_teachers_per100');
    expect(sut.rows.map((r) => [r.rank, r.code])).toEqual([
      [1, 'A'],
      [2, 'B'],
      [2, 'C'],
      [4, 'D'],
    ]);
    expect(sut.mean).toBeCloseTo(3.6, 12);
    expect(sut.threshold).toBe(4.2);
    expect(sut.rows.map((r) => r.meets)).toEqual([true, false, false, false]);
    expect(sut.rows[0]?.relativeToMean).toBeCloseTo(6 / 3.6, 12);
  });

  it('should give no threshold and no met flag for a 2012-only indicator', () => {
    const sut = computeRanking(asStageUnits(units), 'primary', 'teachers_per100');
    expect(sut.threshold).toBeNull();
    expect(sut.rows.every((r) => r.meets === null)).toBe(true);
  });

  it('should answer an empty ranking for a stage without units', () => {
    const sut = computeRanking(asStageUnits(units.filter((u) => u.stage === 'primary')), 'junior', 'books_per_student');
    expect(sut.rows).toEqual([]);
    expect(sut.mean).toBeNull();
  });
});

describe(findStandard.name, () => {
  it('should give the 2017 threshold and CV limit, or nulls for a 2012-only indicator', () => {
    expect(findStandard('higher_degree_teachers_per100', 'primary')).toEqual({ threshold: 4.2, cvLimit: 0.5 });
    expect(findStandard('higher_degree_teachers_per100', 'junior')).toEqual({ threshold: 5.3, cvLimit: 0.45 });
    expect(findStandard('teachers_per100', 'primary')).toEqual({ threshold: null, cvLimit: null });
  });
});
