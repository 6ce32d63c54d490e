import { TownshipComparisonSchema, UrbanRuralReportSchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { makeUnit } from './test-fixtures.ts';
import { computeQualityMeans, computeTownshipComparison, computeUrbanRuralReport } from './urban-rural.ts';

// Urban: 2 schools (300 + 100 students, 3000 + 500 ㎡ sports) → 3500 / 400 = 8.75 ㎡; rural: 100 students, 500 ㎡ → 5.
const units = [
  makeUnit({ code: 'U1', students: 300, sportsArea: 3000, townshipCode: '420101001', townshipName: '街道' }),
  makeUnit({ code: 'U2', students: 100, sportsArea: 500, townshipCode: '420101001', townshipName: '街道' }),
  makeUnit({
    code: 'R1',
    students: 100,
    sportsArea: 500,
    locale: 'rural',
    urbanRuralCode: '220',
    townshipCode: '420101200',
    townshipName: '乡',
  }),
  makeUnit({ code: 'J1', students: 100, sportsArea: 100, stage: 'junior' }),
];

describe(computeQualityMeans.name, () => {
  it('should take the ratio of totals within the set', () => {
    expect(computeQualityMeans(units.slice(0, 2)).sports_area_per_student).toBeCloseTo(8.75, 12);
  });

  it('should return null means for an empty set', () => {
    expect(computeQualityMeans([]).sports_area_per_student).toBeNull();
  });
});

describe(computeUrbanRuralReport.name, () => {
  it('should list all three classes with schools, students and weighted means', () => {
    const sut = computeUrbanRuralReport(units, 'primary');
    expect(sut.groups.map((g) => [g.locale, g.schools, g.students])).toEqual([
      ['urban', 2, 400],
      ['town', 0, 0],
      ['rural', 1, 100],
    ]);
    expect(sut.groups[0]?.means.sports_area_per_student).toBeCloseTo(8.75, 12);
    expect(() => UrbanRuralReportSchema.parse(sut)).not.toThrow();
  });

  it('should give urban ÷ rural ratios and null when a mean is missing', () => {
    const ratio = computeUrbanRuralReport(units, 'primary').ratios.find((r) => r.key === 'sports_area_per_student');
    expect(ratio).toMatchObject({ urbanMean: 8.75, ruralMean: 5, townMean: null, townToRural: null });
    expect(ratio?.urbanToRural).toBeCloseTo(1.75, 12);
  });

  it('should give a null ratio when the rural mean is 0', () => {
    const ratio = computeUrbanRuralReport(units, 'primary').ratios.find((r) => r.key === 'equipment_value_per_student');
    expect(ratio).toMatchObject({ ruralMean: 0, urbanToRural: null });
  });

  it('should decompose each indicator by locale', () => {
    const row = computeUrbanRuralReport(units, 'primary').decomposition.find(
      (d) => d.key === 'sports_area_per_student',
    );
    expect((row?.withinShare ?? 0) + (row?.betweenShare ?? 0)).toBeCloseTo(1, 12);
  });

  it('should restrict the comparison to a township set', () => {
    const sut = computeUrbanRuralReport(units, 'primary', ['420101200']);
    expect(sut.townshipCodes).toEqual(['420101200']);
    expect(sut.groups.map((g) => g.schools)).toEqual([0, 0, 1]);
  });
});

describe(computeTownshipComparison.name, () => {
  it('should compare townships with their names', () => {
    const sut = computeTownshipComparison(units, 'primary');
    expect(sut.groups.map((g) => [g.townshipCode, g.townshipName, g.schools])).toEqual([
      ['420101001', '街道', 2],
      ['420101200', '乡', 1],
    ]);
    expect(() => TownshipComparisonSchema.parse(sut)).not.toThrow();
  });
});
