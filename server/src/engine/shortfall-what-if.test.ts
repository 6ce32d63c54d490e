import type {
  QualityIndicatorKey,
  SchoolRow,
  SchoolStatRow,
  SchoolType,
  ShortfallRow,
  Stage,
  WhatIfChange,
} from '@junheng/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDistanceToPass } from './distance-to-pass.ts';
import { computeIndicatorValue, findQualityThreshold, meetsThreshold } from './indicators.ts';
import { computeStageUnits } from './stage-parts.ts';
import { makeSchool, makeStat } from './test-fixtures.ts';
import { applyWhatIfChanges, type WhatIfDataset } from './what-if.ts';

/** The what-if change that adds a shortfall row's amount to its school (issue #9 point 3). */
function changeFor(row: ShortfallRow): WhatIfChange {
  const teachers = (flag: 'higherDegree' | 'backbone' | 'peArt'): WhatIfChange => ({
    type: 'add_teachers',
    school: row.code,
    stage: row.stage,
    count: row.shortfall,
    [flag]: true,
  });
  const resource = (name: 'teachingRoomArea' | 'sportsArea' | 'equipmentValue' | 'multimediaRooms'): WhatIfChange => ({
    type: 'add_resource',
    school: row.code,
    resource: name,
    amount: row.shortfall,
  });
  const byKey: Record<QualityIndicatorKey, () => WhatIfChange> = {
    higher_degree_teachers_per100: () => teachers('higherDegree'),
    backbone_teachers_per100: () => teachers('backbone'),
    pe_art_teachers_per100: () => teachers('peArt'),
    teaching_room_area_per_student: () => resource('teachingRoomArea'),
    sports_area_per_student: () => resource('sportsArea'),
    equipment_value_per_student: () => resource('equipmentValue'),
    multimedia_rooms_per100: () => resource('multimediaRooms'),
  };
  return byKey[row.key]();
}

/** The indicator value of one school's stage part in a dataset, recomputed from the statistics. */
function findStageValue(dataset: WhatIfDataset, code: string, stage: Stage, key: QualityIndicatorKey): number | null {
  const unit = computeStageUnits(dataset.schools, dataset.stats).units.find(
    (u) => u.code === code && u.stage === stage,
  );
  return unit ? computeIndicatorValue(unit, key) : null;
}

// 九年一贯制 with 166 primary and 210 junior students (METHOD.md §5: weights 1 : 1.1 → 166 + 231 = 397 weighted students)
// and 500 000 元 of equipment. Per weighted student 500 000 / 397; the primary part needs 2000 per student, the junior
// part 2500 per student, i.e. 2500 / 1.1 per weighted student.
//   primary: part gap = 2000 × 166 − 500 000 × 166 / 397 = 48 804 000 / 397 = 122 931.99 → 122 932 元;
//            campus = 2000 × 397 − 500 000 = 294 000 元 exactly.
//   junior:  part gap = 2500 × 210 − 500 000 × 231 / 397 = 234 068.01 → 234 069 元;
//            campus = 2500 / 1.1 × 397 − 500 000 = 402 272.73 → 402 273 元.
const nineYear: WhatIfDataset = {
  schools: [makeSchool({ schoolCode: 'N', schoolType: 'nine_year' })],
  stats: [
    makeStat({
      schoolCode: 'N',
      studentsPrimary: 166,
      studentsJunior: 210,
      teachersPrimary: 12,
      teachersJunior: 16,
      higherDegreeTeachersPrimary: 12,
      higherDegreeTeachersJunior: 16,
      backboneTeachersPrimary: 2,
      backboneTeachersJunior: 3,
      peArtTeachersPrimary: 2,
      peArtTeachersJunior: 2,
      teachingRoomArea: 5_000,
      sportsArea: 5_000,
      equipmentValue: 500_000,
      multimediaRooms: 10,
    }),
  ],
  rotations: [],
};

describe('shortfalls at a multi-stage school', () => {
  it('should state what the campus adds, with the stage part’s gap beside it', () => {
    const units = computeStageUnits(nineYear.schools, nineYear.stats);
    const primary = computeDistanceToPass(units, 'primary');
    const junior = computeDistanceToPass(units, 'junior');
    expect(primary.rows.find((r) => r.key === 'equipment_value_per_student')).toMatchObject({
      shortfall: 294_000,
      stagePartShortfall: 122_932,
    });
    expect(primary.rows[0]?.assetShare).toBeCloseTo(166 / 397, 15);
    expect(junior.rows.find((r) => r.key === 'equipment_value_per_student')).toMatchObject({
      shortfall: 402_273,
      stagePartShortfall: 234_069,
    });
    expect(primary.totals.equipmentYuan).toBe(294_000);
    expect(junior.totals.equipmentYuan).toBe(402_273);
  });

  it('should bring the stage part to the standard when the campus adds the reported amount', () => {
    const units = computeStageUnits(nineYear.schools, nineYear.stats);
    const row = computeDistanceToPass(units, 'primary').rows.find((r) => r.key === 'equipment_value_per_student');
    expect(row).toBeDefined();
    if (!row) return;
    const after = applyWhatIfChanges(nineYear, [changeFor(row)]).dataset;
    expect(findStageValue(after, 'N', 'primary', row.key)).toBeCloseTo(2000, 9);
    // The stage part's own gap added to the campus is not enough (the old report).
    const partOnly = applyWhatIfChanges(nineYear, [
      { ...changeFor(row), amount: row.stagePartShortfall } as WhatIfChange,
    ]);
    expect(findStageValue(partOnly.dataset, 'N', 'primary', row.key)).toBeLessThan(2000);
  });
});

type StatSpec = typeof statArb extends fc.Arbitrary<infer T> ? T : never;

const SCHOOL_TYPES: readonly SchoolType[] = ['primary', 'junior', 'nine_year', 'twelve_year', 'complete_middle'];

const statArb = fc.record({
  studentsPrimary: fc.integer({ min: 50, max: 2000 }),
  studentsJunior: fc.integer({ min: 50, max: 2000 }),
  studentsSenior: fc.integer({ min: 0, max: 1500 }),
  teachers: fc.integer({ min: 0, max: 40 }),
  higherDegree: fc.integer({ min: 0, max: 40 }),
  backbone: fc.integer({ min: 0, max: 20 }),
  peArt: fc.integer({ min: 0, max: 10 }),
  teachingRoomArea: fc.double({ min: 0, max: 30_000, noNaN: true }),
  sportsArea: fc.integer({ min: 0, max: 40_000 }),
  equipmentValue: fc.integer({ min: 0, max: 8_000_000 }),
  multimediaRooms: fc.integer({ min: 0, max: 60 }),
});

function buildSchool(type: SchoolType, index: number, s: StatSpec) {
  const code = `S${index}`;
  const hasPrimary = type === 'primary' || type === 'nine_year' || type === 'twelve_year';
  const hasJunior = type !== 'primary';
  const hasSenior = type === 'twelve_year' || type === 'complete_middle';
  const school: SchoolRow = makeSchool({ schoolCode: code, schoolType: type });
  const stat: SchoolStatRow = makeStat({
    schoolCode: code,
    studentsPrimary: hasPrimary ? s.studentsPrimary : 0,
    studentsJunior: hasJunior ? s.studentsJunior : 0,
    studentsSenior: hasSenior ? s.studentsSenior : 0,
    teachersPrimary: hasPrimary ? s.teachers + s.higherDegree : 0,
    teachersJunior: hasJunior ? s.teachers + s.higherDegree : 0,
    higherDegreeTeachersPrimary: hasPrimary ? s.higherDegree : 0,
    higherDegreeTeachersJunior: hasJunior ? s.higherDegree : 0,
    backboneTeachersPrimary: hasPrimary ? Math.min(s.backbone, s.teachers + s.higherDegree) : 0,
    backboneTeachersJunior: hasJunior ? Math.min(s.backbone, s.teachers + s.higherDegree) : 0,
    peArtTeachersPrimary: hasPrimary ? Math.min(s.peArt, s.teachers + s.higherDegree) : 0,
    peArtTeachersJunior: hasJunior ? Math.min(s.peArt, s.teachers + s.higherDegree) : 0,
    teachingRoomArea: s.teachingRoomArea,
    sportsArea: s.sportsArea,
    equipmentValue: s.equipmentValue,
    multimediaRooms: s.multimediaRooms,
  });
  return { school, stat };
}

describe('any reported shortfall, applied through what-if', () => {
  it('should bring that school to the standard on that indicator', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...SCHOOL_TYPES), statArb), { minLength: 1, maxLength: 6 }),
        (specs) => {
          const built = specs.map(([type, stat], i) => buildSchool(type, i, stat));
          const dataset: WhatIfDataset = {
            schools: built.map((b) => b.school),
            stats: built.map((b) => b.stat),
            rotations: [],
          };
          const units = computeStageUnits(dataset.schools, dataset.stats);
          for (const stage of ['primary', 'junior'] as const) {
            for (const row of computeDistanceToPass(units, stage).rows) {
              const applied = applyWhatIfChanges(dataset, [changeFor(row)]);
              expect(applied.errors).toEqual([]);
              const value = findStageValue(applied.dataset, row.code, stage, row.key);
              expect(value).not.toBeNull();
              expect(meetsThreshold(value ?? 0, findQualityThreshold(row.key, stage))).toBe(true);
              expect(row.shortfall).toBeGreaterThanOrEqual(row.stagePartShortfall);
            }
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
