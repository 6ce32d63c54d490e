import {
  computeWeightedCv,
  DistanceToPassReportSchema,
  type QualityIndicatorKey,
  type StageUnit,
  type StageUnitsResult,
} from '@junheng/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCvPlan,
  computeCvPlanOutcomes,
  computeDistanceToPass,
  computeShortfall,
  planCvReduction,
  sumShortfallTotals,
} from './distance-to-pass.ts';
import { computeIndicatorValue, INDICATOR_FORMULAS } from './indicators.ts';
import { computeQualityReport } from './quality.ts';
import { makeCompliantPrimaryUnit, makeUnit } from './test-fixtures.ts';

function asStageUnits(units: StageUnit[]): StageUnitsResult {
  const empty = { students: 0, countedStudents: 0, excludedStudents: 0, units: 0, excludedUnits: 0 };
  return { units, excluded: [], totals: { primary: empty, junior: empty }, schoolsWithoutStats: [] };
}

/** The CV after applying a plan's additions, recomputed from scratch with statistics.ts. */
function recomputeCv(
  units: readonly StageUnit[],
  key: QualityIndicatorKey,
  additions: { code: string; amount: number }[],
) {
  const { field, per } = INDICATOR_FORMULAS[key];
  const amountOf = new Map(additions.map((a) => [a.code, a.amount]));
  return computeWeightedCv(
    units.map((unit) => ({
      weight: unit.students,
      value: (per * (unit[field] + (amountOf.get(unit.code) ?? 0))) / unit.students,
    })),
  );
}

describe(computeShortfall.name, () => {
  it('should count whole teachers without floating-point overshoot (4.2 × 500 / 100 = 21)', () => {
    const unit = { ...makeCompliantPrimaryUnit('A', 500), higherDegreeTeachers: 20 };
    expect(computeShortfall(unit, 'higher_degree_teachers_per100')).toBe(1);
    expect(computeShortfall({ ...unit, higherDegreeTeachers: 21 }, 'higher_degree_teachers_per100')).toBe(0);
  });

  it('should give ㎡ and 元 rounded up to whole units', () => {
    const unit = makeUnit({ code: 'A', students: 100, teachingRoomArea: 400, equipmentValue: 150_000.5 });
    expect(computeShortfall(unit, 'teaching_room_area_per_student')).toBe(50);
    expect(computeShortfall(unit, 'equipment_value_per_student')).toBe(50_000);
    expect(computeShortfall(unit, 'sports_area_per_student')).toBe(750);
  });

  it('should round rooms up', () => {
    // 2.3 × 130 / 100 = 2.99 rooms needed, 1 present → 2 more
    expect(
      computeShortfall(makeUnit({ code: 'A', students: 130, multimediaRooms: 1 }), 'multimedia_rooms_per100'),
    ).toBe(2);
  });

  it('should use the junior thresholds', () => {
    const unit = makeUnit({ code: 'J', students: 100, stage: 'junior', higherDegreeTeachers: 5 });
    expect(computeShortfall(unit, 'higher_degree_teachers_per100')).toBe(1);
  });
});

describe(sumShortfallTotals.name, () => {
  it('should sum shortfalls per resource', () => {
    expect(
      sumShortfallTotals([
        { key: 'equipment_value_per_student', shortfall: 100 },
        { key: 'equipment_value_per_student', shortfall: 50 },
        { key: 'backbone_teachers_per100', shortfall: 2 },
      ]),
    ).toMatchObject({ equipmentYuan: 150, backboneTeachers: 2, teachingRoomAreaM2: 0 });
  });
});

// Equipment 500, 2000, 6000 元 per student at 100 students each: X̄ = 2833.3, S = 2335.7 → CV 0.824 > 0.50.
const unequal = [
  { ...makeCompliantPrimaryUnit('A'), equipmentValue: 50_000 },
  { ...makeCompliantPrimaryUnit('B'), equipmentValue: 200_000 },
  { ...makeCompliantPrimaryUnit('C'), equipmentValue: 600_000 },
];

describe(planCvReduction.name, () => {
  it('should raise the lowest schools until the CV is within the limit', () => {
    const sut = planCvReduction(unequal, 'equipment_value_per_student', 'primary');
    expect(sut).not.toBeNull();
    expect(sut?.cvBefore).toBeGreaterThan(0.5);
    expect(sut?.achievable).toBe(true);
    // Raising A to B's 2000 leaves CV 0.566, so the floor ends above 2000 and lifts both.
    expect(sut?.additions.map((a) => a.code)).toEqual(['A', 'B']);
    expect(sut?.floorLevel).toBeGreaterThan(2000);
    expect(recomputeCv(unequal, 'equipment_value_per_student', sut?.additions ?? [])).toBeLessThanOrEqual(0.5);
    expect(sut?.cvAfter).toBeCloseTo(
      recomputeCv(unequal, 'equipment_value_per_student', sut?.additions ?? []) ?? 0,
      12,
    );
    expect(sut).toMatchObject({ resourceUnit: 'yuan', schoolsMeetingBefore: 2 });
  });

  it('should find the smallest floor: one yuan less for the raised school breaks the limit', () => {
    const sut = planCvReduction(unequal, 'equipment_value_per_student', 'primary');
    const fewer = (sut?.additions ?? []).map((a) => ({ ...a, amount: a.amount - 1 }));
    expect(recomputeCv(unequal, 'equipment_value_per_student', fewer)).toBeGreaterThan(0.5);
  });

  it('should state what a split school adds to its campus: the stage part’s need ÷ its asset share', () => {
    // A is the primary part of a nine-year school holding half of the campus equipment (assetShare 0.5): the values
    // are the same as above, so the floor is the same, and A's campus needs twice what its part needs.
    const split = [{ ...(unequal[0] as StageUnit), assetShare: 0.5 }, ...unequal.slice(1)];
    const whole = planCvReduction(unequal, 'equipment_value_per_student', 'primary');
    const sut = planCvReduction(split, 'equipment_value_per_student', 'primary');
    expect(sut?.floorLevel).toBeCloseTo(whole?.floorLevel ?? 0, 1);
    const [a, b] = sut?.additions ?? [];
    const [aWhole] = whole?.additions ?? [];
    expect(a).toMatchObject({ code: 'A', assetShare: 0.5 });
    expect(a?.amount).toBeGreaterThanOrEqual(2 * (aWhole?.amount ?? 0) - 2);
    expect(a?.amount).toBeLessThanOrEqual(2 * (aWhole?.amount ?? 0));
    expect(a?.valueAfter).toBeCloseTo((50_000 + (a?.amount ?? 0) * 0.5) / 100, 9);
    expect(b).toMatchObject({ code: 'B', assetShare: 1 });
    expect(sut?.totalAddition).toBe((a?.amount ?? 0) + (b?.amount ?? 0));
  });

  it('should return null when the CV already passes', () => {
    expect(planCvReduction(unequal, 'sports_area_per_student', 'primary')).toBeNull();
  });

  it('should meet the limit and never lower a school, for any county', () => {
    const unitArb = fc.record({
      students: fc.integer({ min: 20, max: 2500 }),
      backboneTeachers: fc.integer({ min: 0, max: 40 }),
      equipmentValue: fc.integer({ min: 0, max: 20_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(unitArb, { minLength: 2, maxLength: 25 }),
        fc.constantFrom<QualityIndicatorKey>('backbone_teachers_per100', 'equipment_value_per_student'),
        (rows, key) => {
          const units = rows.map((row, i) => makeUnit({ code: `S${i}`, ...row }));
          const sut = planCvReduction(units, key, 'primary');
          const cv = computeWeightedCv(
            units.map((u) => ({ weight: u.students, value: computeIndicatorValue(u, key) ?? 0 })),
          );
          if (cv === null || cv <= 0.5) {
            expect(sut).toBeNull();
            return;
          }
          expect(sut?.achievable).toBe(true);
          expect(recomputeCv(units, key, sut?.additions ?? [])).toBeLessThanOrEqual(0.5);
          for (const addition of sut?.additions ?? []) {
            expect(addition.amount).toBeGreaterThan(0);
            expect(Number.isInteger(addition.amount)).toBe(true);
            expect(addition.valueAfter).toBeGreaterThanOrEqual(addition.valueBefore);
          }
          expect(sut?.schoolsMeetingAfter).toBeGreaterThanOrEqual(sut?.schoolsMeetingBefore ?? 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe(computeDistanceToPass.name, () => {
  it('should list unmet indicators, total the budget and plan failing CVs', () => {
    const units = [
      makeCompliantPrimaryUnit('A'),
      { ...makeCompliantPrimaryUnit('B'), equipmentValue: 50_000, sportsArea: 700 },
      { ...makeCompliantPrimaryUnit('C'), equipmentValue: 600_000 },
    ];
    const sut = computeDistanceToPass(asStageUnits(units), 'primary');
    expect(sut.rows.map((r) => [r.code, r.key, r.shortfall])).toEqual([
      ['B', 'sports_area_per_student', 50],
      ['B', 'equipment_value_per_student', 150_000],
    ]);
    expect(sut.unitsShort).toBe(1);
    expect(sut.totals).toMatchObject({ equipmentYuan: 150_000, sportsAreaM2: 50 });
    expect(sut.cvPlans.map((p) => p.key)).toEqual(['equipment_value_per_student']);
    expect(() => DistanceToPassReportSchema.parse(sut)).not.toThrow();
  });

  it('should handle an empty stage', () => {
    expect(computeDistanceToPass(asStageUnits([]), 'junior')).toMatchObject({ rows: [], cvPlans: [], unitsShort: 0 });
  });
});

describe(applyCvPlan.name, () => {
  it('should add to each raised part the amount times its asset share, and leave the other parts as they are', () => {
    const split = [{ ...(unequal[0] as StageUnit), assetShare: 0.5 }, ...unequal.slice(1)];
    const plan = planCvReduction(split, 'equipment_value_per_student', 'primary');
    if (!plan) throw new Error('expected a plan');
    const sut = applyCvPlan(asStageUnits(split), plan, 'primary');
    for (const [index, unit] of sut.units.entries()) {
      const addition = plan.additions.find((a) => a.code === unit.code);
      const before = split[index] as StageUnit;
      expect(unit.equipmentValue).toBeCloseTo(
        before.equipmentValue + (addition ? addition.amount * addition.assetShare : 0),
        6,
      );
    }
    expect(applyCvPlan(asStageUnits(split), plan, 'junior').units).toEqual(split);
  });
});

describe(computeCvPlanOutcomes.name, () => {
  it('should count the schools passing before and after each plan with the engine’s own verdict', () => {
    const stageUnits = asStageUnits(unequal);
    const report = computeDistanceToPass(stageUnits, 'primary');
    const sut = computeCvPlanOutcomes(stageUnits, 'primary', report.cvPlans);
    const baseline = computeQualityReport(stageUnits, 'primary');
    expect(sut.schoolsCounted).toBe(baseline.schoolsCounted);
    expect(sut.cvPlans).toHaveLength(report.cvPlans.length);
    for (const [index, outcome] of sut.cvPlans.entries()) {
      const plan = report.cvPlans[index];
      if (!plan) throw new Error('expected a plan');
      expect(outcome).toMatchObject(plan);
      expect(outcome.schoolsPassingBefore).toBe(baseline.verdict.schoolsPassing);
      expect(outcome.schoolsPassingAfter).toBe(
        computeQualityReport(applyCvPlan(stageUnits, plan, 'primary'), 'primary').verdict.schoolsPassing,
      );
    }
  });

  it('should answer no outcomes when no CV needs a plan', () => {
    const stageUnits = asStageUnits([makeCompliantPrimaryUnit('A'), makeCompliantPrimaryUnit('B')]);
    expect(computeCvPlanOutcomes(stageUnits, 'primary', []).cvPlans).toEqual([]);
  });
});
