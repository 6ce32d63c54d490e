import { QUALITY_INDICATOR_KEYS, QualityReportSchema, type StageUnit, type StageUnitsResult } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import {
  computeInformationalCompositeCv,
  computeQualityIndicatorResult,
  computeQualityReport,
  computeQualitySchoolResult,
  computeQualityValues,
} from './quality.ts';
import { computeStageUnits } from './stage-parts.ts';
import { makeCompliantPrimaryUnit, makeSchool, makeStat, makeUnit } from './test-fixtures.ts';

function asStageUnits(units: StageUnit[]): StageUnitsResult {
  const empty = { students: 0, countedStudents: 0, excludedStudents: 0, units: 0, excludedUnits: 0 };
  return { units, excluded: [], totals: { primary: empty, junior: empty }, schoolsWithoutStats: [] };
}

/*
 * Hand-computed county of three primary schools.
 *   A (100 students): exactly every threshold (5, 1, 1, 4.5, 7.5, 2000, 3)          → 7/7, passes
 *   B (200): higher-degree 8 → 4.0 (95% of 4.2), the rest at threshold             → 6/7, passes (near miss)
 *   C (300): rooms 1200 → 4.0, sports 1800 → 6.0, equipment 3 000 000 → 10 000      → 5/7, fails
 * backbone 1, 1, 2:  X̄ = 900/600 = 1.5, S² = 0.25 → CV = 1/3
 * sports 7.5, 7.5, 6: X̄ = 4050/600 = 6.75, S = 0.75 → CV = 1/9
 * equipment 2000, 2000, 10000: X̄ = 6000, S = 4000 → CV = 2/3 > 0.50 → blocks
 */
const schoolA = makeCompliantPrimaryUnit('A', 100);
const schoolB = makeUnit({
  code: 'B',
  students: 200,
  higherDegreeTeachers: 8,
  backboneTeachers: 2,
  peArtTeachers: 2,
  teachingRoomArea: 900,
  sportsArea: 1500,
  equipmentValue: 400_000,
  multimediaRooms: 6,
});
const schoolC = makeUnit({
  code: 'C',
  students: 300,
  higherDegreeTeachers: 15,
  backboneTeachers: 6,
  peArtTeachers: 3,
  teachingRoomArea: 1200,
  sportsArea: 1800,
  equipmentValue: 3_000_000,
  multimediaRooms: 9,
});
const county = [schoolA, schoolB, schoolC];

describe(computeQualityValues.name, () => {
  it('should compute per-100 and per-student values', () => {
    expect(computeQualityValues(schoolC)).toEqual({
      higher_degree_teachers_per100: 5,
      backbone_teachers_per100: 2,
      pe_art_teachers_per100: 1,
      teaching_room_area_per_student: 4,
      sports_area_per_student: 6,
      equipment_value_per_student: 10_000,
      multimedia_rooms_per100: 3,
    });
  });

  it('should return null values for a unit with 0 students', () => {
    const values = computeQualityValues(makeUnit({ code: 'Z', students: 0, books: 5 }));
    expect(Object.values(values).every((v) => v === null)).toBe(true);
  });
});

describe(computeQualitySchoolResult.name, () => {
  it('should pass a school meeting every threshold exactly (21 teachers / 500 students = 4.2)', () => {
    const sut = computeQualitySchoolResult({ ...makeCompliantPrimaryUnit('E', 500), higherDegreeTeachers: 21 });
    expect(sut.values.higher_degree_teachers_per100).toBe(4.2);
    expect(sut.met.higher_degree_teachers_per100).toBe(true);
    expect(sut).toMatchObject({ metCount: 7, missed: [], missedRatio: null, passes: true });
  });

  it('should pass 6 of 7 when the missed one is at least 85% of its threshold', () => {
    const sut = computeQualitySchoolResult(schoolB);
    expect(sut).toMatchObject({ metCount: 6, missed: ['higher_degree_teachers_per100'], passes: true });
    expect(sut.missedRatio).toBeCloseTo(4 / 4.2, 12);
  });

  it('should pass at exactly 85% and fail just below it', () => {
    // 4.5 × 0.85 = 3.825 ㎡ per student
    const atLimit = computeQualitySchoolResult({ ...makeCompliantPrimaryUnit('F'), teachingRoomArea: 382.5 });
    const below = computeQualitySchoolResult({ ...makeCompliantPrimaryUnit('G'), teachingRoomArea: 382 });
    expect(atLimit.passes).toBe(true);
    expect(below).toMatchObject({ metCount: 6, passes: false });
  });

  it('should fail with 5 of 7 met', () => {
    expect(computeQualitySchoolResult(schoolC)).toMatchObject({
      metCount: 5,
      missed: ['teaching_room_area_per_student', 'sports_area_per_student'],
      missedRatio: null,
      passes: false,
    });
  });

  it('should use the junior thresholds for a junior unit', () => {
    // 100 junior students with the primary-compliant resources: rooms 4.5 < 5.8, sports 7.5 < 10.2, equipment 2000 < 2500 …
    const sut = computeQualitySchoolResult({ ...makeCompliantPrimaryUnit('J'), stage: 'junior' });
    expect(sut.met.teaching_room_area_per_student).toBe(false);
    expect(sut.met.backbone_teachers_per100).toBe(true);
    expect(sut.passes).toBe(false);
  });
});

describe(computeQualityIndicatorResult.name, () => {
  it('should compute the hand-worked backbone CV 1/3', () => {
    const sut = computeQualityIndicatorResult(county, 'backbone_teachers_per100', 'primary');
    expect(sut.mean).toBeCloseTo(1.5, 12);
    expect(sut.sd).toBeCloseTo(0.5, 12);
    expect(sut.cv).toBeCloseTo(1 / 3, 12);
    expect(sut).toMatchObject({ threshold: 1, cvLimit: 0.5, cvPasses: true, schoolsMeeting: 3, n: 3 });
  });

  it('should fail a CV above 0.50 for primary', () => {
    const sut = computeQualityIndicatorResult(county, 'equipment_value_per_student', 'primary');
    expect(sut.cv).toBeCloseTo(2 / 3, 12);
    expect(sut.cvPasses).toBe(false);
  });

  it('should use the junior CV limit 0.45', () => {
    const juniors = county.map((unit) => ({ ...unit, stage: 'junior' as const }));
    expect(computeQualityIndicatorResult(juniors, 'sports_area_per_student', 'junior').cvLimit).toBe(0.45);
  });

  it('should report a null CV and verdict when every value is zero', () => {
    const units = [makeUnit({ code: 'A', students: 100 }), makeUnit({ code: 'B', students: 50 })];
    const sut = computeQualityIndicatorResult(units, 'sports_area_per_student', 'primary');
    expect(sut).toMatchObject({ mean: 0, cv: null, cvPasses: null, schoolsMeeting: 0, schoolsMissing: 2 });
  });
});

describe(computeInformationalCompositeCv.name, () => {
  it('should be the plain mean of the CVs and null if one is missing', () => {
    expect(computeInformationalCompositeCv([{ cv: 0.2 }, { cv: 0.4 }])).toBeCloseTo(0.3, 12);
    expect(computeInformationalCompositeCv([{ cv: 0.2 }, { cv: null }])).toBeNull();
  });
});

describe(computeQualityReport.name, () => {
  it('should report the hand-worked county: equipment blocks, school C fails', () => {
    const sut = computeQualityReport(asStageUnits(county), 'primary');
    expect(sut).toMatchObject({ regime: 'quality_2017', stage: 'primary', schoolsCounted: 3, studentsCounted: 600 });
    expect(sut.indicators.map((i) => i.key)).toEqual([...QUALITY_INDICATOR_KEYS]);
    expect(sut.verdict).toEqual({
      passes: false,
      cvPasses: false,
      blockingIndicators: ['equipment_value_per_student'],
      schoolsPass: false,
      schoolsPassing: 2,
      failingSchools: [{ code: 'C', name: '学校C', metCount: 5 }],
    });
    const meanOfCvs = sut.indicators.reduce((sum, i) => sum + (i.cv ?? 0), 0) / 7;
    expect(sut.compositeCv).toEqual({ value: meanOfCvs, informational: true });
    expect(() => QualityReportSchema.parse(sut)).not.toThrow();
  });

  it('should list exclusions and count their students in the total', () => {
    const schools = [makeSchool({ schoolCode: 'P' }), makeSchool({ schoolCode: 'T', schoolType: 'teaching_point' })];
    const stats = [
      makeStat({ schoolCode: 'P', studentsPrimary: 200, sportsArea: 2000 }),
      makeStat({ schoolCode: 'T', studentsPrimary: 12 }),
    ];
    const sut = computeQualityReport(computeStageUnits(schools, stats), 'primary');
    expect(sut.schoolsCounted).toBe(1);
    expect(sut.studentsTotal).toBe(212);
    expect(sut.excluded).toEqual([expect.objectContaining({ code: 'T', reason: 'teaching_point', students: 12 })]);
  });

  it('should give no CV and no CV verdict for a single school instead of CV 0 and a pass (#15.6)', () => {
    // One school's weighted SD is 0, so its "CV" is 0: a number that says nothing and must not pass.
    const sut = computeQualityReport(asStageUnits([schoolA]), 'primary');
    for (const indicator of sut.indicators) {
      expect(indicator).toMatchObject({ n: 1, cv: null, cvPasses: null, cvNullReason: 'too_few_units' });
    }
    expect(sut.verdict).toMatchObject({ cvPasses: null, passes: null, blockingIndicators: [] });
    // The school's own compliance is still judged.
    expect(sut.schools).toHaveLength(1);
    expect(() => QualityReportSchema.parse(sut)).not.toThrow();
  });

  it('should give CVs and a verdict from two schools on', () => {
    const sut = computeQualityReport(asStageUnits([schoolA, schoolC]), 'primary');
    expect(sut.indicators.every((i) => i.cvNullReason === null || i.cvNullReason === 'not_computable')).toBe(true);
    expect(sut.verdict.cvPasses).not.toBeNull();
  });

  it('should give no verdict for an empty selection', () => {
    const sut = computeQualityReport(asStageUnits([]), 'junior');
    expect(sut.schoolsCounted).toBe(0);
    expect(sut.verdict.passes).toBeNull();
    expect(sut.indicators.every((i) => i.cvNullReason === 'too_few_units')).toBe(true);
    expect(() => QualityReportSchema.parse(sut)).not.toThrow();
  });

  it('should compare a CV with its limit at full precision (#9.11)', () => {
    // Two schools of 100 students with values a and b: X̄ = (a+b)/2, S = |a−b|/2, CV = |a−b|/(a+b).
    // Room area 100 ㎡·k: a = 1, b = 3.0024 → CV = 2.0024 / 4.0024 = 0.500300… : shows as 0.500 with 3 decimals, fails.
    const units = [
      makeUnit({ code: 'X', students: 100, teachingRoomArea: 100 }),
      makeUnit({ code: 'Y', students: 100, teachingRoomArea: 300.24 }),
    ];
    const room = computeQualityReport(asStageUnits(units), 'primary').indicators.find(
      (i) => i.key === 'teaching_room_area_per_student',
    );
    expect(room?.cv).toBeCloseTo(2.0024 / 4.0024, 12);
    expect(room?.cv?.toFixed(3)).toBe('0.500');
    expect(room?.cvPasses).toBe(false);
  });

  it('should restrict the report to a township', () => {
    const units = [schoolA, { ...schoolC, townshipCode: '420101200' }];
    const sut = computeQualityReport(asStageUnits(units), 'primary', { townshipCodes: ['420101200'] });
    expect(sut.schools.map((s) => s.code)).toEqual(['C']);
  });
});
