import { OUTSIDE_AREA_CODE, RotationReportSchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { applyRotationMoves, computeRotationReport } from './teacher-exchange.ts';
import { makeRotation, makeSchool, makeStat } from './test-fixtures.ts';

const schools = [
  makeSchool({ schoolCode: 'U', townshipCode: '420101001', townshipName: '街道', urbanRuralCode: '111' }),
  makeSchool({ schoolCode: 'R1', townshipCode: '420101200', townshipName: '乡', urbanRuralCode: '220' }),
  makeSchool({
    schoolCode: 'R2',
    schoolType: 'nine_year',
    townshipCode: '420101200',
    townshipName: '乡',
    urbanRuralCode: '210',
  }),
];
const stats = [
  makeStat({
    schoolCode: 'U',
    studentsPrimary: 300,
    teachersPrimary: 30,
    backboneTeachersPrimary: 5,
    rotationEligibleTeachers: 20,
  }),
  makeStat({ schoolCode: 'R1', studentsPrimary: 100, teachersPrimary: 10, rotationEligibleTeachers: 10 }),
  makeStat({
    schoolCode: 'R2',
    studentsPrimary: 100,
    studentsJunior: 200,
    teachersPrimary: 8,
    teachersJunior: 12,
    backboneTeachersJunior: 1,
    rotationEligibleTeachers: 10,
  }),
  makeStat({ schoolCode: 'U', year: 2023, rotationEligibleTeachers: 999 }),
];
/*
 * t1 U→R1 then R1→R2 (backbone, counted once), t2 U→R2, t3 R1→U, t4 from outside → R1;
 * ignored: t5 U→U and t7 between two outside schools; t6 is another year.
 * rotated = {t1, t2, t3} = 3 of 40 eligible → 7.5% (fails); backbone {t1} = 1 / 3 (passes).
 */
const rotations = [
  makeRotation({ teacherRef: 't1', fromSchoolCode: 'U', toSchoolCode: 'R1', backbone: true }),
  makeRotation({ teacherRef: 't2', fromSchoolCode: 'U', toSchoolCode: 'R2' }),
  makeRotation({ teacherRef: 't3', fromSchoolCode: 'R1', toSchoolCode: 'U' }),
  makeRotation({ teacherRef: 't1', fromSchoolCode: 'R1', toSchoolCode: 'R2', backbone: true }),
  makeRotation({ teacherRef: 't4', fromSchoolCode: 'X', toSchoolCode: 'R1' }),
  makeRotation({ teacherRef: 't5', fromSchoolCode: 'U', toSchoolCode: 'U' }),
  makeRotation({ teacherRef: 't6', fromSchoolCode: 'U', toSchoolCode: 'R1', year: 2023 }),
  makeRotation({ teacherRef: 't7', fromSchoolCode: 'Y', toSchoolCode: 'Z' }),
];
const report = computeRotationReport({ year: 2024, schools, stats, rotations });

describe(computeRotationReport.name, () => {
  it('should count distinct teachers rotated out against the eligible teachers', () => {
    expect(report).toMatchObject({
      year: 2024,
      eligible: 40,
      rotated: 3,
      ratio: 3 / 40,
      ratioPasses: false,
      backboneRotated: 1,
      backboneShare: 1 / 3,
      backbonePasses: true,
      rotatedInFromOutside: 1,
      ignoredRows: 2,
    });
    expect(() => RotationReportSchema.parse(report)).not.toThrow();
  });

  it('should count in and out per school', () => {
    expect(report.schools.map((s) => [s.code, s.eligible, s.out, s.in, s.backboneOut, s.backboneIn])).toEqual([
      ['U', 20, 2, 1, 1, 0],
      ['R1', 10, 2, 2, 1, 1],
      ['R2', 10, 0, 2, 0, 1],
    ]);
  });

  it('should give township and locale flows, with outside schools as outside', () => {
    const flows = (level: string) =>
      report.flows.filter((f) => f.level === level).map((f) => [f.from, f.to, f.count, f.backbone]);
    expect(flows('township')).toEqual([
      ['420101001', '420101200', 2, 1],
      ['420101200', '420101001', 1, 0],
      ['420101200', '420101200', 1, 1],
      ['outside', '420101200', 1, 0],
    ]);
    expect(flows('locale')).toEqual([
      ['urban', 'rural', 2, 1],
      ['outside', 'rural', 1, 0],
      ['rural', 'rural', 1, 1],
      ['rural', 'urban', 1, 0],
    ]);
    expect(report.flows.find((f) => f.level === 'locale' && f.from === 'urban')?.toName).toBe('乡村');
  });

  it('should show a school the user may not see as “outside your area” at every level, counting its moves', () => {
    const masked = computeRotationReport({
      year: 2024,
      schools,
      stats,
      rotations: [
        makeRotation({ teacherRef: 'a', fromSchoolCode: 'U', toSchoolCode: OUTSIDE_AREA_CODE, backbone: true }),
        makeRotation({ teacherRef: 'b', fromSchoolCode: OUTSIDE_AREA_CODE, toSchoolCode: 'R1' }),
      ],
    });
    const outside = masked.flows.filter((f) => f.from === OUTSIDE_AREA_CODE || f.to === OUTSIDE_AREA_CODE);
    expect(outside.map((f) => [f.level, f.from, f.to, f.count, f.backbone])).toEqual([
      ['school', OUTSIDE_AREA_CODE, 'R1', 1, 0],
      ['school', 'U', OUTSIDE_AREA_CODE, 1, 1],
      ['township', '420101001', OUTSIDE_AREA_CODE, 1, 1],
      ['township', OUTSIDE_AREA_CODE, '420101200', 1, 0],
      ['locale', OUTSIDE_AREA_CODE, 'rural', 1, 0],
      ['locale', 'urban', OUTSIDE_AREA_CODE, 1, 1],
    ]);
    expect(outside.every((f) => (f.from === OUTSIDE_AREA_CODE ? f.fromName : f.toName) === '区域外')).toBe(true);
    expect(masked).toMatchObject({ rotated: 1, backboneRotated: 1, rotatedInFromOutside: 1 });
  });

  it('should give the net flow to rural schools', () => {
    expect(report.rural).toEqual({
      teachersIn: 3,
      teachersOut: 1,
      netTeachers: 2,
      backboneIn: 1,
      backboneOut: 0,
      netBackbone: 1,
    });
  });

  it('should show the effect on per-100 teacher indicators, attributing a nine-year school to its larger stage', () => {
    const rows = report.effect.rows.map((r) => [r.code, r.stage, r.key, r.before, r.after]);
    expect(rows).toEqual([
      ['U', 'primary', 'teachers_per100', 10, 2900 / 300],
      ['U', 'primary', 'backbone_teachers_per100', 500 / 300, 400 / 300],
      ['R2', 'junior', 'teachers_per100', 6, 7],
      ['R2', 'junior', 'backbone_teachers_per100', 0.5, 1],
    ]);
    expect(report.effect.warnings).toEqual([]);
    expect(report.effect.cvs).toHaveLength(4);
  });

  it('should return nulls for a county without eligible teachers or rotations', () => {
    const sut = computeRotationReport({ year: 2024, schools: [], stats: [], rotations: [] });
    expect(sut).toMatchObject({
      eligible: 0,
      rotated: 0,
      ratio: null,
      ratioPasses: null,
      backboneShare: null,
      backbonePasses: null,
    });
  });
});

describe(applyRotationMoves.name, () => {
  it('should clamp at 0 and warn when the statistics have fewer teachers than rotated out', () => {
    const sut = applyRotationMoves(
      [makeSchool({ schoolCode: 'A' }), makeSchool({ schoolCode: 'B' })],
      [makeStat({ schoolCode: 'A', studentsPrimary: 50 }), makeStat({ schoolCode: 'B', studentsPrimary: 50 })],
      [{ teacherRef: 't', from: 'A', to: 'B', backbone: false }],
    );
    expect(sut.stats[0]?.teachersPrimary).toBe(0);
    expect(sut.stats[1]?.teachersPrimary).toBe(1);
    expect(sut.warnings).toHaveLength(1);
  });

  it('should not change its inputs', () => {
    const input = [makeStat({ schoolCode: 'U', studentsPrimary: 10, teachersPrimary: 3 })];
    const copy = structuredClone(input);
    applyRotationMoves([schools[0] ?? makeSchool({ schoolCode: 'U' })], input, [
      { teacherRef: 't', from: 'U', to: 'X', backbone: false },
    ]);
    expect(input).toEqual(copy);
  });
});
