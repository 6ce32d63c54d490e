import { type SchoolStatRow, WhatIfChangeListSchema, WhatIfResultSchema } from '@junheng/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSchool, makeStat } from './test-fixtures.ts';
import { applyWhatIfChanges, computeWhatIf, isCvChanged, type WhatIfDataset } from './what-if.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const dataset: WhatIfDataset = deepFreeze({
  schools: [
    makeSchool({ schoolCode: 'U' }),
    makeSchool({ schoolCode: 'R', urbanRuralCode: '220' }),
    makeSchool({ schoolCode: 'N', schoolType: 'nine_year' }),
  ],
  stats: [
    makeStat({
      schoolCode: 'U',
      studentsPrimary: 400,
      teachersPrimary: 30,
      backboneTeachersPrimary: 8,
      higherDegreeTeachersPrimary: 25,
      equipmentValue: 1_200_000,
    }),
    makeStat({
      schoolCode: 'R',
      studentsPrimary: 100,
      teachersPrimary: 8,
      backboneTeachersPrimary: 0,
      equipmentValue: 100_000,
    }),
    makeStat({ schoolCode: 'N', studentsPrimary: 166, studentsJunior: 210, teachersPrimary: 10, teachersJunior: 15 }),
  ],
  rotations: [],
});

describe(applyWhatIfChanges.name, () => {
  it('should move teachers with their backbone counts and leave the input untouched', () => {
    const before = structuredClone(dataset);
    const sut = applyWhatIfChanges(dataset, [{ type: 'move_teachers', from: 'U', to: 'R', count: 2, backbone: true }]);
    expect(sut.errors).toEqual([]);
    const stat = (code: string) => sut.dataset.stats.find((s) => s.schoolCode === code);
    expect(stat('U')).toMatchObject({
      teachersPrimary: 28,
      backboneTeachersPrimary: 6,
      higherDegreeTeachersPrimary: 25,
    });
    expect(stat('R')).toMatchObject({ teachersPrimary: 10, backboneTeachersPrimary: 2 });
    expect(dataset).toEqual(before);
  });

  it('should put teachers of a nine-year school in its larger stage unless told', () => {
    const sut = applyWhatIfChanges(dataset, [
      { type: 'move_teachers', from: 'U', to: 'N', count: 1 },
      { type: 'move_teachers', from: 'U', to: 'N', count: 1, toStage: 'primary' },
    ]);
    expect(sut.dataset.stats.find((s) => s.schoolCode === 'N')).toMatchObject({
      teachersPrimary: 11,
      teachersJunior: 16,
    });
  });

  it('should add resources, teachers and students', () => {
    const sut = applyWhatIfChanges(dataset, [
      { type: 'add_resource', school: 'R', resource: 'equipmentValue', amount: 50_000 },
      { type: 'add_resource', school: 'R', resource: 'multimediaRooms', amount: 2 },
      { type: 'add_teachers', school: 'R', stage: 'primary', count: 3, peArt: true },
      { type: 'add_students', school: 'R', stage: 'primary', count: -20 },
    ]);
    expect(sut.errors).toEqual([]);
    expect(sut.dataset.stats.find((s) => s.schoolCode === 'R')).toMatchObject<Partial<SchoolStatRow>>({
      equipmentValue: 150_000,
      multimediaRooms: 2,
      teachersPrimary: 11,
      peArtTeachersPrimary: 3,
      studentsPrimary: 80,
    });
  });

  it('should validate each change against the state left by the earlier ones', () => {
    const sut = applyWhatIfChanges(dataset, [
      { type: 'move_teachers', from: 'U', to: 'R', count: 5 },
      { type: 'move_teachers', from: 'R', to: 'U', count: 13 },
    ]);
    expect(sut.errors).toEqual([]);
  });

  it('should report every invalid change with its index instead of throwing', () => {
    const sut = applyWhatIfChanges(dataset, [
      { type: 'move_teachers', from: 'U', to: 'NOPE', count: 1 },
      { type: 'move_teachers', from: 'R', to: 'U', count: 9 },
      { type: 'move_teachers', from: 'R', to: 'U', count: 1, backbone: true },
      { type: 'move_teachers', from: 'U', to: 'U', count: 1 },
      { type: 'add_students', school: 'U', stage: 'junior', count: 10 },
      { type: 'add_students', school: 'R', stage: 'primary', count: -101 },
      { type: 'add_resource', school: 'R', resource: 'musicRooms', amount: 1.5 },
    ]);
    expect(sut.errors.map((e) => [e.index, e.code])).toEqual([
      [0, 'UnknownSchool'],
      [1, 'NotEnoughTeachers'],
      [2, 'NotEnoughTeachers'],
      [3, 'SameSchool'],
      [4, 'StageNotOffered'],
      [5, 'NegativeStudents'],
      [6, 'FractionalCount'],
    ]);
    expect(sut.errors.every((e) => e.message.length > 0)).toBe(true);
  });
});

describe(computeWhatIf.name, () => {
  it('should equal the baseline with no changes', () => {
    const sut = computeWhatIf(dataset, []);
    expect(sut.valid).toBe(true);
    expect(sut.after).toEqual(sut.before);
    expect(sut.cvChanges.every((c) => c.delta === null || c.delta === 0)).toBe(true);
    expect(() => WhatIfResultSchema.parse(sut)).not.toThrow();
  });

  it('should equal the baseline with no changes for any county', () => {
    const statArb = fc.record({
      studentsPrimary: fc.integer({ min: 0, max: 2000 }),
      teachersPrimary: fc.integer({ min: 0, max: 100 }),
      backboneTeachersPrimary: fc.integer({ min: 0, max: 10 }),
      equipmentValue: fc.integer({ min: 0, max: 5_000_000 }),
      sportsArea: fc.integer({ min: 0, max: 20_000 }),
    });
    fc.assert(
      fc.property(fc.array(statArb, { minLength: 0, maxLength: 8 }), (rows) => {
        const data = {
          schools: rows.map((_, i) => makeSchool({ schoolCode: `S${i}` })),
          stats: rows.map((row, i) => makeStat({ schoolCode: `S${i}`, ...row })),
          rotations: [],
        };
        const sut = computeWhatIf(data, []);
        expect(sut.after).toEqual(sut.before);
      }),
    );
  });

  it('should show the changed CVs and verdicts after moving backbone teachers to the rural school', () => {
    const sut = computeWhatIf(dataset, [{ type: 'move_teachers', from: 'U', to: 'R', count: 2, backbone: true }]);
    const backbone = sut.cvChanges.find((c) => c.stage === 'primary' && c.key === 'backbone_teachers_per100');
    // before: U 2.0, R 0, N 0 per 100 → after: U 1.5, R 2.0
    expect(backbone?.delta).toBeLessThan(0);
    expect(sut.after?.primary.schools.find((s) => s.code === 'R')?.values.backbone_teachers_per100).toBe(2);
    expect(sut.verdicts.map((v) => v.stage)).toEqual(['primary', 'junior']);
  });

  it('should name the schools whose indicator status changed, in both directions', () => {
    // 7 of U's 8 backbone teachers go to R: U 8/400 = 2.0 → 1/400 = 0.25 per 100 (below 1.0), R 0 → 7 per 100.
    const sut = computeWhatIf(dataset, [{ type: 'move_teachers', from: 'U', to: 'R', count: 7, backbone: true }]);
    expect(sut.schoolChanges).toEqual([
      expect.objectContaining({
        stage: 'primary',
        code: 'R',
        nowMet: ['backbone_teachers_per100'],
        noLongerMet: [],
        metCountBefore: 0,
        metCountAfter: 1,
        passesBefore: false,
        passesAfter: false,
      }),
      expect.objectContaining({
        stage: 'primary',
        code: 'U',
        nowMet: [],
        noLongerMet: ['backbone_teachers_per100'],
      }),
    ]);
    expect(computeWhatIf(dataset, []).schoolChanges).toEqual([]);
  });

  it('should return errors and no after-state when a change is invalid', () => {
    const sut = computeWhatIf(dataset, [
      { type: 'add_resource', school: 'R', resource: 'sportsArea', amount: 100 },
      { type: 'add_teachers', school: 'X', stage: 'primary', count: 1 },
    ]);
    expect(sut).toMatchObject({ valid: false, after: null });
    expect(sut.errors).toEqual([expect.objectContaining({ index: 1, code: 'UnknownSchool' })]);
    expect(sut.verdicts.every((v) => v.after === null)).toBe(true);
    expect(sut.schoolChanges).toEqual([]);
  });

  it('should split an asset added to a nine-year school between its stages', () => {
    // 397 000 元 over 166 primary + 1.1 × 210 junior weighted students: 166 000 → 1000 元, 231 000 → 1100 元 per student
    const sut = computeWhatIf(dataset, [
      { type: 'add_resource', school: 'N', resource: 'equipmentValue', amount: 397_000 },
    ]);
    const equipmentOf = (stage: 'primary' | 'junior') =>
      sut.after?.[stage].schools.find((s) => s.code === 'N')?.values.equipment_value_per_student;
    expect(equipmentOf('primary')).toBeCloseTo(1000, 9);
    expect(equipmentOf('junior')).toBeCloseTo(1100, 9);
  });
});

describe('WhatIfChangeListSchema', () => {
  it('should accept each change type', () => {
    const sut = WhatIfChangeListSchema.safeParse([
      { type: 'move_teachers', from: 'A', to: 'B', count: 2, backbone: true },
      { type: 'add_teachers', school: 'A', stage: 'junior', count: 1, peArt: true },
      { type: 'add_resource', school: 'A', resource: 'teachingRoomArea', amount: 120.5 },
      { type: 'add_students', school: 'A', stage: 'primary', count: -30 },
    ]);
    expect(sut.success).toBe(true);
  });

  it('should reject unknown types, zero counts and negative amounts', () => {
    expect(WhatIfChangeListSchema.safeParse([{ type: 'close_school', school: 'A' }]).success).toBe(false);
    expect(WhatIfChangeListSchema.safeParse([{ type: 'move_teachers', from: 'A', to: 'B', count: 0 }]).success).toBe(
      false,
    );
    expect(
      WhatIfChangeListSchema.safeParse([{ type: 'add_resource', school: 'A', resource: 'books', amount: -5 }]).success,
    ).toBe(false);
    expect(
      WhatIfChangeListSchema.safeParse([{ type: 'add_students', school: 'A', stage: 'primary', count: 0 }]).success,
    ).toBe(false);
  });
});

describe(isCvChanged.name, () => {
  const row = { passesBefore: false, passesAfter: false, before: 0.6, after: 0.6, delta: 0 };

  it('should see a changed verdict, a CV that appears or disappears, or a value moved beyond rounding noise', () => {
    expect(isCvChanged({ ...row, passesAfter: true }, true)).toBe(true);
    expect(isCvChanged({ ...row, after: null, delta: null }, true)).toBe(true);
    expect(isCvChanged({ ...row, after: 0.59, delta: -0.01 }, true)).toBe(true);
  });

  it('should not see rounding noise, nor anything when the changes were rejected', () => {
    expect(isCvChanged({ ...row, delta: 1e-15 }, true)).toBe(false);
    expect(isCvChanged({ ...row, passesAfter: true, delta: 0.1 }, false)).toBe(false);
  });
});
