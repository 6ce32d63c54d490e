import { RotationReportSchema } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { computeRotationReport, selectYearRotations } from './teacher-exchange.ts';
import { makeRotation, makeSchool, makeStat } from './test-fixtures.ts';

/*
 * Issue #9 point 8. Public schools A (20 eligible) and B (10), private school P (10), the same in 2023–2025.
 *   t1 A → B begun 2023 for 36 months (span 2023–2025), listed again in 2024, not in 2025;
 *   t2 A → B 2024; t3 B → A 2024, listed a second time (from outside X → A) marked backbone;
 *   t4 P → A 2024; t5 A → P 2024.
 * 2024, defaults (first year, public schools): t1's 2024 row continues its rotation and is left out; out of A or B:
 *   t2, t3, t5 = 3 of 30 eligible = 10% (passes); backbone t3 (any of its rows) = 1 of 3.
 *   (Before the fix: t1–t5 of 40 eligible = 12.5%, and t3 was not backbone: 0 of 5.)
 */
const schools = [
  makeSchool({ schoolCode: 'A' }),
  makeSchool({ schoolCode: 'B' }),
  makeSchool({ schoolCode: 'P', ownership: 'private' }),
];
const stats = [2023, 2024, 2025].flatMap((year) => [
  makeStat({ schoolCode: 'A', year, studentsPrimary: 400, teachersPrimary: 30, rotationEligibleTeachers: 20 }),
  makeStat({ schoolCode: 'B', year, studentsPrimary: 200, teachersPrimary: 15, rotationEligibleTeachers: 10 }),
  makeStat({ schoolCode: 'P', year, studentsPrimary: 200, teachersPrimary: 15, rotationEligibleTeachers: 10 }),
]);
const rotations = [
  makeRotation({ teacherRef: 't1', fromSchoolCode: 'A', toSchoolCode: 'B', year: 2023, months: 36 }),
  makeRotation({ teacherRef: 't1', fromSchoolCode: 'A', toSchoolCode: 'B', year: 2024, months: 36 }),
  makeRotation({ teacherRef: 't2', fromSchoolCode: 'A', toSchoolCode: 'B', year: 2024 }),
  makeRotation({ teacherRef: 't3', fromSchoolCode: 'B', toSchoolCode: 'A', year: 2024 }),
  makeRotation({ teacherRef: 't3', fromSchoolCode: 'X', toSchoolCode: 'A', year: 2024, backbone: true }),
  makeRotation({ teacherRef: 't4', fromSchoolCode: 'P', toSchoolCode: 'A', year: 2024 }),
  makeRotation({ teacherRef: 't5', fromSchoolCode: 'A', toSchoolCode: 'P', year: 2024 }),
];
const reportOf = (year: number, options = {}) => computeRotationReport({ year, schools, stats, rotations, options });

describe('rotation conventions', () => {
  it('should count a multi-year rotation in its first year and public schools only, by default', () => {
    const sut = computeRotationReport({ year: 2024, schools, stats, rotations });
    expect(sut).toMatchObject({
      multiYear: 'first_year',
      ratioSchools: 'public',
      continuingRows: 1,
      carriedOver: 0,
      eligible: 30,
      rotated: 3,
      ratio: 0.1,
      ratioPasses: true,
      backboneRotated: 1,
      backbonePasses: true,
    });
    expect(sut.backboneShare).toBeCloseTo(1 / 3, 15);
    expect(reportOf(2023)).toMatchObject({ rotated: 1, eligible: 30 });
    expect(reportOf(2025)).toMatchObject({ rotated: 0, carriedOver: 0 });
    expect(() => RotationReportSchema.parse(sut)).not.toThrow();
  });

  it('should count the rotation in every year the teacher is away when asked', () => {
    // 2024: t1 (its continuing row), t2, t3, t5 = 4 of 30; backbone t3 = 1 of 4.
    expect(reportOf(2024, { multiYear: 'every_year' })).toMatchObject({
      multiYear: 'every_year',
      continuingRows: 1,
      rotated: 4,
      backboneRotated: 1,
      backboneShare: 0.25,
    });
    // 2025 has no rows, but t1 is still away (2023 + 36 months): 1 of 30.
    expect(reportOf(2025, { multiYear: 'every_year' })).toMatchObject({ carriedOver: 1, rotated: 1, eligible: 30 });
  });

  it('should count private schools in the ratios when asked', () => {
    // First year, all schools: t2, t3, t4, t5 out of A, B or P = 4 of 40; backbone t3 = 1 of 4.
    expect(reportOf(2024, { ratioSchools: 'all' })).toMatchObject({
      ratioSchools: 'all',
      eligible: 40,
      rotated: 4,
      ratio: 0.1,
      backboneRotated: 1,
      backboneShare: 0.25,
    });
  });

  it('should keep every school in the flows and per-school figures whatever the ratio counts', () => {
    const sut = reportOf(2024);
    expect(sut.schools.find((s) => s.code === 'P')).toMatchObject({ out: 1, in: 1, eligible: 10 });
    expect(sut.flows.filter((f) => f.level === 'school').map((f) => [f.from, f.to, f.count])).toEqual(
      expect.arrayContaining([
        ['P', 'A', 1],
        ['A', 'P', 1],
      ]),
    );
  });
});

describe(selectYearRotations.name, () => {
  const t = (year: number, months: number | null) =>
    makeRotation({ teacherRef: 'T', fromSchoolCode: 'A', toSchoolCode: 'B', year, months });

  it('should continue a rotation only within the span of the row that began it', () => {
    // 2020 for 24 months covers 2020–2021: the 2021 row continues it, the 2022 row begins a new rotation.
    const rows = [t(2020, 24), t(2021, 24), t(2022, 24)];
    expect(selectYearRotations(rows, 2021, 'first_year')).toMatchObject({ rows: [], continuingRows: 1 });
    expect(selectYearRotations(rows, 2022, 'first_year').rows).toHaveLength(1);
  });

  it('should take a blank duration as one school year', () => {
    expect(selectYearRotations([t(2020, null), t(2021, null)], 2021, 'first_year')).toMatchObject({
      continuingRows: 0,
    });
    expect(selectYearRotations([t(2020, null)], 2021, 'every_year')).toMatchObject({ rows: [], carriedOver: 0 });
  });

  it('should treat another pair of schools as another rotation', () => {
    const other = makeRotation({ teacherRef: 'T', fromSchoolCode: 'A', toSchoolCode: 'C', year: 2021 });
    expect(selectYearRotations([t(2020, 36), other], 2021, 'first_year').rows).toEqual([other]);
  });

  it('should ignore later years and rows older than the longest span', () => {
    expect(selectYearRotations([t(2025, 12)], 2024, 'first_year').rows).toEqual([]);
    // 120 months from 2010 covers 2010–2019: still away in 2019, not in 2020.
    expect(selectYearRotations([t(2010, 120)], 2019, 'every_year').carriedOver).toBe(1);
    expect(selectYearRotations([t(2010, 120)], 2020, 'every_year').carriedOver).toBe(0);
  });
});
